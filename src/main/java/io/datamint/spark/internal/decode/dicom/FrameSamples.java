package io.datamint.spark.internal.decode.dicom;

/**
 * The decoded samples of one frame, as an {@link EncapsulatedCodec} returns them: one {@code int}
 * per sample, interleaved ({@code [row][column][sample]}) or planar ({@code
 * [sample][row][column]}), or 8-bit samples left in the decoder's bytes ({@link #bytes()}).
 *
 * <p>Values are the decoded integers; the decoder then keeps the low {@link #precision()} bits of
 * each and reads them as signed or unsigned according to the Pixel Representation, so a codec may
 * return either the raw bit pattern (e.g. 0..65535 for 16-bit data) or already sign-extended
 * values.
 */
final class FrameSamples {

  private final int rows;
  private final int columns;
  private final int samplesPerPixel;
  private final int[] values;
  private final boolean planar;
  private final int precision;
  private final String colorSpace;
  private final ByteSamples bytes;

  private FrameSamples(
      int rows,
      int columns,
      int samplesPerPixel,
      int[] values,
      boolean planar,
      int precision,
      String colorSpace,
      ByteSamples bytes) {
    if (rows <= 0 || columns <= 0 || samplesPerPixel <= 0) {
      throw new IllegalArgumentException("rows, columns and samples per pixel must be positive");
    }
    if (bytes != null ? bytes.bands() != samplesPerPixel : values == null) {
      throw new IllegalArgumentException("samples of " + samplesPerPixel + " bands expected");
    }
    if (values != null && (long) rows * columns * samplesPerPixel != values.length) {
      throw new IllegalArgumentException(
          rows
              + " x "
              + columns
              + " x "
              + samplesPerPixel
              + " samples expected, got "
              + values.length);
    }
    if (precision < 0 || precision > 32) {
      throw new IllegalArgumentException("precision must be 0 to 32: " + precision);
    }
    this.rows = rows;
    this.columns = columns;
    this.samplesPerPixel = samplesPerPixel;
    this.values = values;
    this.planar = planar;
    this.precision = precision;
    this.colorSpace = colorSpace;
    this.bytes = bytes;
  }

  /**
   * Samples in pixel order, {@code samplesPerPixel} values per pixel.
   *
   * @param precision the bit depth of the codestream's samples (e.g. 12 for a 12-bit JPEG), or 0 to
   *     use the header's Bits Stored
   * @param colorSpace the photometric interpretation the samples are in when the codestream decides
   *     it (e.g. {@code "RGB"} when the codec already undid a color transform, {@code "YBR_FULL"}
   *     for YCbCr samples), or null when the header's Photometric Interpretation applies
   */
  public static FrameSamples interleaved(
      int rows, int columns, int samplesPerPixel, int[] values, int precision, String colorSpace) {
    return new FrameSamples(
        rows, columns, samplesPerPixel, values, false, precision, colorSpace, null);
  }

  /** Samples one plane per sample; parameters as {@link #interleaved}. */
  public static FrameSamples planar(
      int rows, int columns, int samplesPerPixel, int[] values, int precision, String colorSpace) {
    return new FrameSamples(
        rows, columns, samplesPerPixel, values, true, precision, colorSpace, null);
  }

  /**
   * 8-bit unsigned samples where the decoder left them, {@code samples.bands()} per pixel; {@code
   * colorSpace} as {@link #interleaved}, precision the header's Bits Stored.
   */
  public static FrameSamples bytes(int rows, int columns, ByteSamples samples, String colorSpace) {
    return new FrameSamples(rows, columns, samples.bands(), null, false, 0, colorSpace, samples);
  }

  public int rows() {
    return rows;
  }

  public int columns() {
    return columns;
  }

  public int samplesPerPixel() {
    return samplesPerPixel;
  }

  /** The samples (not copied); null for {@link #bytes()} samples. */
  public int[] values() {
    return values;
  }

  /** The 8-bit samples in the decoder's bytes, or null when the samples are {@link #values()}. */
  public ByteSamples bytes() {
    return bytes;
  }

  /** Whether {@link #values()} is one plane per sample rather than interleaved. */
  public boolean planar() {
    return planar;
  }

  /** The significant bits of each sample, or 0 for the header's Bits Stored. */
  public int precision() {
    return precision;
  }

  /** The photometric interpretation of the samples, or null for the header's. */
  public String colorSpace() {
    return colorSpace;
  }
}
