package io.datamint.spark.internal.slice;

import java.util.Locale;

/**
 * An anatomical slice plane, as the {@code slice} option names it. The SDK accepts the names and
 * the integers {@code 0} (axial), {@code 1} (coronal) and {@code 2} (sagittal).
 */
public enum SlicePlane {
  /** Planes of constant superior-inferior position (world z). */
  AXIAL,
  /** Planes of constant anterior-posterior position (world y). */
  CORONAL,
  /** Planes of constant left-right position (world x). */
  SAGITTAL;

  private static final String ACCEPTED =
      "axial, coronal, sagittal, 0 (axial), 1 (coronal) or 2 (sagittal)";

  /**
   * Parses an option value: {@code axial}, {@code coronal}, {@code sagittal} (any case) or {@code
   * 0}, {@code 1}, {@code 2}; surrounding blanks are ignored.
   *
   * @throws IllegalArgumentException naming the value and what is accepted
   */
  public static SlicePlane parse(String value) {
    if (value != null) {
      switch (value.trim().toLowerCase(Locale.ROOT)) {
        case "axial", "0" -> {
          return AXIAL;
        }
        case "coronal", "1" -> {
          return CORONAL;
        }
        case "sagittal", "2" -> {
          return SAGITTAL;
        }
        default -> {
          // falls through to the error
        }
      }
    }
    throw new IllegalArgumentException(
        "slice plane "
            + (value == null ? "null" : "'" + value + "'")
            + " is not one of "
            + ACCEPTED);
  }

  /** The lower-case name: {@code axial}, {@code coronal} or {@code sagittal}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
