package io.datamint.spark.internal.read.executor;

import io.datamint.spark.internal.core.DecodeLimits;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.SparkConf;
import org.apache.spark.SparkEnv;

/**
 * The decode limit an executor applies: the option {@code max_decoded_bytes} when the user gave it
 * (then it is the limit, whatever the heap: the user may know better, up or down), else a budget
 * derived from this JVM's heap and the tasks that share it:
 *
 * <pre>
 *   budget = Runtime.maxMemory() / HEAP_SHARE / task slots,   at most 2147482623 bytes
 *   task slots = spark.executor.cores / spark.task.cpus   (local[N]: N; unknown: the processors)
 * </pre>
 *
 * <p>A quarter because one decode holds its array more than once (the compressed input, the decoded
 * samples, the laid-out array, its Arrow copy) and Spark's execution and storage memory live in the
 * same heap; every task slot may decode at the same time. Beside it, a task keeps at most {@link
 * ResourceBatchReader#POOL_BYTES} of arrays for reuse ({@code core.PixelBufferPool}). The budget is
 * computed once per JVM, on the executor, where the heap is known; the driver does not know it.
 */
final class DecodeBudget {

  /** The budget is the heap divided by this, then by the task slots. */
  static final int HEAP_SHARE = 4;

  private static final Pattern LOCAL_MASTER = Pattern.compile("local\\[(\\d+|\\*)(,\\d+)?]");

  private static volatile DecodeLimits heapDefault;

  private DecodeBudget() {}

  /** The limits of this executor: {@code option} when given (not null), else the heap budget. */
  static DecodeLimits limits(Long option) {
    if (option != null) {
      return new DecodeLimits(option);
    }
    DecodeLimits limits = heapDefault;
    if (limits == null) {
      limits = fromHeap(Runtime.getRuntime().maxMemory(), TaskSlots.ofThisJvm());
      heapDefault = limits; // a racing thread computes the same value
    }
    return limits;
  }

  /** The budget for a heap of {@code maxHeap} bytes shared by {@code slots}. */
  static DecodeLimits fromHeap(long maxHeap, TaskSlots slots) {
    long budget = Math.max(1, maxHeap / HEAP_SHARE / slots.count());
    return new DecodeLimits(
        budget,
        "the default budget: a quarter of this executor's "
            + mebibytes(maxHeap)
            + " heap shared by "
            + slots.count()
            + (slots.count() == 1 ? " task slot" : " task slots")
            + " ("
            + slots.source()
            + ")"
            + (budget > DecodeLimits.DEFAULT_MAX_DECODED_BYTES ? ", capped at 2g" : "")
            + "; set the option max_decoded_bytes to change it");
  }

  private static String mebibytes(long bytes) {
    return bytes == Long.MAX_VALUE ? "unbounded" : (bytes >> 20) + " MiB";
  }

  /**
   * How many tasks may run at once in this JVM, and where that number comes from.
   *
   * @param count at least 1
   * @param source how it was found, for messages
   */
  record TaskSlots(int count, String source) {

    /** The slots of this JVM, from Spark's configuration when there is a SparkEnv. */
    static TaskSlots ofThisJvm() {
      SparkEnv env = SparkEnv.get();
      int processors = Runtime.getRuntime().availableProcessors();
      if (env == null) {
        return new TaskSlots(processors, processors + " processors, no Spark environment");
      }
      SparkConf conf = env.conf();
      return of(
          conf.getOption("spark.master").getOrElse(() -> ""),
          conf.getOption("spark.executor.cores").getOrElse(() -> null),
          conf.getInt("spark.task.cpus", 1),
          processors);
    }

    /**
     * The slots for a master URL, the {@code spark.executor.cores} setting (null: not set), the
     * {@code spark.task.cpus} setting and the processors of the machine.
     */
    static TaskSlots of(String master, String executorCores, int taskCpus, int processors) {
      int cpus = Math.max(1, taskCpus);
      String perTask = cpus == 1 ? "" : " / spark.task.cpus " + cpus;
      if (executorCores != null) {
        try {
          int cores = Integer.parseInt(executorCores.trim());
          return new TaskSlots(
              Math.max(1, cores / cpus), "spark.executor.cores " + cores + perTask);
        } catch (NumberFormatException e) {
          // fall through to the master or the processors
        }
      }
      Matcher local = LOCAL_MASTER.matcher(master.trim().toLowerCase(Locale.ROOT));
      if (master.trim().equals("local")) {
        return new TaskSlots(1, "master local");
      }
      if (local.matches()) {
        int threads = local.group(1).equals("*") ? processors : Integer.parseInt(local.group(1));
        return new TaskSlots(Math.max(1, threads / cpus), "master " + master.trim() + perTask);
      }
      return new TaskSlots(
          Math.max(1, processors / cpus),
          processors + " processors" + perTask + ", spark.executor.cores not set");
    }
  }
}
