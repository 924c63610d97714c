package io.datamint.spark.read;

import io.datamint.spark.plan.ResourcePartition;
import io.datamint.spark.schema.DatamintSchema;
import io.datamint.spark.source.ResourceFileStore;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Creates the executors' partition readers, which produce Arrow batches. Holds the read schema, the read settings,
 * the file store (an address and a Hadoop configuration) and the label schema, nothing else of the driver.
 */
final class DatamintReaderFactory implements PartitionReaderFactory {

  private static final long serialVersionUID = 1L;

  private final StructType readSchema;
  private final ReadSettings settings;
  private final ResourceFileStore files;
  private final TargetComputer targets;
  private final RowExpander expander;

  DatamintReaderFactory(StructType readSchema, ReadSettings settings, ResourceFileStore files,
      TargetComputer targets, RowExpander expander) {
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
