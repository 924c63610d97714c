package io.datamint.spark.read;

import io.datamint.spark.decode.DecodeException;
import io.datamint.spark.plan.PlannedResource;
import io.datamint.spark.plan.ResourcePartition;
import io.datamint.spark.source.ResourceFileStore;
import java.util.Iterator;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.util.ArrowUtils;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads one input partition into Arrow batches: for each planned resource, the file is decoded only when the read
 * schema has a column from it; rows that fail follow the read mode (PERMISSIVE keeps them with {@code _error},
 * DROPMALFORMED drops them, FAILFAST fails the task naming the resource).
 */
final class ResourceBatchReader implements PartitionReader<ColumnarBatch> {

  private static final Logger LOG = LoggerFactory.getLogger(ResourceBatchReader.class);

  private final Iterator<PlannedResource> resources;
  private final ReadSettings settings;
  private final RowAssembler assembler;
  private final ResourceLoader loader;
  private final TargetComputer targets;
  private final ResourceFileStore files;
  private final BufferAllocator allocator;
  private final ColumnarBatchBuilder builder;
  private ColumnarBatch current;
  private long filesRead;
  private long errorRows;
  private long droppedRows;

  ResourceBatchReader(ResourcePartition partition, DatamintReaderFactory factory) {
    this.resources = partition.resources().iterator();
    this.settings = factory.settings();
    this.assembler = new RowAssembler(ColumnarBatchBuilder.plainSchema(factory.readSchema()));
    this.loader = factory.readsFiles() ? new ResourceLoader(factory.files(), settings) : null;
    this.targets = factory.targets();
    this.files = factory.files();
    this.allocator = ArrowUtils.rootAllocator().newChildAllocator(
        "datamint-partition-" + partition.index(), 0, Long.MAX_VALUE);
    this.builder = new ColumnarBatchBuilder(factory.readSchema(), allocator);
  }

  @Override
  public boolean next() {
    builder.reset();
    while (builder.rows() < settings.batchSize() && builder.tensorBytes() < ReadSettings.MAX_BATCH_TENSOR_BYTES
        && resources.hasNext()) {
      PlannedResource resource = resources.next();
      DecodeOutcome outcome = DecodeOutcome.NOT_READ;
      if (loader != null) {
        outcome = loader.load(resource);
        filesRead++;
      }
      if (targets.active() && outcome.error() == null) {
        try {
          outcome = outcome.withTargets(targets.compute(resource, outcome.image(), files, settings.limits()));
        } catch (DecodeException e) {
          outcome = DecodeOutcome.failed(e.getMessage());
        }
      }
      if (outcome.error() != null) {
        switch (settings.mode()) {
          case FAILFAST:
            throw new IllegalStateException("resource " + resource.resourceId() + " (" + resource.filename()
                + ") could not be decoded: " + outcome.error() + " (mode FAILFAST; use PERMISSIVE to get the "
                + "reason in the _error column)");
          case DROPMALFORMED:
            droppedRows++;
            LOG.warn("dropping resource {} ({}): {}", resource.resourceId(), resource.filename(), outcome.error());
            continue;
          default:
            errorRows++;
        }
      }
      builder.add(assembler.assemble(resource, outcome), outcome::tensor);
    }
    if (builder.rows() == 0) {
      current = null;
      return false;
    }
    current = builder.build();
    return true;
  }

  @Override
  public ColumnarBatch get() {
    return current;
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    return new CustomTaskMetric[] {
      ReadMetrics.value(ReadMetrics.FILES_READ, filesRead),
      ReadMetrics.value(ReadMetrics.BYTES_READ, loader == null ? 0 : loader.bytesRead()),
      ReadMetrics.value(ReadMetrics.ERROR_ROWS, errorRows),
      ReadMetrics.value(ReadMetrics.DROPPED_ROWS, droppedRows)
    };
  }

  @Override
  public void close() {
    current = null;
    builder.close();
    allocator.close();
  }
}
