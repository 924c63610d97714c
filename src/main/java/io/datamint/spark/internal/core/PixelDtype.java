package io.datamint.spark.internal.core;

import java.util.Locale;

/**
 * The element type the {@code image} column is given in (option {@code pixel_dtype}), decided per
 * file by the decoders:
 *
 * <ul>
 *   <li>{@link #SDK} (the default): the SDK's rules: stored type, except that a DICOM rescale
 *       (Rescale Slope and Intercept) or a NIfTI {@code scl_slope} / {@code scl_inter} gives
 *       float64 and a DICOM Modality LUT its LUT's type;
 *   <li>{@link #NATIVE}: the stored values in their stored type: neither a DICOM modality LUT stage
 *       (rescale or LUT) nor a NIfTI scaling is applied; what was left out is said in {@code
 *       metainfo} ({@code _rescale});
 *   <li>{@link #FLOAT32}: every value is the {@link #FLOAT64} value rounded to the nearest float32;
 *   <li>{@link #FLOAT64}: every value is the {@link #SDK} value as a float64 (exact for every
 *       integer type but int64 and uint64, rounded to nearest).
 * </ul>
 */
public enum PixelDtype {
  SDK,
  NATIVE,
  FLOAT32,
  FLOAT64;

  /** The option value, lower case. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Whether every value is converted to one floating-point type. */
  public boolean isFloat() {
    return this == FLOAT32 || this == FLOAT64;
  }

  /**
   * The array type of a file whose values under the SDK's rules are of {@code sdkType}: {@code
   * sdkType} itself, or the requested floating-point type.
   */
  public DType outputType(DType sdkType) {
    return switch (this) {
      case FLOAT32 -> DType.FLOAT32;
      case FLOAT64 -> DType.FLOAT64;
      default -> sdkType;
    };
  }
}
