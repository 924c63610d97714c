package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** Reads decoded arrays back as doubles and compares them with reference values, for tests. */
public final class PixelValues {

  private PixelValues() {}

  /** Every element of {@code p} as a double (unsigned types as their unsigned value). */
  public static double[] of(PixelArray p) {
    ByteBuffer b = p.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    b.position(0);
    int n = Math.toIntExact(p.elementCount());
    double[] out = new double[n];
    int size = p.dtype().itemSize();
    for (int i = 0; i < n; i++) {
      int at = i * size;
      out[i] =
          switch (p.dtype()) {
            case UINT8 -> b.get(at) & 0xFF;
            case INT8 -> b.get(at);
            case UINT16 -> b.getShort(at) & 0xFFFF;
            case INT16 -> b.getShort(at);
            case UINT32 -> b.getInt(at) & 0xFFFFFFFFL;
            case INT32 -> b.getInt(at);
            case INT64 -> (double) b.getLong(at);
            case FLOAT32 -> b.getFloat(at);
            case FLOAT64 -> b.getDouble(at);
          };
    }
    return out;
  }

  /** The little-endian float64 values of {@code raw}. */
  public static double[] float64(byte[] raw) {
    double[] out = new double[raw.length / 8];
    ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN).asDoubleBuffer().get(out);
    return out;
  }

  /**
   * Asserts exact equality of every value (NaN equals NaN; -0.0 equals 0.0), naming the first
   * difference.
   */
  public static void assertSameValues(String what, double[] actual, double[] expected) {
    assertThat(actual.length).as(what + ": element count").isEqualTo(expected.length);
    int differing = 0;
    int first = -1;
    for (int i = 0; i < actual.length; i++) {
      boolean same =
          actual[i] == expected[i] || Double.isNaN(actual[i]) && Double.isNaN(expected[i]);
      if (!same) {
        if (first < 0) {
          first = i;
        }
        differing++;
      }
    }
    if (differing > 0) {
      fail(
          what
              + ": "
              + differing
              + " of "
              + actual.length
              + " values differ; first at flat index "
              + first
              + ": "
              + actual[first]
              + " instead of "
              + expected[first]);
    }
  }
}
