package io.datamint.spark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Plumbing shared by {@link StandaloneCluster}, {@link ClusterDriver} and {@link ClusterSession}:
 * how to start a child JVM from the test classpath, where its logs go, and how to get rid of it
 * again.
 */
public final class ChildJvm {

  /**
   * System property (set by surefire from the pom's {@code spark.jvm.flags}) with Spark's module
   * flags.
   */
  static final String JVM_FLAGS_PROPERTY = "datamint.test.jvmFlags";

  /** System property of a driver JVM started by {@link ClusterDriver}: the cluster's master URL. */
  static final String MASTER_URL_PROPERTY = "datamint.cluster.masterUrl";

  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private ChildJvm() {}

  static String javaExecutable() {
    return Paths.get(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** The test classpath of this JVM (surefire sets {@code java.class.path} to the real one). */
  static String classPath() {
    return System.getProperty("java.class.path");
  }

  /**
   * Spark's JVM module flags: the {@value #JVM_FLAGS_PROPERTY} property when running under
   * surefire, otherwise (an IDE run) Spark's own list from the launcher.
   */
  static List<String> sparkJvmFlags() {
    String flags = System.getProperty(JVM_FLAGS_PROPERTY);
    if (flags == null || flags.isBlank()) {
      flags = org.apache.spark.launcher.JavaModuleOptions.defaultModuleOptions();
    }
    return Arrays.asList(flags.trim().split("\\s+"));
  }

  /** The same flags as one string, as {@code spark.executor.extraJavaOptions} wants them. */
  static String sparkJvmFlagString() {
    return String.join(" ", sparkJvmFlags());
  }

  /**
   * A process builder for {@code java <flags> <jvmOptions> -cp <test classpath> OrphanGuard main
   * args}. The environment is this JVM's minus every {@code SPARK_*} variable, plus {@code
   * SPARK_LOCAL_IP=127.0.0.1}; callers add their own variables before starting it.
   */
  static ProcessBuilder builder(List<String> jvmOptions, String mainClass, List<String> args) {
    return builder(jvmOptions, classPath(), mainClass, args);
  }

  /**
   * As {@link #builder(List, String, List)}, with {@code classPath} instead of the test class path.
   */
  static ProcessBuilder builder(
      List<String> jvmOptions, String classPath, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaExecutable());
    command.addAll(sparkJvmFlags());
    command.addAll(jvmOptions);
    command.add("-D" + JVM_FLAGS_PROPERTY + "=" + sparkJvmFlagString());
    command.add("-cp");
    command.add(classPath);
    command.add(OrphanGuard.class.getName());
    command.add(mainClass);
    command.addAll(args);
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(key -> key.startsWith("SPARK_") || key.startsWith("PYSPARK_"));
    env.remove("HADOOP_CONF_DIR");
    env.remove("YARN_CONF_DIR");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    // stdin stays a pipe on purpose: OrphanGuard exits the child when this JVM goes away.
    builder.redirectInput(ProcessBuilder.Redirect.PIPE);
    return builder;
  }

  /** {@code target/cluster-logs/<timestamp>-<n>-<what>}, created. */
  static Path newLogDir(String what) {
    String basedir = System.getProperty("datamint.test.basedir", ".");
    String name = LocalDateTime.now().format(STAMP) + "-" + SEQUENCE.incrementAndGet() + "-" + what;
    Path dir = Paths.get(basedir, "target", "cluster-logs", name).toAbsolutePath().normalize();
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code count} distinct ports that were free on 127.0.0.1 a moment ago. */
  static int[] freePorts(int count) throws IOException {
    InetAddress loopback = InetAddress.getByName("127.0.0.1");
    List<ServerSocket> sockets = new ArrayList<>();
    try {
      int[] ports = new int[count];
      for (int i = 0; i < count; i++) {
        ServerSocket socket = new ServerSocket(0, 1, loopback);
        sockets.add(socket);
        ports[i] = socket.getLocalPort();
      }
      return ports;
    } finally {
      for (ServerSocket socket : sockets) {
        socket.close();
      }
    }
  }

  /**
   * The process and all its live descendants, children first so that parents cannot respawn them.
   */
  static List<ProcessHandle> withDescendants(ProcessHandle process) {
    List<ProcessHandle> all = new ArrayList<>();
    process.descendants().forEach(all::add);
    all.add(process);
    return all;
  }

  /**
   * Asks the processes to stop (SIGTERM, so shutdown hooks run), waits up to {@code grace}, then
   * kills whatever is left and waits for it to be gone.
   */
  static void destroy(Collection<ProcessHandle> processes, Duration grace) {
    Set<ProcessHandle> alive = new LinkedHashSet<>(processes);
    alive.removeIf(p -> !p.isAlive());
    alive.forEach(ProcessHandle::destroy);
    awaitExit(alive, grace);
    alive.removeIf(p -> !p.isAlive());
    alive.forEach(ProcessHandle::destroyForcibly);
    awaitExit(alive, Duration.ofSeconds(10));
  }

  private static void awaitExit(Collection<ProcessHandle> processes, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    for (ProcessHandle process : processes) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return;
      }
      try {
        process.onExit().get(left, TimeUnit.NANOSECONDS);
      } catch (java.util.concurrent.TimeoutException e) {
        return;
      } catch (java.util.concurrent.ExecutionException e) {
        // onExit never completes exceptionally; treat as gone.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * The last {@code lines} lines of a text file, or a note saying why there are none: for failure
   * messages (the cluster tier's and the deployment tests' logs).
   */
  public static String tail(Path file, int lines) {
    if (!Files.isRegularFile(file)) {
      return "(no file " + file + ")";
    }
    Deque<String> last = new ArrayDeque<>(lines);
    try (Stream<String> stream = Files.lines(file, StandardCharsets.UTF_8)) {
      stream.forEach(
          line -> {
            if (last.size() == lines) {
              last.removeFirst();
            }
            last.addLast(line);
          });
    } catch (IOException | UncheckedIOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
    return String.join(System.lineSeparator(), last);
  }

  /** Deletes a directory tree, ignoring what cannot be deleted. */
  static void deleteTree(Path root) {
    if (root == null || !Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      paths.sorted(Comparator.reverseOrder()).forEach(ChildJvm::deleteQuietly);
    } catch (IOException | UncheckedIOException e) {
      // best effort
    }
  }

  private static void deleteQuietly(Path path) {
    try {
      Files.deleteIfExists(path);
    } catch (IOException e) {
      // best effort
    }
  }

  static String read(Path file) {
    try {
      return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    } catch (IOException e) {
      return "(cannot read " + file + ": " + e + ")";
    }
  }
}
