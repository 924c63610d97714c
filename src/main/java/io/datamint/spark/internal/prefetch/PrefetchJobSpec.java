package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.util.SerializableHadoopConf;
import java.time.Duration;
import java.util.List;

/**
 * What the prefetch scan needs on the driver: the planned partitions, where to write, and how to
 * download.
 *
 * @param jobId this job's id (names its download slots on the executors)
 * @param description for the Spark UI and {@code explain()}
 * @param partitions the tasks of each partition
 * @param mirror the output mirror, a Hadoop path
 * @param conf the Hadoop configuration of the output file system
 * @param settings how executors reach the API
 * @param concurrency downloads in flight per executor
 * @param progressInterval how often the driver logs the job's progress
 * @param counters the accumulators of the job's progress (null until the job starts)
 */
record PrefetchJobSpec(
    String jobId,
    String description,
    List<List<PrefetchTask>> partitions,
    String mirror,
    SerializableHadoopConf conf,
    ApiSettings settings,
    int concurrency,
    Duration progressInterval,
    ProgressCounters counters) {

  /** This spec with the accumulators of its running job. */
  PrefetchJobSpec withCounters(ProgressCounters running) {
    return new PrefetchJobSpec(
        jobId,
        description,
        partitions,
        mirror,
        conf,
        settings,
        concurrency,
        progressInterval,
        running);
  }

  /** How many files the job fetches. */
  long files() {
    return partitions.stream().mapToLong(List::size).sum();
  }

  /** The files' declared bytes (masks declare none). */
  long declaredBytes() {
    long bytes = 0;
    for (List<PrefetchTask> partition : partitions) {
      for (PrefetchTask task : partition) {
        bytes += task.expectedSize() == null ? 0 : Math.max(0, task.expectedSize());
      }
    }
    return bytes;
  }
}
