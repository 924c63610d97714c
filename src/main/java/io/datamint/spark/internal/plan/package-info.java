/**
 * Driver-side planning: the selected resources become small serializable {@link
 * io.datamint.spark.internal.plan.PlannedResource}s, grouped into input partitions by estimated
 * bytes. Executors receive these partitions and nothing else of the driver's state.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.plan;
