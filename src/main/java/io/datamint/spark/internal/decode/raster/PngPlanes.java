package io.datamint.spark.internal.decode.raster;

/**
 * Writes unfiltered PNG rows (pixel-interleaved samples, 16-bit ones big-endian) into the planes of
 * a {@code (1, C, H, W)} little-endian array: one loop per channel over primitive arrays, a bulk
 * copy for 8-bit single-channel rows, and for a tRNS colour the alpha plane the JDK reader adds (0
 * where the pixel has the colour, the largest sample value elsewhere).
 */
final class PngPlanes {

  private final byte[] out;
  private final int width;
  private final int channels;
  private final boolean wide;
  private final int[] transparent;
  private final long plane;

  /**
   * @param out the output array's bytes, {@code channels() * height * width} samples
   */
  PngPlanes(PngFile png, byte[] out) {
    this.out = out;
    this.width = png.width();
    this.channels = png.storedChannels();
    this.wide = png.bitDepth() == 16;
    this.transparent = png.transparent();
    this.plane = (long) png.width() * png.height();
  }

  /** Writes row {@code y}: its samples are {@code row[1..]}. */
  void write(byte[] row, int y) {
    long rowStart = (long) y * width;
    if (wide) {
      for (int c = 0; c < channels; c++) {
        samples16(row, c, Math.toIntExact(2 * (c * plane + rowStart)));
      }
    } else if (channels == 1) {
      System.arraycopy(row, 1, out, Math.toIntExact(rowStart), width);
    } else {
      for (int c = 0; c < channels; c++) {
        samples8(row, c, Math.toIntExact(c * plane + rowStart));
      }
    }
    if (transparent != null) {
      long at = channels * plane + rowStart;
      alpha(row, Math.toIntExact(wide ? 2 * at : at));
    }
  }

  private void samples8(byte[] row, int c, int d) {
    for (int x = 0, s = 1 + c; x < width; x++, s += channels) {
      out[d + x] = row[s];
    }
  }

  private void samples16(byte[] row, int c, int d) {
    int step = 2 * channels;
    for (int x = 0, s = 1 + 2 * c; x < width; x++, s += step, d += 2) {
      out[d] = row[s + 1];
      out[d + 1] = row[s];
    }
  }

  /** The alpha of a tRNS colour: 0 for a pixel of that colour, the largest value for any other. */
  private void alpha(byte[] row, int d) {
    int step = channels * (wide ? 2 : 1);
    for (int x = 0, s = 1; x < width; x++, s += step) {
      boolean clear = true;
      for (int c = 0; c < channels; c++) {
        int v = wide ? (row[s + 2 * c] & 0xFF) << 8 | row[s + 2 * c + 1] & 0xFF : row[s + c] & 0xFF;
        clear &= v == transparent[c];
      }
      byte a = clear ? 0 : (byte) 0xFF;
      if (wide) {
        out[d++] = a;
      }
      out[d++] = a;
    }
  }
}
