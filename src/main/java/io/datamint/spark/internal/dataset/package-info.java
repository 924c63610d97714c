/**
 * The Datamint SDK's dataset semantics that decide which resources a read covers: {@code
 * include_unannotated} and {@code filter(tags, filename_pattern, has_annotations,
 * annotation_names)}, applied in the SDK's order on the driver, before any SQL predicate.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.dataset;
