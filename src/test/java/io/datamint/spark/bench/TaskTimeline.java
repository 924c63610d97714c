package io.datamint.spark.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.spark.executor.TaskMetrics;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.sql.SparkSession;

/**
 * The tasks of a measured read as Spark's scheduler saw them (a {@link SparkListener}): when each
 * task ran on which executor, its run time ({@code executorRunTime}) beside the CPU time of its
 * thread ({@code executorCpuTime}) and its GC time, so that a read that does not scale shows
 * whether its tasks ran at once, whether one finished early, and whether a task's thread waited
 * (CPU well under run time) or worked longer for the same photos (CPU up with two tasks).
 */
final class TaskTimeline extends SparkListener {

  /** One finished task. */
  record Task(
      int partition,
      String executor,
      long launchMs,
      long finishMs,
      long runMs,
      double cpuMs,
      long gcMs,
      long deserializeMs) {}

  private final List<Task> tasks = new ArrayList<>();

  private TaskTimeline() {}

  /** A timeline listening to {@code spark}'s scheduler from now on. */
  static TaskTimeline on(SparkSession spark) {
    TaskTimeline timeline = new TaskTimeline();
    spark.sparkContext().addSparkListener(timeline);
    return timeline;
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    TaskInfo info = end.taskInfo();
    TaskMetrics metrics = end.taskMetrics();
    if (info == null || metrics == null) {
      return;
    }
    Task task =
        new Task(
            info.index(),
            info.executorId(),
            info.launchTime(),
            info.finishTime(),
            metrics.executorRunTime(),
            metrics.executorCpuTime() / 1e6,
            metrics.jvmGCTime(),
            metrics.executorDeserializeTime());
    synchronized (tasks) {
      tasks.add(task);
    }
  }

  /** Forgets the tasks seen so far. */
  void clear() {
    synchronized (tasks) {
      tasks.clear();
    }
  }

  /**
   * The tasks seen since {@link #clear()}, by launch time, once {@code expected} of them have
   * arrived (the listener bus delivers them after the job ends) or after 10 s.
   */
  List<Task> await(int expected) throws InterruptedException {
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (true) {
      synchronized (tasks) {
        if (tasks.size() >= expected || System.nanoTime() > deadline) {
          List<Task> copy = new ArrayList<>(tasks);
          copy.sort(Comparator.comparingLong(Task::launchMs));
          return copy;
        }
      }
      Thread.sleep(20);
    }
  }

  /**
   * One line per task (start and end relative to the first launch, run, CPU and GC milliseconds),
   * then the totals: wall time from the first launch to the last finish, the sum of the tasks' run
   * and CPU times, and the mean number of tasks running at once (summed run time over wall time).
   */
  static String describe(List<Task> tasks) {
    if (tasks.isEmpty()) {
      return "  (no task seen)\n";
    }
    long first = tasks.stream().mapToLong(Task::launchMs).min().orElse(0);
    long last = tasks.stream().mapToLong(Task::finishMs).max().orElse(0);
    StringBuilder out = new StringBuilder();
    long run = 0;
    double cpu = 0;
    long gc = 0;
    for (Task t : tasks) {
      out.append(
          String.format(
              Locale.ROOT,
              "  partition %3d on executor %-6s %6d..%6d ms  run %6d  cpu %8.1f (%3.0f%%)  gc %4d"
                  + "  deserialize %3d%n",
              t.partition(),
              t.executor(),
              t.launchMs() - first,
              t.finishMs() - first,
              t.runMs(),
              t.cpuMs(),
              t.runMs() == 0 ? 0 : 100 * t.cpuMs() / t.runMs(),
              t.gcMs(),
              t.deserializeMs()));
      run += t.runMs();
      cpu += t.cpuMs();
      gc += t.gcMs();
    }
    long wall = Math.max(1, last - first);
    out.append(
        String.format(
            Locale.ROOT,
            "  %d tasks: wall %d ms, run %d ms, cpu %.0f ms (%.0f%% of run), gc %d ms,"
                + " tasks at once %.2f%n",
            tasks.size(),
            wall,
            run,
            cpu,
            run == 0 ? 0 : 100 * cpu / run,
            gc,
            (double) run / wall));
    return out.toString();
  }
}
