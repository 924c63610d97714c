package io.datamint.spark.deploy;

import io.datamint.spark.testing.ChildJvm;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One Spark installation: a PySpark package installed from PyPI into its own virtual environment,
 * whose package directory is a complete {@code SPARK_HOME} ({@code bin/spark-submit}, {@code
 * bin/spark-class}, {@code jars/}).
 *
 * <p>{@code bin/lib/install-spark.sh} installs them and prints one line per version, {@code
 * <version>=<SPARK_HOME>|<python>}; {@code bin/test} passes those lines, separated by {@code ;}, in
 * the system property {@value #PROPERTY}.
 *
 * @param version the Spark version, e.g. {@code 4.3.0}
 * @param home the {@code SPARK_HOME}
 * @param python the virtual environment's Python, which has this PySpark
 */
public record SparkInstallation(String version, Path home, Path python) {

  /** The system property listing the installations. */
  static final String PROPERTY = "datamint.test.sparkInstallations";

  /** How many lines of a log a failure message shows. */
  static final int TAIL_LINES = 60;

  /** The installations named by {@value #PROPERTY}, in order; empty when it is not set. */
  static List<SparkInstallation> configured() {
    String value = System.getProperty(PROPERTY, "").trim();
    List<SparkInstallation> installations = new ArrayList<>();
    if (value.isEmpty()) {
      return installations;
    }
    for (String entry : value.split("[;\\n]")) {
      if (entry.isBlank()) {
        continue;
      }
      int eq = entry.indexOf('=');
      int bar = entry.indexOf('|');
      if (eq < 1 || bar < eq) {
        throw new IllegalArgumentException(
            PROPERTY + ": expected <version>=<SPARK_HOME>|<python>, got " + entry);
      }
      installations.add(
          new SparkInstallation(
              entry.substring(0, eq).trim(),
              Path.of(entry.substring(eq + 1, bar).trim()),
              Path.of(entry.substring(bar + 1).trim())));
    }
    return installations;
  }

  /**
   * The installation of {@code bin/lib/install-spark.sh} in its cache ({@code
   * $DATAMINT_SPARK_CACHE}, else {@code ~/.cache/datamint-spark}) with the newest patch release of
   * {@code sparkVersion}'s major.minor version: {@code pyspark-<version>/}, whose {@code
   * lib/python3.x/site-packages/pyspark} is the {@code SPARK_HOME}.
   *
   * @throws IllegalStateException when there is none, naming the directory and the command that
   *     installs it
   */
  public static SparkInstallation cached(String sparkVersion) throws IOException {
    String env = System.getenv("DATAMINT_SPARK_CACHE");
    Path cache =
        env != null && !env.isBlank()
            ? Path.of(env)
            : Path.of(System.getProperty("user.home"), ".cache", "datamint-spark");
    String[] parts = sparkVersion.split("\\.");
    String minor = parts.length >= 2 ? parts[0] + "." + parts[1] + "." : sparkVersion;
    SparkInstallation newest = null;
    if (Files.isDirectory(cache)) {
      try (var dirs = Files.newDirectoryStream(cache, "pyspark-" + minor + "*")) {
        for (Path dir : dirs) {
          String version = dir.getFileName().toString().substring("pyspark-".length());
          Path python = dir.resolve("bin").resolve("python");
          Path home = sparkHomeIn(dir);
          if (home != null
              && Files.isExecutable(python)
              && (newest == null || patch(version) > patch(newest.version()))) {
            newest = new SparkInstallation(version, home, python);
          }
        }
      }
    }
    if (newest == null) {
      throw new IllegalStateException(
          "no PySpark "
              + minor
              + "x installation in "
              + cache
              + " (pyspark-"
              + minor
              + "x/ with bin/python and a complete pyspark package); bin/lib/install-spark.sh"
              + " installs the versions of bin/lib/spark-versions");
    }
    return newest;
  }

  private static Path sparkHomeIn(Path environment) throws IOException {
    Path lib = environment.resolve("lib");
    if (!Files.isDirectory(lib)) {
      return null;
    }
    try (var pythons = Files.newDirectoryStream(lib, "python3*")) {
      for (Path python : pythons) {
        Path home = python.resolve("site-packages").resolve("pyspark");
        if (Files.isExecutable(home.resolve("bin").resolve("spark-class"))) {
          return home;
        }
      }
    }
    return null;
  }

  private static int patch(String version) {
    String last = version.substring(version.lastIndexOf('.') + 1);
    return last.chars().allMatch(Character::isDigit) && !last.isEmpty()
        ? Integer.parseInt(last)
        : -1;
  }

  /** {@code $SPARK_HOME/bin/<tool>}. */
  Path tool(String tool) {
    return home.resolve("bin").resolve(tool);
  }

  /**
   * A process builder for a command of this installation, with the environment a user's shell would
   * have after activating the virtual environment: {@code SPARK_HOME}, {@code PYSPARK_PYTHON},
   * {@code JAVA_HOME} of this JVM, {@code SPARK_LOCAL_IP=127.0.0.1}, and the environment's {@code
   * bin} first on {@code PATH}; no other {@code SPARK_*} or {@code PYSPARK_*} variable of the test
   * JVM leaks in.
   */
  ProcessBuilder command(List<String> command, Map<String, String> extraEnv) {
    ProcessBuilder builder = new ProcessBuilder(command);
    Map<String, String> env = builder.environment();
    env.keySet().removeIf(k -> k.startsWith("SPARK_") || k.startsWith("PYSPARK_"));
    env.put("SPARK_HOME", home.toString());
    env.put("PYSPARK_PYTHON", python.toString());
    env.put("PYSPARK_DRIVER_PYTHON", python.toString());
    env.put("JAVA_HOME", Path.of(System.getProperty("java.home")).toString());
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("PATH", python.getParent() + ":" + env.getOrDefault("PATH", "/usr/bin:/bin"));
    env.putAll(extraEnv);
    return builder;
  }

  /**
   * Runs {@code spark-submit args...} to completion: stderr to {@code <logDir>/<name>.log}, stdout
   * returned (and kept in {@code <name>.out}).
   *
   * @throws AssertionError when it fails or outlives {@code timeout}, with the end of its log
   */
  String submit(
      List<String> args, Map<String, String> extraEnv, Path logDir, String name, Duration timeout)
      throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(tool("spark-submit").toString());
    command.addAll(args);
    return run(command, extraEnv, logDir, name, timeout);
  }

  /** Runs {@code command} in this installation's environment, as {@link #submit} does. */
  String run(List<String> command, Path logDir, String name, Duration timeout)
      throws IOException, InterruptedException {
    return run(command, Map.of(), logDir, name, timeout);
  }

  private String run(
      List<String> command,
      Map<String, String> extraEnv,
      Path logDir,
      String name,
      Duration timeout)
      throws IOException, InterruptedException {
    Files.createDirectories(logDir);
    Path out = logDir.resolve(name + ".out");
    Path err = logDir.resolve(name + ".log");
    Process process =
        command(command, extraEnv).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
      throw new AssertionError(
          command.get(0)
              + " ("
              + name
              + ", Spark "
              + version
              + ") did not finish in "
              + timeout
              + "; log "
              + err
              + ":\n"
              + ChildJvm.tail(err, TAIL_LINES));
    }
    if (process.exitValue() != 0) {
      throw new AssertionError(
          command.get(0)
              + " ("
              + name
              + ", Spark "
              + version
              + ") exited with "
              + process.exitValue()
              + "; log "
              + err
              + ":\n"
              + ChildJvm.tail(err, TAIL_LINES));
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "Spark " + version;
  }
}
