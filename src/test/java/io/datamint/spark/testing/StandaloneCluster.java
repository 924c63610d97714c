package io.datamint.spark.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster for tests: one {@code Master} and one or more {@code Worker}s,
 * each in its own JVM on 127.0.0.1, all started from the build's test classpath (no Spark
 * installation needed).
 *
 * <pre>{@code
 * try (StandaloneCluster cluster = StandaloneCluster.start(1)) {
 *   ClusterDriver.Result result = ClusterDriver.run(cluster, MyDriverMain.class, "arg");
 *   result.assertSucceeded();
 * }
 * }</pre>
 *
 * <p>How the executors get a classpath without {@code SPARK_HOME/jars}: a Worker launches executors
 * through Spark's launcher library ({@code WorkerCommandBuilder}), which insists on {@code
 * SPARK_HOME}, a Scala version and a jars directory. The cluster therefore gives its Worker JVMs a
 * scratch {@code SPARK_HOME} holding an empty {@code jars/} and {@code conf/}, plus {@code
 * SPARK_SCALA_VERSION}; the real classpath reaches the executors through the driver's {@code
 * spark.executor.extraClassPath}, which {@link ClusterSession} sets to the test classpath.
 *
 * <p>Logs are kept under {@code target/cluster-logs/<timestamp>-<n>-standalone/}: {@code
 * master.log}, {@code worker-<i>.log} and {@code work-<i>/<app>/<executor>/stderr} for the
 * executors. {@link #close()} stops every process it started (executors included) and deletes the
 * scratch directories; the logs stay.
 */
public final class StandaloneCluster implements AutoCloseable {

  private static final String MASTER_CLASS = "org.apache.spark.deploy.master.Master";
  private static final String WORKER_CLASS = "org.apache.spark.deploy.worker.Worker";
  private static final int PORT_ATTEMPTS = 3;
  private static final int TAIL_LINES = 40;
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Builder config;
  private final Path logDir;
  private final Path scratchDir;
  private final Path sparkHome;
  private final HttpClient http =
      HttpClient.newBuilder()
          .proxy(HttpClient.Builder.NO_PROXY)
          .connectTimeout(Duration.ofSeconds(2))
          .build();
  private final List<Process> workers = new ArrayList<>();
  private final List<Path> workerLogs = new ArrayList<>();
  private final List<Path> workerWorkDirs = new ArrayList<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final Thread shutdownHook =
      new Thread(this::stopProcesses, "standalone-cluster-shutdown");
  private Process master;
  private Path masterLog;
  private String masterUrl;
  private String masterWebUiUrl;

  private StandaloneCluster(Builder config) {
    this.config = config;
    this.logDir = ChildJvm.newLogDir("standalone");
    this.scratchDir = logDir.resolve("scratch");
    this.sparkHome = scratchDir.resolve("spark-home");
  }

  /**
   * Starts a cluster with {@code workers} Workers of two cores and 1 GiB each, and waits until all
   * of them are registered with the Master.
   */
  public static StandaloneCluster start(int workers) throws IOException {
    return builder().workers(workers).start();
  }

  /** Options for a cluster other than {@link #start(int)}'s defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Settings of a {@link StandaloneCluster}; {@link #start()} launches it. */
  public static final class Builder {
    private int workers = 1;
    private int coresPerWorker = 2;
    private String memoryPerWorker = "1g";
    private String daemonHeap = "512m";
    private Duration startupTimeout = Duration.ofSeconds(60);

    private Builder() {}

    /**
     * Number of Worker JVMs (default 1); each runs the executors of an application in its own JVM.
     */
    public Builder workers(int workers) {
      if (workers < 1) {
        throw new IllegalArgumentException("workers must be >= 1: " + workers);
      }
      this.workers = workers;
      return this;
    }

    /** {@code --cores} of each Worker (default 2). */
    public Builder coresPerWorker(int cores) {
      if (cores < 1) {
        throw new IllegalArgumentException("cores must be >= 1: " + cores);
      }
      this.coresPerWorker = cores;
      return this;
    }

    /**
     * {@code --memory} of each Worker (default {@code 1g}); it must hold {@code
     * spark.executor.memory} ({@code 512m} with {@link ClusterSession}).
     */
    public Builder memoryPerWorker(String memory) {
      this.memoryPerWorker = memory;
      return this;
    }

    /** {@code -Xmx} of the Master and Worker JVMs themselves (default {@code 512m}). */
    public Builder daemonHeap(String heap) {
      this.daemonHeap = heap;
      return this;
    }

    /** How long the Master and the Workers may take to come up (default 60 s). */
    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /** Starts the Master and the Workers and waits until every Worker is ALIVE. */
    public StandaloneCluster start() throws IOException {
      for (int attempt = 1; ; attempt++) {
        StandaloneCluster cluster = new StandaloneCluster(this);
        try {
          cluster.launch();
          return cluster;
        } catch (PortClash e) {
          cluster.close();
          if (attempt == PORT_ATTEMPTS) {
            throw new IllegalStateException(e.getMessage(), e);
          }
        } catch (RuntimeException | IOException | Error e) {
          cluster.close();
          throw e;
        }
      }
    }
  }

  /**
   * The master URL, {@code spark://127.0.0.1:<port>}, for {@code
   * SparkSession.builder().master(...)}.
   */
  public String masterUrl() {
    return masterUrl;
  }

  /** The Master's web UI, {@code http://127.0.0.1:<port>}; {@code /json/} has the cluster state. */
  public String masterWebUiUrl() {
    return masterWebUiUrl;
  }

  /** Where this cluster's logs are kept (they survive {@link #close()}). */
  public Path logDir() {
    return logDir;
  }

  /** Process id of the Master JVM. */
  public long masterPid() {
    return master.pid();
  }

  /** Process ids of the Worker JVMs; the executors they launch are their child processes. */
  public List<Long> workerPids() {
    return workers.stream().map(Process::pid).collect(Collectors.toUnmodifiableList());
  }

  /** Process ids of the live executor JVMs (children of the Workers) at the moment of the call. */
  public List<Long> executorPids() {
    return workers.stream()
        .flatMap(Process::children)
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toUnmodifiableList());
  }

  /** The Master's current state as served at {@code /json/} (workers, applications, ...). */
  public JsonNode masterState() throws IOException {
    JsonNode state = fetchMasterState();
    if (state == null) {
      throw new IOException("master web UI at " + masterWebUiUrl + " did not answer");
    }
    return state;
  }

  /**
   * The tails of the Master and Worker logs and of every executor's stderr, for failure messages.
   */
  public String diagnostics() {
    StringBuilder out = new StringBuilder();
    out.append("cluster logs: ").append(logDir).append('\n');
    if (masterLog != null) {
      appendTail(out, "master log", masterLog);
    }
    for (Path log : workerLogs) {
      appendTail(out, "worker log", log);
    }
    for (Path workDir : workerWorkDirs) {
      for (Path stderr : executorLogs(workDir)) {
        appendTail(out, "executor stderr", stderr);
      }
    }
    return out.toString();
  }

  /**
   * Stops the Workers (and their executors) and the Master, then deletes the scratch directories.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException | IllegalArgumentException e) {
      // JVM already shutting down, or the hook was never registered
    }
    stopProcesses();
    ChildJvm.deleteTree(scratchDir);
  }

  // ---------------------------------------------------------------------------------------------

  private void launch() throws IOException {
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    Files.createDirectories(sparkHome.resolve("jars"));
    Files.createDirectories(sparkHome.resolve("conf"));

    int[] ports = ChildJvm.freePorts(2 + 2 * config.workers);
    masterUrl = "spark://127.0.0.1:" + ports[0];
    masterWebUiUrl = "http://127.0.0.1:" + ports[1];
    masterLog = logDir.resolve("master.log");
    master =
        startDaemon(
            MASTER_CLASS,
            List.of(
                "--host", "127.0.0.1",
                "--port", Integer.toString(ports[0]),
                "--webui-port", Integer.toString(ports[1])),
            masterLog,
            scratchDir.resolve("local-master"));

    long deadline = System.nanoTime() + config.startupTimeout.toNanos();
    awaitState(deadline, "the master web UI to answer", state -> true);

    for (int i = 0; i < config.workers; i++) {
      Path workDir = logDir.resolve("work-" + i);
      Files.createDirectories(workDir);
      Path log = logDir.resolve("worker-" + i + ".log");
      workerLogs.add(log);
      workerWorkDirs.add(workDir);
      workers.add(
          startDaemon(
              WORKER_CLASS,
              List.of(
                  "--host",
                  "127.0.0.1",
                  "--port",
                  Integer.toString(ports[2 + 2 * i]),
                  "--webui-port",
                  Integer.toString(ports[3 + 2 * i]),
                  "--cores",
                  Integer.toString(config.coresPerWorker),
                  "--memory",
                  config.memoryPerWorker,
                  "--work-dir",
                  workDir.toString(),
                  masterUrl),
              log,
              scratchDir.resolve("local-worker-" + i)));
    }
    awaitState(
        deadline,
        config.workers + " ALIVE worker(s)",
        state -> aliveWorkers(state) >= config.workers);
  }

  private Process startDaemon(String mainClass, List<String> args, Path log, Path localDir)
      throws IOException {
    Files.createDirectories(localDir);
    List<String> jvmOptions =
        List.of(
            "-Xmx" + config.daemonHeap,
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            // Fail instead of silently moving to port+1, which would break the URLs above.
            "-Dspark.port.maxRetries=0",
            "-Dspark.master.rest.enabled=false",
            "-Dspark.ui.showConsoleProgress=false");
    ProcessBuilder builder = ChildJvm.builder(jvmOptions, mainClass, args);
    Map<String, String> env = builder.environment();
    // What WorkerCommandBuilder (Spark's launcher) needs to build an executor command line:
    // SPARK_HOME (else "Spark home not found"), a Scala version (else it looks for
    // $SPARK_HOME/launcher/target/scala-2.13) and $SPARK_HOME/jars (else "Library directory ...
    // does not exist; make sure Spark is built" unless SPARK_TESTING=1, which we avoid because it
    // switches Spark into test mode everywhere).
    env.put("SPARK_HOME", sparkHome.toString());
    env.put("SPARK_CONF_DIR", sparkHome.resolve("conf").toString());
    env.put("SPARK_SCALA_VERSION", scalaBinaryVersion());
    env.put("SPARK_LOCAL_DIRS", localDir.toString());
    builder.redirectErrorStream(true);
    builder.redirectOutput(log.toFile());
    return builder.start();
  }

  private interface StateCheck {
    boolean done(JsonNode state);
  }

  private void awaitState(long deadline, String what, StateCheck check) {
    while (true) {
      checkDaemonsAlive(what);
      JsonNode state = fetchMasterState();
      if (state != null && check.done(state)) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "timed out after "
                + config.startupTimeout.toMillis() / 1000.0
                + " s waiting for "
                + what
                + " (last master state: "
                + (state == null ? "no answer" : summary(state))
                + ")\n"
                + diagnostics());
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for " + what, e);
      }
    }
  }

  private void checkDaemonsAlive(String waitingFor) {
    List<Process> daemons = new ArrayList<>(workers);
    daemons.add(0, master);
    List<Path> logs = new ArrayList<>(workerLogs);
    logs.add(0, masterLog);
    for (int i = 0; i < daemons.size(); i++) {
      Process daemon = daemons.get(i);
      if (!daemon.isAlive()) {
        String log = ChildJvm.read(logs.get(i));
        String message =
            logs.get(i).getFileName()
                + " process exited with status "
                + daemon.exitValue()
                + " while waiting for "
                + waitingFor
                + "\n"
                + diagnostics();
        if (log.contains("BindException") || log.contains("Address already in use")) {
          throw new PortClash(message);
        }
        throw new IllegalStateException(message);
      }
    }
  }

  private JsonNode fetchMasterState() {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(masterWebUiUrl + "/json/"))
            .timeout(Duration.ofSeconds(5))
            .GET()
            .build();
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() != 200) {
        return null;
      }
      return JSON.readTree(response.body());
    } catch (IOException e) {
      return null; // not up yet
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    }
  }

  private static int aliveWorkers(JsonNode state) {
    int alive = 0;
    for (JsonNode worker : state.path("workers")) {
      if ("ALIVE".equals(worker.path("state").asText())) {
        alive++;
      }
    }
    return alive;
  }

  private static String summary(JsonNode state) {
    return "status=" + state.path("status").asText() + ", alive workers=" + aliveWorkers(state);
  }

  private void stopProcesses() {
    List<ProcessHandle> all = new ArrayList<>();
    for (Process worker : workers) {
      all.addAll(ChildJvm.withDescendants(worker.toHandle()));
    }
    if (master != null) {
      all.addAll(ChildJvm.withDescendants(master.toHandle()));
    }
    ChildJvm.destroy(all, Duration.ofSeconds(15));
  }

  private static List<Path> executorLogs(Path workDir) {
    if (!Files.isDirectory(workDir)) {
      return Collections.emptyList();
    }
    try (Stream<Path> files = Files.walk(workDir, 3)) {
      return files
          .filter(p -> p.getFileName().toString().equals("stderr"))
          .sorted()
          .collect(Collectors.toList());
    } catch (IOException | UncheckedIOException e) {
      return Collections.emptyList();
    }
  }

  private static void appendTail(StringBuilder out, String title, Path file) {
    out.append("----- ")
        .append(title)
        .append(": ")
        .append(file)
        .append(" (last ")
        .append(TAIL_LINES)
        .append(" lines) -----\n")
        .append(ChildJvm.tail(file, TAIL_LINES))
        .append('\n');
  }

  private static String scalaBinaryVersion() {
    String full = scala.util.Properties.versionNumberString(); // e.g. 2.13.16
    String[] parts = full.split("\\.");
    return parts.length >= 2 ? parts[0] + "." + parts[1] : full;
  }

  /** A daemon could not bind its port: another process took it after we picked it. */
  private static final class PortClash extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortClash(String message) {
      super(message);
    }
  }
}
