package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.internal.core.DType;

/**
 * The Modality LUT stage (PS3.3 C.11.1) as pydicom's {@code apply_modality_lut} does it, which is
 * what the SDK applies: a non-empty Modality LUT Sequence maps values through its first LUT (values
 * below the first mapped value take the first entry, values past the end the last), giving uint8
 * when the LUT's entries have at most 8 bits, else uint16; otherwise, when both Rescale Slope and
 * Rescale Intercept are present, {@code value * slope + intercept} in float64 (always float64, even
 * for slope 1 and intercept 0, as pydicom); otherwise nothing.
 */
final class ModalityTransform {

  enum Kind {
    NONE,
    LUT,
    RESCALE
  }

  private static final ModalityTransform NONE =
      new ModalityTransform(Kind.NONE, 1, 0, null, 0, null);

  private final Kind kind;
  private final double slope;
  private final double intercept;
  private final int[] lut;
  private final int firstMapped;
  private final DType lutType;

  private ModalityTransform(
      Kind kind, double slope, double intercept, int[] lut, int firstMapped, DType lutType) {
    this.kind = kind;
    this.slope = slope;
    this.intercept = intercept;
    this.lut = lut;
    this.firstMapped = firstMapped;
    this.lutType = lutType;
  }

  static ModalityTransform of(DicomDataset ds, boolean signedPixels) {
    DicomDataset item = ds.firstItem(Tags.MODALITY_LUT_SEQUENCE);
    if (item != null) {
      ModalityTransform lut = lut(item, signedPixels);
      if (lut != null) {
        return lut;
      }
    }
    if (ds.contains(Tags.RESCALE_SLOPE) && ds.contains(Tags.RESCALE_INTERCEPT)) {
      double[] slope = ds.doubles(Tags.RESCALE_SLOPE);
      double[] intercept = ds.doubles(Tags.RESCALE_INTERCEPT);
      if (slope != null && slope.length > 0 && intercept != null && intercept.length > 0) {
        return new ModalityTransform(Kind.RESCALE, slope[0], intercept[0], null, 0, null);
      }
    }
    return NONE;
  }

  private static ModalityTransform lut(DicomDataset item, boolean signedPixels) {
    DicomElement descriptorElement = item.get(Tags.LUT_DESCRIPTOR);
    DicomElement data = item.get(Tags.LUT_DATA);
    if (descriptorElement == null
        || descriptorElement.length() < 6
        || data == null
        || data.length() < 2) {
      return null;
    }
    byte[] b = descriptorElement.buffer();
    int at = descriptorElement.offset();
    boolean be = descriptorElement.bigEndian();
    int entries = Bytes.u16(b, at, be);
    int first = signedPixels ? (short) Bytes.u16(b, at + 2, be) : Bytes.u16(b, at + 2, be);
    int bits = Bytes.u16(b, at + 4, be);
    if (entries == 0) {
      entries = 65536;
    }
    int available = data.length() / 2;
    int[] lut = new int[Math.min(entries, available)];
    int mask = bits <= 8 ? 0xFF : 0xFFFF;
    for (int i = 0; i < lut.length; i++) {
      lut[i] = Bytes.u16(data.buffer(), data.offset() + 2 * i, data.bigEndian()) & mask;
    }
    return new ModalityTransform(
        Kind.LUT, 1, 0, lut, first, bits <= 8 ? DType.UINT8 : DType.UINT16);
  }

  Kind kind() {
    return kind;
  }

  double slope() {
    return slope;
  }

  double intercept() {
    return intercept;
  }

  /** The output type of the transform, or null when it keeps the stored type. */
  DType outputType() {
    switch (kind) {
      case LUT:
        return lutType;
      case RESCALE:
        return DType.FLOAT64;
      default:
        return null;
    }
  }

  /** Maps {@code values[0..count)} through the LUT, in place. */
  void applyLut(int[] values, int count) {
    int last = lut.length - 1;
    for (int i = 0; i < count; i++) {
      int index = values[i] - firstMapped;
      values[i] = lut[index < 0 ? 0 : index > last ? last : index];
    }
  }
}
