package io.datamint.spark.testing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Driver-side half of the cluster harness: used inside a driver main launched by {@link
 * ClusterDriver}, never in the test JVM itself.
 *
 * <pre>{@code
 * public static void main(String[] args) throws Exception {
 *   try (SparkSession spark = ClusterSession.connect()) {
 *     long n = spark.read().format("datamint").load(args[0]).count();
 *     ClusterSession.emit("count", Map.of("rows", n));
 *   }
 * }
 * }</pre>
 */
public final class ClusterSession {

  private static final ObjectMapper JSON = new ObjectMapper();

  private ClusterSession() {}

  /**
   * Connects to the master URL that {@link ClusterDriver#run(StandaloneCluster, Class, String...)}
   * passed.
   */
  public static SparkSession connect() {
    String masterUrl = System.getProperty(ChildJvm.MASTER_URL_PROPERTY);
    if (masterUrl == null || masterUrl.isBlank()) {
      throw new IllegalStateException(
          "no -D"
              + ChildJvm.MASTER_URL_PROPERTY
              + ": run this main through ClusterDriver.run(cluster, ...)"
              + " or call connect(masterUrl)");
    }
    return connect(masterUrl);
  }

  /**
   * A session on a standalone cluster whose executors can load everything on this JVM's classpath.
   *
   * <p>Settings: {@code spark.executor.extraClassPath} = this JVM's classpath (the cluster's
   * Workers have no Spark jars of their own), {@code spark.executor.extraJavaOptions} = Spark's
   * module flags, driver host and bind address 127.0.0.1, UI off, executor memory 512m, few shuffle
   * partitions and UTC session time zone (as in {@link SharedSpark}).
   */
  public static SparkSession connect(String masterUrl) {
    return SparkSession.builder()
        .master(masterUrl)
        .appName("datamint-cluster-test")
        .config("spark.executor.extraClassPath", ChildJvm.classPath())
        .config("spark.executor.extraJavaOptions", ChildJvm.sparkJvmFlagString())
        .config("spark.executor.memory", "512m")
        .config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1")
        .config("spark.ui.enabled", "false")
        .config("spark.ui.showConsoleProgress", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .config("spark.sql.session.timeZone", "UTC")
        .getOrCreate();
  }

  /**
   * Prints one JSON object line on stdout: {@code {"type": type, ...fields}}. The test reads it
   * back with {@link ClusterDriver.Result#jsonLines(String)}.
   */
  public static void emit(String type, Map<String, ?> fields) {
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("type", type);
    line.putAll(fields);
    try {
      String text = JSON.writeValueAsString(line);
      synchronized (System.out) {
        System.out.println(text);
        System.out.flush();
      }
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("cannot write " + line + " as JSON", e);
    }
  }
}
