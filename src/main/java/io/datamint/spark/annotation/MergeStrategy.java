package io.datamint.spark.annotation;

import io.datamint.spark.config.InvalidOptionException;
import java.util.Locale;

/** How per-annotator targets are merged into one (reference §2.8). */
public enum MergeStrategy {
  /** Positive when any annotator is positive. */
  UNION,
  /** Positive when every annotator present is positive. */
  INTERSECTION,
  /** Majority: labels positive when at least half the annotators are (ties positive); categories most frequent. */
  MODE;

  /**
   * Parses an option value, case-insensitively; a null, blank or {@code none} value is no strategy (null).
   *
   * @param option the option's name, for the error message
   * @throws InvalidOptionException naming the accepted values
   */
  public static MergeStrategy parse(String option, String value) {
    if (value == null || value.isBlank() || value.trim().equalsIgnoreCase("none")) {
      return null;
    }
    switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "union":
        return UNION;
      case "intersection":
        return INTERSECTION;
      case "mode":
        return MODE;
      default:
        throw new InvalidOptionException("invalid value for option \"" + option + "\": \"" + value
            + "\"; accepted: union, intersection, mode (or none)");
    }
  }
}
