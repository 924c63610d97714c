package io.datamint.spark.internal.util;

import java.util.Locale;

/**
 * A Spark UI metric of time, summed over tasks: the tasks report nanoseconds, the UI shows the
 * total in milliseconds or seconds with the largest task's share ({@code 1234.5 ms (max task 400.1
 * ms)}), so that short work does not round to zero. Spark re-creates metric objects by class name,
 * so each metric is a public subclass with a no-argument constructor that calls this one.
 */
public abstract class TimeMetric extends NamedMetric {

  protected TimeMetric(String name, String description) {
    super(name, description);
  }

  @Override
  public String aggregateTaskMetrics(long[] taskNanos) {
    long total = 0;
    long max = 0;
    int timed = 0;
    for (long v : taskNanos) {
      total += v;
      max = Math.max(max, v);
      timed += v > 0 ? 1 : 0;
    }
    // one value (a driver metric, a one-task job) has no share to show
    return timed > 1 ? format(total) + " (max task " + format(max) + ")" : format(total);
  }

  /** Nanoseconds for people: {@code 12.3 ms}, {@code 4.56 s}. */
  public static String format(long nanos) {
    double millis = nanos / 1e6;
    return millis < 10_000
        ? String.format(Locale.ROOT, "%.1f ms", millis)
        : String.format(Locale.ROOT, "%.2f s", millis / 1000);
  }
}
