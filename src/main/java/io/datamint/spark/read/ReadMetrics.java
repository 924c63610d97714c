package io.datamint.spark.read;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/** The scan's Spark UI metrics: files read and their bytes, rows with an {@code _error}, rows dropped. */
final class ReadMetrics {

  static final String FILES_READ = "filesRead";
  static final String BYTES_READ = "bytesRead";
  static final String ERROR_ROWS = "errorRows";
  static final String DROPPED_ROWS = "droppedRows";

  private ReadMetrics() {}

  static CustomMetric[] supported() {
    return new CustomMetric[] {
      sum(FILES_READ, "resource files read"),
      sum(BYTES_READ, "resource file bytes read"),
      sum(ERROR_ROWS, "rows that could not be decoded"),
      sum(DROPPED_ROWS, "rows dropped (DROPMALFORMED)")
    };
  }

  static CustomTaskMetric value(String name, long value) {
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

  private static CustomMetric sum(String name, String description) {
    return new Sum(name, description);
  }

  /** A summed metric; public with a no-argument constructor is not needed, Spark keeps the instances. */
  static final class Sum extends CustomSumMetric {
    private final String name;
    private final String description;

    Sum(String name, String description) {
      this.name = name;
      this.description = description;
    }

    @Override
    public String name() {
      return name;
    }

    @Override
    public String description() {
      return description;
    }
  }
}
