package io.datamint.spark.internal.cli;

import java.util.Locale;

/**
 * How {@link ResultPrinter} prints a result: an aligned ASCII table, or one JSON object per row.
 */
enum OutputFormat {
  /** An aligned ASCII table with a header row and a final {@code (N rows)} line. */
  TABLE,
  /** One JSON object per row, as produced by Spark's {@code Dataset.toJSON()}, and nothing else. */
  JSON;

  /**
   * Returns the format named {@code name} ({@code table} or {@code json}, case-insensitive).
   *
   * @throws IllegalArgumentException if the name is neither
   */
  public static OutputFormat fromName(String name) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "table":
        return TABLE;
      case "json":
        return JSON;
      default:
        throw new IllegalArgumentException(
            "invalid format '" + name + "' (expected table or json)");
    }
  }

  /** The lower-case name used on the command line. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
