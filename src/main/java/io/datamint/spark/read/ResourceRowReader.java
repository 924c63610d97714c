package io.datamint.spark.read;

import io.datamint.spark.plan.PlannedResource;
import io.datamint.spark.plan.ResourcePartition;
import java.util.Iterator;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.PartitionReader;

/** Reads one input partition: one row per planned resource, in plan order. */
final class ResourceRowReader implements PartitionReader<InternalRow> {

  private final Iterator<PlannedResource> resources;
  private final RowAssembler assembler;
  private InternalRow current;

  ResourceRowReader(ResourcePartition partition, RowAssembler assembler) {
    this.resources = partition.resources().iterator();
    this.assembler = assembler;
  }

  @Override
  public boolean next() {
    if (!resources.hasNext()) {
      current = null;
      return false;
    }
    current = assembler.assemble(resources.next());
    return true;
  }

  @Override
  public InternalRow get() {
    return current;
  }

  @Override
  public void close() {
    current = null;
  }
}
