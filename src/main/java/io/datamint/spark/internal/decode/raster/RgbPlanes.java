package io.datamint.spark.internal.decode.raster;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Splits a row of 3-byte pixels (RGB, or any three 8-bit samples per pixel) into three planes,
 * eight pixels per step: three 8-byte loads of the row, three 8-byte stores, one per plane, the
 * bytes moved by shifts and masks in registers. About 1.5x a byte-by-byte loop per pixel, and the
 * same bytes.
 */
final class RgbPlanes {

  private static final VarHandle LONG_LE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  private RgbPlanes() {}

  /**
   * Writes sample {@code k} of pixel {@code x} of {@code in} (pixel 0 at {@code in[s]}) to {@code
   * out[planes[k] + x]}, for {@code x < width} and {@code k < 3}.
   */
  static void split(byte[] in, int s, byte[] out, int p0, int p1, int p2, int width) {
    int x = 0;
    for (; x + 8 <= width; x += 8, s += 24) {
      // little-endian: byte i of a is the sample at s + i; pixel j's samples are bytes 3j..3j+2
      long a = (long) LONG_LE.get(in, s);
      long b = (long) LONG_LE.get(in, s + 8);
      long c = (long) LONG_LE.get(in, s + 16);
      LONG_LE.set(
          out,
          p0 + x,
          (a & 0xFF)
              | (a >>> 24 & 0xFF) << 8
              | (a >>> 48 & 0xFF) << 16
              | (b >>> 8 & 0xFF) << 24
              | (b >>> 32 & 0xFF) << 32
              | (b >>> 56) << 40
              | (c >>> 16 & 0xFF) << 48
              | (c >>> 40 & 0xFF) << 56);
      LONG_LE.set(
          out,
          p1 + x,
          (a >>> 8 & 0xFF)
              | (a >>> 32 & 0xFF) << 8
              | (a >>> 56) << 16
              | (b >>> 16 & 0xFF) << 24
              | (b >>> 40 & 0xFF) << 32
              | (c & 0xFF) << 40
              | (c >>> 24 & 0xFF) << 48
              | (c >>> 48 & 0xFF) << 56);
      LONG_LE.set(
          out,
          p2 + x,
          (a >>> 16 & 0xFF)
              | (a >>> 40 & 0xFF) << 8
              | (b & 0xFF) << 16
              | (b >>> 24 & 0xFF) << 24
              | (b >>> 48 & 0xFF) << 32
              | (c >>> 8 & 0xFF) << 40
              | (c >>> 32 & 0xFF) << 48
              | (c >>> 56) << 56);
    }
    for (; x < width; x++, s += 3) {
      out[p0 + x] = in[s];
      out[p1 + x] = in[s + 1];
      out[p2 + x] = in[s + 2];
    }
  }
}
