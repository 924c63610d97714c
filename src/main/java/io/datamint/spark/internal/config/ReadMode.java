package io.datamint.spark.internal.config;

/** What a reader does with a row it cannot decode, with Spark's usual names. */
public enum ReadMode {
  /** Keep the row, with null pixel columns and the reason in {@code _error} (the default). */
  PERMISSIVE,
  /** Drop the row (counted in the scan's metrics and logged). */
  DROPMALFORMED,
  /** Fail the query with the reason. */
  FAILFAST
}
