package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.util.SerializableHadoopConf;
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
 */
record PrefetchJobSpec(
    String jobId,
    String description,
    List<List<PrefetchTask>> partitions,
    String mirror,
    SerializableHadoopConf conf,
    ApiSettings settings,
    int concurrency) {}
