package io.datamint.spark.testing;

import java.io.Serializable;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkEnv;
import org.apache.spark.sql.SparkSession;

/**
 * Driver main for {@link StandaloneClusterTest}: runs {@code spark.range(0, 1000, 1, 4)} on the
 * cluster and reports, per partition, which JVM did the work.
 *
 * <p>Output (JSON lines): one {@code {"type":"partition", "partition", "pid", "parentPid",
 * "executorId", "count", "sum"}} per partition, then {@code {"type":"driver", "pid", "executorId",
 * "sparkVersion", "master"}}.
 */
public final class ExecutorPidProbe {

  private ExecutorPidProbe() {}

  /** What one partition's task saw about the JVM it ran in. */
  record PartitionInfo(
      int partition, long pid, long parentPid, String executorId, long count, long sum)
      implements Serializable {}

  /** Runs the probe job; no arguments. */
  public static void main(String[] args) throws Exception {
    try (SparkSession spark = ClusterSession.connect()) {
      List<PartitionInfo> partitions =
          spark
              .range(0, 1000, 1, 4)
              .javaRDD()
              .mapPartitionsWithIndex(ExecutorPidProbe::describePartition, false)
              .collect();
      for (PartitionInfo p : partitions) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("partition", p.partition());
        fields.put("pid", p.pid());
        fields.put("parentPid", p.parentPid());
        fields.put("executorId", p.executorId());
        fields.put("count", p.count());
        fields.put("sum", p.sum());
        ClusterSession.emit("partition", fields);
      }
      Map<String, Object> driver = new LinkedHashMap<>();
      driver.put("pid", ProcessHandle.current().pid());
      driver.put("executorId", SparkEnv.get().executorId());
      driver.put("sparkVersion", spark.version());
      driver.put("master", spark.sparkContext().master());
      ClusterSession.emit("driver", driver);
    }
  }

  /** Runs on an executor: sums its share of the range and notes the JVM it runs in. */
  private static Iterator<PartitionInfo> describePartition(
      Integer partition, Iterator<Long> values) {
    long count = 0;
    long sum = 0;
    while (values.hasNext()) {
      sum += values.next();
      count++;
    }
    ProcessHandle self = ProcessHandle.current();
    long parent = self.parent().map(ProcessHandle::pid).orElse(-1L);
    return List.of(
            new PartitionInfo(
                partition, self.pid(), parent, SparkEnv.get().executorId(), count, sum))
        .iterator();
  }
}
