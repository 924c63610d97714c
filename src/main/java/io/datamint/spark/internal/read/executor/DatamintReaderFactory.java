package io.datamint.spark.internal.read.executor;

import io.datamint.spark.internal.annotation.LabelSchema;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.plan.ResourcePartition;
import io.datamint.spark.internal.schema.DatamintSchema;
import io.datamint.spark.internal.source.ResourceFileStore;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Creates the executors' partition readers, which produce Arrow batches. Holds the read schema, the
 * read settings, the file store (an address and a Hadoop configuration) and the label schema,
 * nothing else of the driver.
 *
 * <p>The boundary between the two sides of the read path: the driver's scan builds it with {@link
 * #create} and Spark serializes it to the executors, where it is the only way into this package's
 * readers.
 */
public final class DatamintReaderFactory implements PartitionReaderFactory {

  private static final long serialVersionUID = 1L;

  private final StructType readSchema;
  private final ReadSettings settings;
  private final ResourceFileStore files;
  private final TargetComputer targets;
  private final RowExpander expander;

  /**
   * The reader factory of a scan, resolved on the driver: of the options it keeps only what the
   * executors need (read mode, dataset kind, decode limits, batch size, targets, slice plane,
   * frame-by-frame).
   *
   * @param readSchema the scan's (pruned) read schema
   * @param options the read's options
   * @param files the handle the executors open the resource and mask files with
   * @param labels the project's label schema, for the target columns
   * @param rowFilter the pushed {@code slice_index} / {@code frame_index} predicates ({@link
   *     RowIndexFilter#ALL} when none)
   */
  public static DatamintReaderFactory create(
      StructType readSchema,
      DatamintOptions options,
      ResourceFileStore files,
      LabelSchema labels,
      RowIndexFilter rowFilter) {
    return new DatamintReaderFactory(
        readSchema,
        ReadSettings.of(options),
        files,
        new TargetComputer(labels, options.targets(), readSchema),
        new RowExpander(options.slicePlane(), options.frameByFrame(), rowFilter));
  }

  DatamintReaderFactory(
      StructType readSchema,
      ReadSettings settings,
      ResourceFileStore files,
      TargetComputer targets,
      RowExpander expander) {
    this.readSchema = readSchema;
    this.settings = settings;
    this.files = files;
    this.targets = targets;
    this.expander = expander;
  }

  @Override
  public boolean supportColumnarReads(InputPartition partition) {
    return true;
  }

  @Override
  public PartitionReader<ColumnarBatch> createColumnarReader(InputPartition partition) {
    return new ResourceBatchReader((ResourcePartition) partition, this);
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    throw new UnsupportedOperationException("the datamint reader produces columnar batches only");
  }

  StructType readSchema() {
    return readSchema;
  }

  ReadSettings settings() {
    return settings;
  }

  ResourceFileStore files() {
    return files;
  }

  TargetComputer targets() {
    return targets;
  }

  RowExpander expander() {
    return expander;
  }

  /** True when the read schema has a column that comes from the resource files. */
  boolean readsFiles() {
    return DatamintSchema.readsFiles(readSchema);
  }
}
