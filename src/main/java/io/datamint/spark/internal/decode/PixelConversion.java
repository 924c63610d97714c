package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;

/**
 * Converts a decoded array to the floating-point type a {@link PixelDtype} asks for, for the
 * decoders that do not write that type themselves (images, videos, MONOCHROME1 DICOM): one new
 * array, checked against the {@link DecodeLimits}, each value read as a double (exact for every
 * type but int64, which is rounded to nearest) and, for float32, rounded to the nearest float32.
 * Arrays already of the requested type, and requests that are not floating-point, are returned as
 * they are.
 */
public final class PixelConversion {

  /** Values converted per step: a chunk of doubles that stays in the L1 cache. */
  private static final int CHUNK = 2048;

  private PixelConversion() {}

  /** The array in the requested type (itself when no conversion is needed). */
  public static PixelArray convert(PixelArray array, PixelDtype dtype, DecodeLimits limits)
      throws DecodeException {
    DType target = dtype.outputType(array.dtype());
    if (target == array.dtype()) {
      return array;
    }
    PixelArray out = PixelArray.allocateForOverwrite(limits, target, array.shape()); // every value
    ByteBuffer src = array.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer dst = out.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    DoubleBuffer float64 = target == DType.FLOAT64 ? dst.asDoubleBuffer() : null;
    FloatBuffer float32 = target == DType.FLOAT32 ? dst.asFloatBuffer() : null;
    int n = Math.toIntExact(array.elementCount());
    double[] values = new double[Math.min(n, CHUNK)];
    float[] narrowed = float32 == null ? null : new float[values.length];
    int itemSize = array.dtype().itemSize();
    for (int from = 0; from < n; from += values.length) {
      int count = Math.min(values.length, n - from);
      read(array.dtype(), src, src.position() + from * itemSize, values, count);
      if (float32 == null) {
        float64.put(values, 0, count);
      } else {
        for (int i = 0; i < count; i++) {
          narrowed[i] = (float) values[i];
        }
        float32.put(narrowed, 0, count);
      }
    }
    return out;
  }

  /**
   * Reads {@code count} elements of {@code type} from {@code src} at byte {@code at} into {@code
   * values} as doubles: one loop per type, the type dispatched once per chunk.
   */
  private static void read(DType type, ByteBuffer src, int at, double[] values, int count) {
    switch (type) {
      case UINT8 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.get(at + i) & 0xFF;
        }
      }
      case INT8 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.get(at + i);
        }
      }
      case UINT16 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.getShort(at + 2 * i) & 0xFFFF;
        }
      }
      case INT16 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.getShort(at + 2 * i);
        }
      }
      case UINT32 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.getInt(at + 4 * i) & 0xFFFFFFFFL;
        }
      }
      case INT32 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.getInt(at + 4 * i);
        }
      }
      case INT64 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.getLong(at + 8 * i);
        }
      }
      case FLOAT32 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.getFloat(at + 4 * i);
        }
      }
      case FLOAT64 -> {
        for (int i = 0; i < count; i++) {
          values[i] = src.getDouble(at + 8 * i);
        }
      }
    }
  }

  /** A decoded resource with its pixels in the requested type. */
  static DecodedResource convert(DecodedResource decoded, PixelDtype dtype, DecodeLimits limits)
      throws DecodeException {
    PixelArray pixels = convert(decoded.pixels(), dtype, limits);
    return pixels == decoded.pixels()
        ? decoded
        : new DecodedResource(pixels, decoded.metainfoJson(), decoded.affine(), decoded.geometry());
  }

  /** A frame stream whose frames are converted to the requested type. */
  static FrameStream convert(FrameStream frames, PixelDtype dtype, DecodeLimits limits) {
    return dtype.isFloat() ? new Converting(frames, dtype, limits) : frames;
  }

  /** Converts each frame of a stream; every other call is passed on. */
  private static final class Converting implements FrameStream {
    private final FrameStream frames;
    private final PixelDtype dtype;
    private final DecodeLimits limits;

    Converting(FrameStream frames, PixelDtype dtype, DecodeLimits limits) {
      this.frames = frames;
      this.dtype = dtype;
      this.limits = limits;
    }

    @Override
    public int position() {
      return frames.position();
    }

    @Override
    public PixelArray next() throws DecodeException {
      PixelArray frame = frames.next();
      return frame == null ? null : convert(frame, dtype, limits);
    }

    @Override
    public boolean skip() throws DecodeException {
      return frames.skip();
    }

    @Override
    public int seek(int frame) throws DecodeException {
      return frames.seek(frame);
    }

    @Override
    public int frameCount() {
      return frames.frameCount();
    }

    @Override
    public double[] affine() {
      return frames.affine();
    }

    @Override
    public void close() {
      frames.close();
    }
  }
}
