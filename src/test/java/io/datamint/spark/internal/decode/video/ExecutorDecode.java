package io.datamint.spark.internal.decode.video;

import io.datamint.spark.testing.ClusterSession;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Driver main for {@link VideoOnExecutorsTest}: decodes a clip in every partition's task on the
 * standalone cluster, with the executors' JavaCPP cache pointed at {@code args[0]} through {@code
 * spark.executor.extraJavaOptions}, and prints one {@code {"type":"probe", ...}} line per partition
 * and a {@code {"type":"driver", "pid"}} line.
 */
public final class ExecutorDecode {

  private ExecutorDecode() {}

  public static void main(String[] args) throws Exception {
    String cacheDir = args[0];
    String flags = System.getProperty("datamint.test.jvmFlags", "");
    try (SparkSession spark =
        SparkSession.builder()
            .master(System.getProperty("datamint.cluster.masterUrl"))
            .appName("datamint-video-executor-test")
            .config("spark.executor.extraClassPath", System.getProperty("java.class.path"))
            .config(
                "spark.executor.extraJavaOptions",
                flags + " -Dorg.bytedeco.javacpp.cachedir=" + cacheDir)
            .config("spark.executor.memory", "512m")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .getOrCreate()) {
      List<NativeProbe> probes =
          spark
              .range(0, 2, 1, 2)
              .javaRDD()
              .mapPartitions(ExecutorDecode::decodeInTask, false)
              .collect();
      for (NativeProbe probe : probes) {
        ClusterSession.emit("probe", probe.fields());
      }
      ClusterSession.emit("driver", java.util.Map.of("pid", ProcessHandle.current().pid()));
    }
  }

  private static Iterator<NativeProbe> decodeInTask(Iterator<Long> ignored) throws Exception {
    return List.of(NativeProbe.run()).iterator();
  }
}
