package io.datamint.spark.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.testing.ChildJvm;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A standalone cluster started from a {@link SparkInstallation}, as an operator would start one: a
 * Master and one or more Workers, each a {@code bin/spark-class} process (separate JVMs) on
 * 127.0.0.1; each Worker launches the executors of each application in JVMs of their own, with the
 * installation's {@code jars/} and whatever jars the application ships. {@link #close()} stops
 * every process it started, executors included, and so does a shutdown hook when the JVM exits
 * without closing it (the benchmark harness's failures, Ctrl-C); a failed start stops what it
 * started before it throws. Logs stay under the log directory: {@code master.log}, {@code
 * worker.log} (the first Worker), {@code worker-<i>.log} (the others) and the Workers' work
 * directories {@code work/}, {@code work-<i>/}.
 */
public final class InstalledCluster implements AutoCloseable {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Duration STARTUP = Duration.ofSeconds(90);

  private final SparkInstallation spark;
  private final Path logDir;
  private final Path workDir;
  private final List<Process> processes = new ArrayList<>();
  private final Thread shutdownHook = new Thread(this::stop, "installed-cluster-shutdown");
  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private String masterUrl;
  private String webUi;

  private InstalledCluster(SparkInstallation spark, Path logDir) {
    this.spark = spark;
    this.logDir = logDir;
    this.workDir = logDir.resolve("work");
  }

  /**
   * Starts a Master and a Worker of {@code cores} cores and 2 GiB, and waits until the Worker is
   * ALIVE.
   */
  static InstalledCluster start(SparkInstallation spark, Path logDir, int cores)
      throws IOException, InterruptedException {
    return start(spark, logDir, 1, cores, "2g");
  }

  /**
   * Starts a Master and {@code workers} Workers of {@code cores} cores and {@code memory} each
   * ({@code --memory}, e.g. {@code 2g}), and waits until every Worker is ALIVE.
   */
  public static InstalledCluster start(
      SparkInstallation spark, Path logDir, int workers, int cores, String memory)
      throws IOException, InterruptedException {
    if (workers < 1 || cores < 1) {
      throw new IllegalArgumentException(
          "a cluster needs at least one Worker of at least one core, not "
              + workers
              + " of "
              + cores);
    }
    InstalledCluster cluster = new InstalledCluster(spark, logDir);
    Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
    try {
      cluster.launch(workers, cores, memory);
      return cluster;
    } catch (IOException | InterruptedException | RuntimeException | Error e) {
      cluster.close();
      throw e;
    }
  }

  /** {@code spark://127.0.0.1:<port>}. */
  public String masterUrl() {
    return masterUrl;
  }

  /** Process ids of the Master and the Workers, the Master first. */
  public List<Long> daemonPids() {
    return processes.stream().map(Process::pid).toList();
  }

  /**
   * The first Worker's work directory: {@code <app-id>/<executor-id>/stderr} holds each executor's
   * log.
   */
  Path workDir() {
    return workDir;
  }

  /** The executors' logs of every application this cluster ran. */
  List<Path> executorLogs() throws IOException {
    if (!Files.isDirectory(workDir)) {
      return List.of();
    }
    try (Stream<Path> files = Files.walk(workDir)) {
      return files.filter(p -> p.getFileName().toString().equals("stderr")).sorted().toList();
    }
  }

  private void launch(int workers, int cores, String memory)
      throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    int port = freePort();
    int uiPort = freePort();
    masterUrl = "spark://127.0.0.1:" + port;
    webUi = "http://127.0.0.1:" + uiPort;
    Map<String, String> env =
        Map.of("SPARK_LOG_DIR", logDir.toString(), "SPARK_DAEMON_MEMORY", "512m");
    processes.add(
        spark
            .command(
                List.of(
                    spark.tool("spark-class").toString(),
                    "org.apache.spark.deploy.master.Master",
                    "--host",
                    "127.0.0.1",
                    "--port",
                    String.valueOf(port),
                    "--webui-port",
                    String.valueOf(uiPort)),
                env)
            .redirectErrorStream(true)
            .redirectOutput(logDir.resolve("master.log").toFile())
            .start());
    for (int i = 0; i < workers; i++) {
      String suffix = i == 0 ? "" : "-" + i;
      Path work = logDir.resolve("work" + suffix);
      Files.createDirectories(work);
      processes.add(
          spark
              .command(
                  List.of(
                      spark.tool("spark-class").toString(),
                      "org.apache.spark.deploy.worker.Worker",
                      "--host",
                      "127.0.0.1",
                      "--cores",
                      String.valueOf(cores),
                      "--memory",
                      memory,
                      "--webui-port",
                      String.valueOf(freePort()),
                      "--work-dir",
                      work.toString(),
                      masterUrl),
                  env)
              .redirectErrorStream(true)
              .redirectOutput(logDir.resolve("worker" + suffix + ".log").toFile())
              .start());
    }
    long deadline = System.nanoTime() + STARTUP.toNanos();
    while (System.nanoTime() < deadline) {
      for (Process p : processes) {
        if (!p.isAlive()) {
          throw new IllegalStateException(
              "a standalone daemon of "
                  + spark
                  + " exited with "
                  + p.exitValue()
                  + "; master log:\n"
                  + ChildJvm.tail(logDir.resolve("master.log"), SparkInstallation.TAIL_LINES)
                  + "\nworker log:\n"
                  + ChildJvm.tail(logDir.resolve("worker.log"), SparkInstallation.TAIL_LINES));
        }
      }
      JsonNode state = state();
      if (state != null && state.path("aliveworkers").asInt() >= workers) {
        return;
      }
      Thread.sleep(250);
    }
    throw new IllegalStateException(
        "the "
            + workers
            + " Worker(s) of "
            + spark
            + " did not all register within "
            + STARTUP
            + "; worker log:\n"
            + ChildJvm.tail(logDir.resolve("worker.log"), SparkInstallation.TAIL_LINES));
  }

  private JsonNode state() throws InterruptedException {
    try {
      HttpResponse<String> response =
          http.send(
              HttpRequest.newBuilder(URI.create(webUi + "/json/"))
                  .timeout(Duration.ofSeconds(2))
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      return response.statusCode() == 200 ? JSON.readTree(response.body()) : null;
    } catch (IOException notYet) {
      return null;
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  @Override
  public void close() {
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException shuttingDown) {
      // the hook runs (or ran) stop() itself
    }
    stop();
  }

  private void stop() {
    for (int i = processes.size() - 1;
        i >= 0;
        i--) { // the Worker (and its executors) before the Master
      Process p = processes.get(i);
      p.descendants().forEach(ProcessHandle::destroy);
      p.destroy();
    }
    for (Process p : processes) {
      try {
        if (!p.waitFor(15, java.util.concurrent.TimeUnit.SECONDS)) {
          p.descendants().forEach(ProcessHandle::destroyForcibly);
          p.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        p.destroyForcibly();
      }
    }
  }
}
