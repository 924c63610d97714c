/**
 * The Datamint SDK's dataset semantics that decide which resources a read covers: {@code
 * include_unannotated} and {@code filter(tags, filename_pattern, has_annotations,
 * annotation_names)}, applied in the SDK's order on the driver, before any SQL predicate.
 */
package io.datamint.spark.internal.dataset;
