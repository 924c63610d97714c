package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.internal.core.PixelArray;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * MONOCHROME1 inversion as the SDK does it: {@code max + min - value}, with max and min over the
 * whole array (all frames), in the array's own type; for floating point only when max > min
 * (otherwise the same values).
 */
final class Monochrome1 {

  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE_LE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private Monochrome1() {}

  static void invert(PixelArray a) {
    byte[] b = a.data().array();
    int base = a.data().arrayOffset();
    int n = (int) a.elementCount();
    boolean unsigned = a.dtype().name().startsWith("U"); // the integer types
    switch (a.dtype()) {
      case UINT8:
      case INT8:
        {
          long min = Long.MAX_VALUE;
          long max = Long.MIN_VALUE;
          for (int i = 0; i < n; i++) {
            long v = unsigned ? b[base + i] & 0xFF : b[base + i];
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
          long sum = max + min;
          for (int i = 0; i < n; i++) {
            long v = unsigned ? b[base + i] & 0xFF : b[base + i];
            b[base + i] = (byte) (sum - v);
          }
          break;
        }
      case UINT16:
      case INT16:
        {
          long min = Long.MAX_VALUE;
          long max = Long.MIN_VALUE;
          for (int i = 0; i < n; i++) {
            short s = (short) SHORT_LE.get(b, base + 2 * i);
            long v = unsigned ? s & 0xFFFF : s;
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
          long sum = max + min;
          for (int i = 0; i < n; i++) {
            short s = (short) SHORT_LE.get(b, base + 2 * i);
            long v = unsigned ? s & 0xFFFF : s;
            SHORT_LE.set(b, base + 2 * i, (short) (sum - v));
          }
          break;
        }
      case UINT32:
      case INT32:
        {
          long min = Long.MAX_VALUE;
          long max = Long.MIN_VALUE;
          for (int i = 0; i < n; i++) {
            int s = (int) INT_LE.get(b, base + 4 * i);
            long v = unsigned ? s & 0xFFFFFFFFL : s;
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
          long sum = max + min;
          for (int i = 0; i < n; i++) {
            int s = (int) INT_LE.get(b, base + 4 * i);
            long v = unsigned ? s & 0xFFFFFFFFL : s;
            INT_LE.set(b, base + 4 * i, (int) (sum - v));
          }
          break;
        }
      case FLOAT64:
        {
          double min = Double.POSITIVE_INFINITY;
          double max = Double.NEGATIVE_INFINITY;
          for (int i = 0; i < n; i++) {
            double v = (double) DOUBLE_LE.get(b, base + 8 * i);
            min = Math.min(min, v);
            max = Math.max(max, v);
          }
          if (max > min) {
            double sum = max + min;
            for (int i = 0; i < n; i++) {
              DOUBLE_LE.set(b, base + 8 * i, sum - (double) DOUBLE_LE.get(b, base + 8 * i));
            }
          }
          break;
        }
      default:
        throw new IllegalStateException("MONOCHROME1 inversion of " + a.dtype().numpyName());
    }
  }
}
