package io.datamint.spark.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU time of this JVM's threads by kind, from Linux's {@code /proc/self/task/<tid>/stat} and
 * {@code comm}: Spark's task threads, the garbage collector's threads (G1's parallel, concurrent
 * marking and refinement threads), the JIT compilers, and everything else. Unlike wall time, it
 * holds on a loaded machine: it shows how much CPU a read costs beyond its tasks' own (the work the
 * second core of {@code local[1]} does for free, and that two tasks must share). Other systems read
 * as empty.
 */
final class ThreadCpu {

  /** The kinds, in the order {@link #describe} prints them. */
  static final String[] KINDS = {"tasks", "GC", "JIT", "other"};

  /**
   * The task threads' system CPU seconds and minor page faults (thousands), kept beside the kinds:
   * fresh memory touched for the first time shows there, not in a Java profile.
   */
  static final String TASK_SYSTEM = "tasks' system";

  static final String TASK_FAULTS = "tasks' faults (k)";

  private static final Path TASKS = Path.of("/proc/self/task");
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private ThreadCpu() {}

  /** Seconds of CPU (user + system) so far, per kind; empty where {@code /proc} is missing. */
  static Map<String, Double> now() {
    Map<String, Double> seconds = new LinkedHashMap<>();
    for (String kind : KINDS) {
      seconds.put(kind, 0.0);
    }
    seconds.put(TASK_SYSTEM, 0.0);
    seconds.put(TASK_FAULTS, 0.0);
    if (!Files.isDirectory(TASKS)) {
      return seconds;
    }
    try (DirectoryStream<Path> threads = Files.newDirectoryStream(TASKS)) {
      for (Path thread : threads) {
        try {
          String name = Files.readString(thread.resolve("comm"), StandardCharsets.UTF_8).trim();
          String stat = Files.readString(thread.resolve("stat"), StandardCharsets.US_ASCII);
          // fields after the command, which is in parentheses and may hold spaces
          String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
          double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
          seconds.merge(kind(name), cpu, Double::sum);
          if (kind(name).equals("tasks")) {
            seconds.merge(TASK_SYSTEM, Long.parseLong(fields[12]) / TICKS_PER_SECOND, Double::sum);
            seconds.merge(TASK_FAULTS, Long.parseLong(fields[7]) / 1000.0, Double::sum);
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException e) {
      return seconds;
    }
    return seconds;
  }

  /** The kind of a thread by its name as Linux keeps it (15 characters at most). */
  static String kind(String name) {
    if (name.startsWith("Executor task")) {
      return "tasks";
    }
    if (name.startsWith("GC Thread")
        || name.startsWith("G1 ")
        || name.equals("VM Thread")
        || name.startsWith("VM Periodic")) {
      return "GC";
    }
    if (name.startsWith("C1 Compiler") || name.startsWith("C2 Compiler")) {
      return "JIT";
    }
    return "other";
  }

  /**
   * {@code after - before} per kind, as {@code tasks 1.52 / GC 0.80 / JIT 0.10 / other 0.20}; with
   * {@code detail}, also the task threads' system seconds and page faults.
   */
  static String describe(Map<String, Double> before, Map<String, Double> after, boolean detail) {
    StringBuilder out = new StringBuilder();
    for (String kind :
        detail ? new String[] {"tasks", "GC", "JIT", "other", TASK_SYSTEM, TASK_FAULTS} : KINDS) {
      if (out.length() > 0) {
        out.append(" / ");
      }
      out.append(
          String.format(
              Locale.ROOT,
              "%s %.2f",
              kind,
              after.getOrDefault(kind, 0.0) - before.getOrDefault(kind, 0.0)));
    }
    return out.toString();
  }
}
