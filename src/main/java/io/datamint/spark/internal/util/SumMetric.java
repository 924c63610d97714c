package io.datamint.spark.internal.util;

import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * A Spark UI metric summed over tasks, with its name and description given once. Spark re-creates
 * metric objects by class name, so each metric is a public subclass with a no-argument constructor
 * that calls this one.
 */
public abstract class SumMetric extends NamedMetric {

  protected SumMetric(String name, String description) {
    super(name, description);
  }

  /** The sum of the tasks' values, as Spark's {@code CustomSumMetric} shows it. */
  @Override
  public final String aggregateTaskMetrics(long[] taskMetrics) {
    long sum = 0;
    for (long v : taskMetrics) {
      sum += v;
    }
    return String.valueOf(sum);
  }

  /** A task's value of the metric called {@code name}. */
  public static CustomTaskMetric value(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }
}
