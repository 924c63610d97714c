package io.datamint.spark.internal.decode.nifti;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Copies NIfTI voxels (first voxel axis fastest, colour components innermost, stored byte order)
 * into an {@code (N, C, H, W)} little-endian array, converting and scaling on the way. The work is
 * done row by row: one output row of W values is read from the source with a constant byte stride,
 * in a loop specialised for the stored type (a switch per row, none per value); contiguous rows
 * that need no conversion are one {@code System.arraycopy}.
 */
final class VoxelCopier {

  private static final VarHandle SHORT_LE = view(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE = view(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE = view(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE = view(int[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle LONG_LE = view(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle LONG_BE = view(long[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle DOUBLE_LE = view(double[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE = view(float[].class, ByteOrder.LITTLE_ENDIAN);

  private static VarHandle view(Class<?> arrayType, ByteOrder order) {
    return MethodHandles.byteArrayViewVarHandle(arrayType, order);
  }

  /** How stored values become output values. */
  enum Conversion {
    /** The stored bits, byte-swapped to little-endian when needed. */
    NATIVE,
    /** float64, with {@code value * slope + inter} applied as nibabel applies it. */
    FLOAT64,
    /** The {@link #FLOAT64} value, computed in double precision, rounded once to float32. */
    FLOAT32
  }

  /**
   * The source geometry and the mapping to the output.
   *
   * @param type the stored datatype
   * @param bigEndian the stored byte order
   * @param size voxel counts along the axes i, j, k, t (1 for missing axes)
   * @param sliceAxis the spatial axis (0..2) that becomes N
   * @param flip whether N runs backwards along {@code sliceAxis}
   */
  record Layout(NiftiDataType type, boolean bigEndian, int[] size, int sliceAxis, boolean flip) {

    /** The two other spatial axes, in descending order: H then W. */
    int[] rowAndColumnAxes() {
      int[] axes = new int[2];
      int n = 0;
      for (int axis = 2; axis >= 0; axis--) {
        if (axis != sliceAxis) {
          axes[n++] = axis;
        }
      }
      return axes;
    }

    /** The output shape {@code (N, C, H, W)}, C being time points times colour components. */
    int[] outputShape() {
      int[] hw = rowAndColumnAxes();
      return new int[] {size[sliceAxis], size[3] * type.components, size[hw[0]], size[hw[1]]};
    }
  }

  private VoxelCopier() {}

  /**
   * Copies all voxels.
   *
   * @param src the stored voxels from {@code offset}
   * @param layout the geometry
   * @param conversion how values are converted
   * @param slope the scale factor (FLOAT64 only; 1 means none)
   * @param inter the intercept (FLOAT64 only; 0 means none)
   * @param dst the output bytes, {@code prod(outputShape) * itemSize} of them
   */
  static void copy(
      byte[] src,
      int offset,
      Layout layout,
      Conversion conversion,
      double slope,
      double inter,
      byte[] dst) {
    NiftiDataType type = layout.type();
    int[] size = layout.size();
    int voxel = type.voxelSize();
    long[] stride = new long[4];
    stride[0] = voxel;
    for (int axis = 1; axis < 4; axis++) {
      stride[axis] = stride[axis - 1] * size[axis - 1];
    }
    int[] hw = layout.rowAndColumnAxes();
    int[] shape = layout.outputShape();
    int n = shape[0];
    int h = shape[2];
    int w = shape[3];
    int components = type.components;
    int outItem =
        switch (conversion) {
          case NATIVE -> type.nativeType.itemSize();
          case FLOAT32 -> 4;
          case FLOAT64 -> 8;
        };
    long sliceStride = stride[layout.sliceAxis()];
    long rowStride = stride[hw[0]];
    int columnStride = Math.toIntExact(stride[hw[1]]);
    Kind kind = Kind.of(type, conversion);
    boolean mul = slope != 1.0;
    boolean add = inter != 0.0;
    int rowBytes = w * outItem;
    int d = 0;
    for (int slice = 0; slice < n; slice++) {
      long sliceStart = offset + (layout.flip() ? n - 1 - slice : slice) * sliceStride;
      for (int t = 0; t < size[3]; t++) {
        for (int component = 0; component < components; component++) {
          long planeStart = sliceStart + t * stride[3] + (long) component * type.elementSize;
          for (int row = 0; row < h; row++) {
            int p = Math.toIntExact(planeStart + row * rowStride);
            row(
                kind,
                layout.bigEndian(),
                src,
                p,
                columnStride,
                w,
                dst,
                d,
                outItem,
                slope,
                inter,
                mul,
                add);
            d += rowBytes;
          }
        }
      }
    }
  }

  /** The loop a stored type and conversion need. */
  private enum Kind {
    COPY1,
    COPY2,
    COPY4,
    COPY8,
    UINT8,
    INT8,
    INT16,
    UINT16,
    INT32,
    UINT32,
    INT64,
    UINT64,
    FLOAT32,
    FLOAT64;

    static Kind of(NiftiDataType type, Conversion conversion) {
      if (conversion == Conversion.NATIVE && type != NiftiDataType.UINT64) {
        return switch (type.elementSize) {
          case 1 -> COPY1;
          case 2 -> COPY2;
          case 4 -> COPY4;
          default -> COPY8;
        };
      }
      return switch (type) {
        case UINT8, RGB24, RGBA32 -> UINT8; // colour components are bytes, never scaled
        case INT8 -> INT8;
        case INT16 -> INT16;
        case UINT16 -> UINT16;
        case INT32 -> INT32;
        case UINT32 -> UINT32;
        case INT64 -> INT64;
        case UINT64 -> UINT64;
        case FLOAT32 -> FLOAT32;
        case FLOAT64 -> FLOAT64;
      };
    }
  }

  private static void row(
      Kind kind,
      boolean be,
      byte[] s,
      int p,
      int stride,
      int count,
      byte[] d,
      int q,
      int step,
      double slope,
      double inter,
      boolean mul,
      boolean add) {
    switch (kind) {
      case COPY1 -> {
        if (stride == 1) {
          System.arraycopy(s, p, d, q, count);
        } else {
          for (int i = 0; i < count; i++, p += stride) {
            d[q + i] = s[p];
          }
        }
      }
      case COPY2 -> {
        if (!be && stride == 2) {
          System.arraycopy(s, p, d, q, count * 2);
        } else {
          for (int i = 0; i < count; i++, p += stride, q += 2) {
            SHORT_LE.set(d, q, be ? (short) SHORT_BE.get(s, p) : (short) SHORT_LE.get(s, p));
          }
        }
      }
      case COPY4 -> {
        if (!be && stride == 4) {
          System.arraycopy(s, p, d, q, count * 4);
        } else {
          for (int i = 0; i < count; i++, p += stride, q += 4) {
            INT_LE.set(d, q, be ? (int) INT_BE.get(s, p) : (int) INT_LE.get(s, p));
          }
        }
      }
      case COPY8 -> {
        if (!be && stride == 8) {
          System.arraycopy(s, p, d, q, count * 8);
        } else {
          for (int i = 0; i < count; i++, p += stride, q += 8) {
            LONG_LE.set(d, q, be ? (long) LONG_BE.get(s, p) : (long) LONG_LE.get(s, p));
          }
        }
      }
      case UINT8 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          put(d, q, s[p] & 0xFF, step, slope, inter, mul, add);
        }
      }
      case INT8 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          put(d, q, s[p], step, slope, inter, mul, add);
        }
      }
      case INT16 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          put(
              d,
              q,
              be ? (short) SHORT_BE.get(s, p) : (short) SHORT_LE.get(s, p),
              step,
              slope,
              inter,
              mul,
              add);
        }
      }
      case UINT16 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          int v = (be ? (short) SHORT_BE.get(s, p) : (short) SHORT_LE.get(s, p)) & 0xFFFF;
          put(d, q, v, step, slope, inter, mul, add);
        }
      }
      case INT32 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          put(
              d,
              q,
              be ? (int) INT_BE.get(s, p) : (int) INT_LE.get(s, p),
              step,
              slope,
              inter,
              mul,
              add);
        }
      }
      case UINT32 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          long v = (be ? (int) INT_BE.get(s, p) : (int) INT_LE.get(s, p)) & 0xFFFFFFFFL;
          put(d, q, v, step, slope, inter, mul, add);
        }
      }
      case INT64 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          put(
              d,
              q,
              (double) (be ? (long) LONG_BE.get(s, p) : (long) LONG_LE.get(s, p)),
              step,
              slope,
              inter,
              mul,
              add);
        }
      }
      case UINT64 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          long v = be ? (long) LONG_BE.get(s, p) : (long) LONG_LE.get(s, p);
          put(d, q, unsignedToDouble(v), step, slope, inter, mul, add);
        }
      }
      case FLOAT32 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          int bits = be ? (int) INT_BE.get(s, p) : (int) INT_LE.get(s, p);
          put(d, q, Float.intBitsToFloat(bits), step, slope, inter, mul, add);
        }
      }
      case FLOAT64 -> {
        for (int i = 0; i < count; i++, p += stride, q += step) {
          long bits = be ? (long) LONG_BE.get(s, p) : (long) LONG_LE.get(s, p);
          put(d, q, Double.longBitsToDouble(bits), step, slope, inter, mul, add);
        }
      }
      default -> throw new IllegalStateException(kind.name());
    }
  }

  /**
   * Writes {@code v * slope + inter} (each step only when it changes the value, as nibabel does),
   * as a float64 ({@code step} 8) or that double rounded to float32 ({@code step} 4).
   */
  private static void put(
      byte[] d, int q, double v, int step, double slope, double inter, boolean mul, boolean add) {
    if (mul) {
      v *= slope;
    }
    if (add) {
      v += inter;
    }
    if (step == 4) {
      FLOAT_LE.set(d, q, (float) v);
    } else {
      DOUBLE_LE.set(d, q, v);
    }
  }

  /**
   * An unsigned 64-bit value rounded to the nearest double, as NumPy's {@code uint64 -> float64}
   * cast does.
   */
  static double unsignedToDouble(long v) {
    if (v >= 0) {
      return v;
    }
    // halve with the lost bit kept as a sticky bit, so that the rounding of the halved value is the
    // right one
    return ((double) ((v >>> 1) | (v & 1))) * 2.0;
  }
}
