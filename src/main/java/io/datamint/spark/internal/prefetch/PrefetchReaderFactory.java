package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.util.SerializableHadoopConf;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.read.InputPartition;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.apache.spark.sql.connector.read.PartitionReaderFactory;

/**
 * Sent to the executors once per job: where to write, how to reach the API, how many downloads at
 * once.
 */
final class PrefetchReaderFactory implements PartitionReaderFactory {

  private static final long serialVersionUID = 1L;

  private final String jobId;
  private final String mirror;
  private final SerializableHadoopConf conf;
  private final ApiSettings settings;
  private final int concurrency;
  private final ProgressCounters counters;

  PrefetchReaderFactory(
      String jobId,
      String mirror,
      SerializableHadoopConf conf,
      ApiSettings settings,
      int concurrency,
      ProgressCounters counters) {
    this.counters = counters;
    this.jobId = jobId;
    this.mirror = mirror;
    this.conf = conf;
    this.settings = settings;
    this.concurrency = concurrency;
  }

  @Override
  public PartitionReader<InternalRow> createReader(InputPartition partition) {
    PrefetchScan.PrefetchPartition p = (PrefetchScan.PrefetchPartition) partition;
    return new PrefetchPartitionReader(
        jobId, p.index(), p.tasks(), mirror, conf.get(), settings, concurrency, counters);
  }
}
