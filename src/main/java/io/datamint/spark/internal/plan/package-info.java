/**
 * Driver-side planning: the selected resources become small serializable {@link
 * io.datamint.spark.internal.plan.PlannedResource}s, grouped into input partitions by estimated bytes.
 * Executors receive these partitions and nothing else of the driver's state.
 */
package io.datamint.spark.internal.plan;
