package io.datamint.spark.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Runs a Spark driver in a child JVM, so that a test can drive a {@link StandaloneCluster} although
 * the test JVM already holds its {@link SharedSpark} local session (Spark allows one SparkContext
 * per JVM).
 *
 * <p>The child runs {@code java <Spark module flags> -Xmx1g -cp <test classpath> <main> <args>}
 * with {@code SPARK_LOCAL_IP=127.0.0.1}. Given a cluster, it also gets the system property that
 * {@link ClusterSession#connect()} reads the master URL from. Driver mains are ordinary test
 * classes; they report results as JSON lines on stdout ({@link ClusterSession#emit}) and log to
 * stderr. Both streams are kept in {@code driver-<n>.out} / {@code .err} under the cluster's log
 * directory.
 */
public final class ClusterDriver {

  /** Default limit on a driver's run time. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(120);

  /** A driver's maximum heap unless told otherwise. */
  private static final String DEFAULT_HEAP = "1g";

  private static final java.util.concurrent.atomic.AtomicInteger RUNS =
      new java.util.concurrent.atomic.AtomicInteger();

  private ClusterDriver() {}

  /** Runs {@code mainClass} as a driver of {@code cluster}, with the default timeout. */
  public static Result run(StandaloneCluster cluster, Class<?> mainClass, String... args)
      throws IOException {
    return run(cluster, DEFAULT_TIMEOUT, mainClass, args);
  }

  /** Runs {@code mainClass} as a driver of {@code cluster}; it is killed after {@code timeout}. */
  public static Result run(
      StandaloneCluster cluster, Duration timeout, Class<?> mainClass, String... args)
      throws IOException {
    return launch(cluster, cluster.logDir(), timeout, mainClass, args);
  }

  /**
   * Runs {@code mainClass} in a child JVM without a cluster (it must find its master in {@code
   * args}), with the default timeout.
   */
  public static Result run(Class<?> mainClass, String... args) throws IOException {
    return launch(null, ChildJvm.newLogDir("driver"), DEFAULT_TIMEOUT, mainClass, args);
  }

  /**
   * Runs {@code mainClass} in a child JVM without a cluster (it must find its master in {@code
   * args}) with a maximum heap of {@code maxHeap} ({@code -Xmx}, such as {@code "512m"}), with the
   * default timeout.
   */
  public static Result runWithHeap(String maxHeap, Class<?> mainClass, String... args)
      throws IOException {
    return launch(
        null,
        ChildJvm.newLogDir("driver"),
        DEFAULT_TIMEOUT,
        maxHeap,
        ChildJvm.classPath(),
        mainClass,
        args);
  }

  /**
   * Runs {@code mainClass} in a child JVM without a cluster, with the default timeout, on the test
   * class path minus the entries {@code leaveOut} accepts (for instance the jars of one dependency,
   * to see how the connector copes without it).
   *
   * @throws IllegalArgumentException when {@code leaveOut} accepts no entry, so that a filter gone
   *     stale (a renamed jar) fails instead of testing nothing
   */
  public static Result runWithout(Predicate<String> leaveOut, Class<?> mainClass, String... args)
      throws IOException {
    List<String> entries = Arrays.asList(ChildJvm.classPath().split(File.pathSeparator));
    List<String> kept = entries.stream().filter(leaveOut.negate()).toList();
    if (kept.size() == entries.size()) {
      throw new IllegalArgumentException(
          "no entry of the test class path is left out by " + leaveOut + ": " + entries);
    }
    return launch(
        null,
        ChildJvm.newLogDir("driver"),
        DEFAULT_TIMEOUT,
        DEFAULT_HEAP,
        String.join(File.pathSeparator, kept),
        mainClass,
        args);
  }

  private static Result launch(
      StandaloneCluster cluster, Path logDir, Duration timeout, Class<?> mainClass, String[] args)
      throws IOException {
    return launch(cluster, logDir, timeout, DEFAULT_HEAP, ChildJvm.classPath(), mainClass, args);
  }

  private static Result launch(
      StandaloneCluster cluster,
      Path logDir,
      Duration timeout,
      String maxHeap,
      String classPath,
      Class<?> mainClass,
      String[] args)
      throws IOException {
    int run = RUNS.incrementAndGet();
    Path out = logDir.resolve("driver-" + run + ".out");
    Path err = logDir.resolve("driver-" + run + ".err");
    List<String> jvmOptions = new ArrayList<>();
    jvmOptions.add("-Xmx" + maxHeap);
    if (cluster != null) {
      jvmOptions.add("-D" + ChildJvm.MASTER_URL_PROPERTY + "=" + cluster.masterUrl());
    }
    ProcessBuilder builder =
        ChildJvm.builder(jvmOptions, classPath, mainClass.getName(), Arrays.asList(args));
    builder.redirectOutput(out.toFile());
    builder.redirectError(err.toFile());

    long started = System.nanoTime();
    Process process = builder.start();
    boolean timedOut;
    try {
      timedOut = !process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      timedOut = true;
    } finally {
      // Normally a no-op; on timeout, interrupt or error this kills the driver and anything it
      // spawned.
      ChildJvm.destroy(ChildJvm.withDescendants(process.toHandle()), Duration.ofSeconds(5));
    }
    Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
    int exitCode = process.isAlive() ? -1 : process.exitValue(); // -1: would not even die
    return new Result(
        mainClass.getName(),
        process.pid(),
        exitCode,
        timedOut,
        elapsed,
        ChildJvm.read(out),
        ChildJvm.read(err),
        out,
        err,
        cluster);
  }

  /** What a driver JVM did: exit status, output, and where its logs are. */
  public static final class Result {
    private final String mainClass;
    private final long pid;
    private final int exitCode;
    private final boolean timedOut;
    private final Duration elapsed;
    private final String stdout;
    private final String stderr;
    private final Path stdoutFile;
    private final Path stderrFile;
    private final StandaloneCluster cluster;

    Result(
        String mainClass,
        long pid,
        int exitCode,
        boolean timedOut,
        Duration elapsed,
        String stdout,
        String stderr,
        Path stdoutFile,
        Path stderrFile,
        StandaloneCluster cluster) {
      this.mainClass = mainClass;
      this.pid = pid;
      this.exitCode = exitCode;
      this.timedOut = timedOut;
      this.elapsed = elapsed;
      this.stdout = stdout;
      this.stderr = stderr;
      this.stdoutFile = stdoutFile;
      this.stderrFile = stderrFile;
      this.cluster = cluster;
    }

    /** Process id of the driver JVM. */
    public long pid() {
      return pid;
    }

    /** The driver's exit status (after a timeout, the status of the killed process). */
    public int exitCode() {
      return exitCode;
    }

    /** Whether the driver ran into its timeout and was killed. */
    public boolean timedOut() {
      return timedOut;
    }

    /** Wall time from launch to exit. */
    public Duration elapsed() {
      return elapsed;
    }

    /** Everything the driver printed on stdout. */
    public String stdout() {
      return stdout;
    }

    /** Everything the driver printed on stderr (Spark's log goes here). */
    public String stderr() {
      return stderr;
    }

    /** The file holding {@link #stdout()}. */
    public Path stdoutFile() {
      return stdoutFile;
    }

    /** The file holding {@link #stderr()}. */
    public Path stderrFile() {
      return stderrFile;
    }

    /** The stdout lines that are JSON objects, parsed, in order; other lines are skipped. */
    public List<JsonNode> jsonLines() {
      ObjectMapper mapper = new ObjectMapper();
      List<JsonNode> lines = new ArrayList<>();
      for (String line : stdout.split("\\R")) {
        String trimmed = line.trim();
        if (trimmed.startsWith("{") && trimmed.endsWith("}")) {
          try {
            lines.add(mapper.readTree(trimmed));
          } catch (IOException e) {
            throw new UncheckedIOException("bad JSON line from " + mainClass + ": " + line, e);
          }
        }
      }
      return lines;
    }

    /**
     * The JSON lines whose {@code "type"} field equals {@code type} (the convention of {@link
     * ClusterSession#emit(String, java.util.Map)}).
     */
    public List<JsonNode> jsonLines(String type) {
      List<JsonNode> matching = new ArrayList<>();
      for (JsonNode line : jsonLines()) {
        if (type.equals(line.path("type").asText(null))) {
          matching.add(line);
        }
      }
      return matching;
    }

    /**
     * Returns this result if the driver exited with status 0; otherwise throws an {@link
     * AssertionError} with the driver's stderr tail and the cluster's diagnostics.
     */
    public Result assertSucceeded() {
      if (exitCode != 0 || timedOut) {
        throw new AssertionError(describe());
      }
      return this;
    }

    /** A multi-line account of the run, with log tails, for failure messages. */
    public String describe() {
      StringBuilder text = new StringBuilder();
      text.append("driver ")
          .append(mainClass)
          .append(" (pid ")
          .append(pid)
          .append(") ")
          .append(timedOut ? "timed out" : "exited with status " + exitCode)
          .append(" after ")
          .append(elapsed.toMillis())
          .append(" ms\n")
          .append("----- driver stdout: ")
          .append(stdoutFile)
          .append(" -----\n")
          .append(ChildJvm.tail(stdoutFile, 20))
          .append('\n')
          .append("----- driver stderr: ")
          .append(stderrFile)
          .append(" (last 60 lines) -----\n")
          .append(ChildJvm.tail(stderrFile, 60))
          .append('\n');
      if (cluster != null) {
        text.append(cluster.diagnostics());
      }
      return text.toString();
    }

    @Override
    public String toString() {
      return "ClusterDriver.Result["
          + mainClass
          + ", pid="
          + pid
          + ", exit="
          + exitCode
          + (timedOut ? ", timed out" : "")
          + ", "
          + elapsed.toMillis()
          + " ms]";
    }
  }
}
