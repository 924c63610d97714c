package io.datamint.spark.internal.util;

import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * A Spark UI metric summed over tasks, with its name and description given once. Spark re-creates
 * metric objects by class name, so each metric is a public subclass with a no-argument constructor
 * that calls this one.
 */
public abstract class SumMetric extends CustomSumMetric {

  private final String name;
  private final String description;

  protected SumMetric(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public final String name() {
    return name;
  }

  @Override
  public final String description() {
    return description;
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
