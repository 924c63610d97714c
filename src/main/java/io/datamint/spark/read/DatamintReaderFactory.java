package io.datamint.spark.read;

import io.datamint.spark.plan.ResourcePartition;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.types.StructType;

/** Creates the executors' partition readers; holds only the read schema. */
final class DatamintReaderFactory implements PartitionReaderFactory {

  private static final long serialVersionUID = 1L;

  private final StructType readSchema;

  DatamintReaderFactory(StructType readSchema) {
    this.readSchema = readSchema;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    return new ResourceRowReader((ResourcePartition) partition, new RowAssembler(readSchema));
  }
}
