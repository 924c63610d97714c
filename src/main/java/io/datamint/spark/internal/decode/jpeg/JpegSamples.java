package io.datamint.spark.internal.decode.jpeg;

import java.util.Arrays;

/**
 * The decoded samples of one JPEG or JPEG-LS image, before any colour conversion.
 *
 * <p>The samples are interleaved and row-major: the sample of component {@code c} at column {@code
 * x} and row {@code y} is {@code samples[(y * width + x) * components + c]}. Every component is at
 * full resolution (a subsampled component has been upsampled by the decoder that produced it). Each
 * value is unsigned and fits in {@code precision} bits; it is held in a {@code short}, so read it
 * with {@link #sample(int, int, int)}, {@link Short#toUnsignedInt(short)} or {@code & 0xFFFF}.
 * Written as-is into a little-endian {@code uint16} buffer, the {@code short} bit pattern is
 * already the right value.
 *
 * <p>The components are as coded: for a colour JPEG they are usually Y, Cb and Cr, which the caller
 * converts (or not) according to the DICOM Photometric Interpretation.
 *
 * <p>The array is not copied: the record shares it with whoever created it. {@link #equals(Object)}
 * and {@link #hashCode()} compare the sample values.
 *
 * @param width the number of columns (X in the frame header), at least 1
 * @param height the number of rows (Y in the frame header), at least 1
 * @param components the number of components (samples per pixel), at least 1
 * @param precision the sample precision P of the frame header in bits: 2 to 16 for JPEG-LS, 8 or 12
 *     for DCT JPEG
 * @param samples {@code width * height * components} unsigned values, interleaved, row-major
 */
public record JpegSamples(int width, int height, int components, int precision, short[] samples) {

  /** Validates the dimensions against the length of {@code samples}. */
  public JpegSamples {
    if (width < 1 || height < 1 || components < 1) {
      throw new IllegalArgumentException(
          "dimensions must be positive: " + width + "x" + height + "x" + components);
    }
    if (precision < 1 || precision > 16) {
      throw new IllegalArgumentException("precision must be 1..16 bits: " + precision);
    }
    if ((long) width * height * components != samples.length) {
      throw new IllegalArgumentException(
          width
              + "x"
              + height
              + "x"
              + components
              + " samples need "
              + (long) width * height * components
              + " values, got "
              + samples.length);
    }
  }

  /** The unsigned sample of component {@code c} at column {@code x} and row {@code y}. */
  public int sample(int x, int y, int c) {
    if (x < 0 || x >= width || y < 0 || y >= height || c < 0 || c >= components) {
      throw new IndexOutOfBoundsException(
          "(" + x + ", " + y + ", " + c + ") outside " + width + "x" + height + "x" + components);
    }
    return samples[(y * width + x) * components + c] & 0xFFFF;
  }

  /** The largest value a sample of this precision can hold, {@code 2^precision - 1}. */
  public int maxValue() {
    return (1 << precision) - 1;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof JpegSamples other
        && width == other.width
        && height == other.height
        && components == other.components
        && precision == other.precision
        && Arrays.equals(samples, other.samples);
  }

  @Override
  public int hashCode() {
    return ((width * 31 + height) * 31 + components) * 31
        + precision
        + 17 * Arrays.hashCode(samples);
  }

  @Override
  public String toString() {
    return "JpegSamples["
        + width
        + "x"
        + height
        + ", "
        + components
        + " component(s), "
        + precision
        + "-bit]";
  }
}
