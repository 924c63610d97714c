/**
 * The DataSource V2 read path, driver side: the {@code datamint} table provider and table, the scan
 * builder with its pushdowns (column pruning, predicates on resource attributes and tags, the
 * {@code array_contains(tags, ...)} optimizer rule, limit), the scan, its planning (partitions of
 * planned resources, frame counts for slice reads), and saving splits. Nothing here opens a
 * resource file to build rows: the scan hands the executors a {@link
 * io.datamint.spark.internal.read.executor.DatamintReaderFactory}, the one entry point into {@link
 * io.datamint.spark.internal.read.executor}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.read;
