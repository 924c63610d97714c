package io.datamint.spark.internal.decode.dicom;

/**
 * The 8-bit samples of one decoded frame where the decoder left them, in its own byte array: sample
 * {@code s} of the pixel at row {@code y}, column {@code x} is {@code data[offset + y *
 * scanlineStride + x * pixelStride + bandOffsets[s]]}, unsigned. Lets a frame reach the output
 * without an {@code int} per sample when no step changes its values.
 */
final class ByteSamples {

  private final byte[] data;
  private final int offset;
  private final int pixelStride;
  private final int scanlineStride;
  private final int[] bandOffsets;

  ByteSamples(byte[] data, int offset, int pixelStride, int scanlineStride, int[] bandOffsets) {
    this.data = data;
    this.offset = offset;
    this.pixelStride = pixelStride;
    this.scanlineStride = scanlineStride;
    this.bandOffsets = bandOffsets.clone();
  }

  /** The number of samples per pixel. */
  int bands() {
    return bandOffsets.length;
  }

  /**
   * Writes the samples as {@code bands()} planes of {@code rows x columns} bytes into {@code out}
   * from {@code at}.
   */
  void copyPlanes(int rows, int columns, byte[] out, int at) {
    for (int b = 0, d = at; b < bandOffsets.length; b++) {
      for (int y = 0; y < rows; y++, d += columns) {
        int s = offset + y * scanlineStride + bandOffsets[b];
        if (pixelStride == 1) {
          System.arraycopy(data, s, out, d, columns);
        } else {
          for (int x = 0; x < columns; x++, s += pixelStride) {
            out[d + x] = data[s];
          }
        }
      }
    }
  }

  /**
   * Writes the samples as {@code bands()} planes of {@code rows x columns} unsigned values into
   * {@code out}, which it returns.
   */
  int[] toPlanes(int rows, int columns, int[] out) {
    for (int b = 0, d = 0; b < bandOffsets.length; b++) {
      for (int y = 0; y < rows; y++, d += columns) {
        for (int x = 0, s = offset + y * scanlineStride + bandOffsets[b];
            x < columns;
            x++, s += pixelStride) {
          out[d + x] = data[s] & 0xFF;
        }
      }
    }
    return out;
  }
}
