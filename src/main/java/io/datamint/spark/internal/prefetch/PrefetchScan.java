package io.datamint.spark.internal.prefetch;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.read.Batch;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;
import org.apache.spark.sql.connector.read.Scan;
import org.apache.spark.sql.types.StructType;

/**
 * The prefetch job's scan and batch: one input partition per planned partition, with the prefetch
 * metrics.
 */
final class PrefetchScan implements Scan, Batch {

  private final PrefetchJobSpec spec;

  PrefetchScan(PrefetchJobSpec spec) {
    this.spec = spec;
  }

  @Override
  public StructType readSchema() {
    return PrefetchRows.SCHEMA;
  }

  @Override
  public String description() {
    return spec.description();
  }

  @Override
  public Batch toBatch() {
    return this;
  }

  @Override
  public CustomMetric[] supportedCustomMetrics() {
    return PrefetchMetrics.supported();
  }

  @Override
  public InputPartition[] planInputPartitions() {
    InputPartition[] out = new InputPartition[spec.partitions().size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = new PrefetchPartition(i, new ArrayList<>(spec.partitions().get(i)));
    }
    return out;
  }

  @Override
  public PartitionReaderFactory createReaderFactory() {
    return new PrefetchReaderFactory(
        spec.jobId(),
        spec.mirror(),
        spec.conf(),
        spec.settings(),
        spec.concurrency(),
        spec.counters());
  }

  /** One partition's files. */
  record PrefetchPartition(int index, List<PrefetchTask> tasks) implements InputPartition {
    private static final long serialVersionUID = 1L;
  }
}
