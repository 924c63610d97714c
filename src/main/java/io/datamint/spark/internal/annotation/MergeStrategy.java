package io.datamint.spark.internal.annotation;

/**
 * How per-annotator targets are merged into one (reference §2.8); the options that choose one are
 * defined in {@code config.OptionSpecs} ({@code none} or blank there is no strategy).
 */
public enum MergeStrategy {
  /** Positive when any annotator is positive. */
  UNION,
  /** Positive when every annotator present is positive. */
  INTERSECTION,
  /**
   * Majority: labels positive when at least half the annotators are (ties positive); categories
   * most frequent.
   */
  MODE
}
