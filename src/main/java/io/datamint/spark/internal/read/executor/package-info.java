/**
 * The DataSource V2 read path, executor side: the reader factory Spark serializes from the driver,
 * and the columnar partition readers it creates, which fetch and decode each planned resource's
 * file, lay its pixels out for the dataset, compute its targets and masks, expand it into slice or
 * frame rows, decide what a failure becomes ({@code RowFailures}, per the read mode) and build
 * Arrow batches.
 *
 * <p>This package knows nothing of the driver side ({@code io.datamint.spark.internal.read}): it
 * works from the input partition's planned resources and what the factory carries. Its public types
 * are only those the driver needs to build the factory: {@link
 * io.datamint.spark.internal.read.executor.DatamintReaderFactory}, the {@link
 * io.datamint.spark.internal.read.executor.RowIndexFilter} it ships, and the metric names of {@link
 * io.datamint.spark.internal.read.executor.ReadTaskMetrics}.
 *
 * <p><b>Internal:</b> not part of the connector's API and not for users. There is no compatibility
 * promise: its classes may change or disappear in any release. The API is listed in
 * docs/architecture.md ("Public API").
 */
package io.datamint.spark.internal.read.executor;
