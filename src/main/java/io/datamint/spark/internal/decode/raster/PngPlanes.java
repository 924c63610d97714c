package io.datamint.spark.internal.decode.raster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Writes unfiltered PNG rows (pixel-interleaved samples, 16-bit ones big-endian) into the planes of
 * a {@code (1, C, H, W)} little-endian array: one loop per channel over primitive arrays, a bulk
 * copy for 8-bit single-channel rows, and for a tRNS colour the alpha plane the JDK reader adds (0
 * where the pixel has the colour, the largest sample value elsewhere).
 */
final class PngPlanes {

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private static final long LOW_BYTES = 0x00FF00FF00FF00FFL;

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

  /** Writes row {@code y}, whose samples start at {@code row[r]}. */
  void write(byte[] row, int r, int y) {
    long rowStart = (long) y * width;
    if (wide) {
      for (int c = 0; c < channels; c++) {
        samples16(row, r + 2 * c, Math.toIntExact(2 * (c * plane + rowStart)));
      }
    } else if (channels == 1) {
      System.arraycopy(row, r, out, Math.toIntExact(rowStart), width);
    } else if (channels == 3) {
      rgb8(row, r, Math.toIntExact(rowStart));
    } else {
      for (int c = 0; c < channels; c++) {
        samples8(row, r + c, Math.toIntExact(c * plane + rowStart));
      }
    }
    if (transparent != null) {
      long at = channels * plane + rowStart;
      alpha(row, r, Math.toIntExact(wide ? 2 * at : at));
    }
  }

  /** One channel's samples, the first at {@code row[s]}, to {@code out[d..]}. */
  private void samples8(byte[] row, int s, int d) {
    for (int x = 0; x < width; x++, s += channels) {
      out[d + x] = row[s];
    }
  }

  /** The three planes of an 8-bit RGB row in one pass. */
  private void rgb8(byte[] row, int s, int d) {
    int g = Math.toIntExact(d + plane);
    int b = Math.toIntExact(d + 2 * plane);
    for (int x = 0; x < width; x++, s += 3) {
      out[d + x] = row[s];
      out[g + x] = row[s + 1];
      out[b + x] = row[s + 2];
    }
  }

  /** One channel's 16-bit samples, the first at {@code row[s]}, to {@code out[d..]}, swapped. */
  private void samples16(byte[] row, int s, int d) {
    int x = 0;
    if (channels == 1) {
      // four samples at a time: swap the bytes within each 16-bit lane of a long
      for (; x + 4 <= width; x += 4, s += 8, d += 8) {
        long v = (long) LONG_LE.get(row, s);
        LONG_LE.set(out, d, ((v >>> 8) & LOW_BYTES) | ((v & LOW_BYTES) << 8));
      }
    }
    int step = 2 * channels;
    for (; x < width; x++, s += step, d += 2) {
      out[d] = row[s + 1];
      out[d + 1] = row[s];
    }
  }

  /** The alpha of a tRNS colour: 0 for a pixel of that colour, the largest value for any other. */
  private void alpha(byte[] row, int s, int d) {
    int step = channels * (wide ? 2 : 1);
    for (int x = 0; x < width; x++, s += step) {
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
