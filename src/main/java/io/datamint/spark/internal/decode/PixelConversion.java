package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Converts a decoded array to the floating-point type a {@link PixelDtype} asks for, for the
 * decoders that do not write that type themselves (images, videos, MONOCHROME1 DICOM): one new
 * array, checked against the {@link DecodeLimits}, each value read as a double (exact for every
 * type but int64, which is rounded to nearest) and, for float32, rounded to the nearest float32.
 * Arrays already of the requested type, and requests that are not floating-point, are returned as
 * they are.
 */
public final class PixelConversion {

  private static final VarHandle SHORT_LE = view(short[].class);
  private static final VarHandle INT_LE = view(int[].class);
  private static final VarHandle LONG_LE = view(long[].class);
  private static final VarHandle FLOAT_LE = view(float[].class);
  private static final VarHandle DOUBLE_LE = view(double[].class);

  private PixelConversion() {}

  private static VarHandle view(Class<?> arrayType) {
    return MethodHandles.byteArrayViewVarHandle(arrayType, ByteOrder.LITTLE_ENDIAN);
  }

  /** The array in the requested type (itself when no conversion is needed). */
  public static PixelArray convert(PixelArray array, PixelDtype dtype, DecodeLimits limits)
      throws DecodeException {
    DType target = dtype.outputType(array.dtype());
    if (target == array.dtype()) {
      return array;
    }
    PixelArray out = PixelArray.allocate(limits, target, array.shape());
    ByteBuffer src = array.data();
    byte[] s = src.array();
    int p = src.arrayOffset() + src.position();
    byte[] d = out.data().array();
    int q = out.data().arrayOffset();
    int n = Math.toIntExact(array.elementCount());
    boolean narrow = target == DType.FLOAT32;
    int step = target.itemSize();
    for (int i = 0; i < n; i++, q += step) {
      double v = value(array.dtype(), s, p, i);
      if (narrow) {
        FLOAT_LE.set(d, q, (float) v);
      } else {
        DOUBLE_LE.set(d, q, v);
      }
    }
    return out;
  }

  /** A decoded resource with its pixels in the requested type. */
  static DecodedResource convert(DecodedResource decoded, PixelDtype dtype, DecodeLimits limits)
      throws DecodeException {
    PixelArray pixels = convert(decoded.pixels(), dtype, limits);
    return pixels == decoded.pixels()
        ? decoded
        : new DecodedResource(pixels, decoded.metainfoJson(), decoded.affine(), decoded.geometry());
  }

  /** Element {@code i} of an array of {@code type} whose bytes start at {@code s[p]}. */
  private static double value(DType type, byte[] s, int p, int i) {
    return switch (type) {
      case UINT8 -> s[p + i] & 0xFF;
      case INT8 -> s[p + i];
      case UINT16 -> (short) SHORT_LE.get(s, p + 2 * i) & 0xFFFF;
      case INT16 -> (short) SHORT_LE.get(s, p + 2 * i);
      case UINT32 -> (int) INT_LE.get(s, p + 4 * i) & 0xFFFFFFFFL;
      case INT32 -> (int) INT_LE.get(s, p + 4 * i);
      case INT64 -> (double) (long) LONG_LE.get(s, p + 8 * i);
      case FLOAT32 -> (float) FLOAT_LE.get(s, p + 4 * i);
      case FLOAT64 -> (double) DOUBLE_LE.get(s, p + 8 * i);
    };
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
