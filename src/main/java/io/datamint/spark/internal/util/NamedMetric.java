package io.datamint.spark.internal.util;

import org.apache.spark.sql.connector.metric.CustomMetric;

/**
 * A Spark UI metric with its name and description given once, the base of {@link SumMetric} and
 * {@link TimeMetric}, which say how the tasks' values add up. Public only because a list of both
 * kinds of metric has this type (Java infers it, and it must be accessible where the list is made);
 * extend one of the two.
 */
public abstract class NamedMetric implements CustomMetric {

  private final String name;
  private final String description;

  protected NamedMetric(String name, String description) {
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
}
