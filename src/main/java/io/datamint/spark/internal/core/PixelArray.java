package io.datamint.spark.internal.core;

import io.datamint.spark.error.DecodeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A decoded n-dimensional array: element type, shape (outermost first) and the values in C order,
 * little-endian, exactly {@code prod(shape) * itemSize} bytes. This is the tensor layout of the
 * {@code image} column.
 */
public final class PixelArray {

  private final DType dtype;
  private final int[] shape;
  private final ByteBuffer data;

  private PixelArray(DType dtype, int[] shape, ByteBuffer data) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data.order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Allocates a zero-filled array after checking its size against {@code limits}.
   *
   * @throws DecodeException when the shape is not positive or the array would be over the limit
   */
  public static PixelArray allocate(DecodeLimits limits, DType dtype, int... shape)
      throws DecodeException {
    return allocate(limits, dtype, shape, true);
  }

  /**
   * Allocates an array whose contents are unspecified (zeros, or the values of an earlier row when
   * it comes from the task's {@link PixelBufferPool}), for a caller that writes every byte before
   * the array is read; after checking its size against {@code limits}.
   *
   * @throws DecodeException when the shape is not positive or the array would be over the limit
   */
  public static PixelArray allocateForOverwrite(DecodeLimits limits, DType dtype, int... shape)
      throws DecodeException {
    return allocate(limits, dtype, shape, false);
  }

  private static PixelArray allocate(DecodeLimits limits, DType dtype, int[] shape, boolean zeroed)
      throws DecodeException {
    long[] dims = Arrays.stream(shape).asLongStream().toArray();
    int bytes = Math.toIntExact(limits.checkedByteSize(dtype, dims));
    PixelBufferPool pool = limits.pool();
    byte[] pooled = pool == null ? null : pool.take(bytes, zeroed);
    ByteBuffer data = pooled == null ? ByteBuffer.allocate(bytes) : ByteBuffer.wrap(pooled);
    return new PixelArray(dtype, shape.clone(), data);
  }

  /**
   * Wraps existing little-endian data.
   *
   * @throws IllegalArgumentException when the buffer's remaining bytes do not match the shape
   */
  public static PixelArray wrap(DType dtype, int[] shape, ByteBuffer data) {
    long expected = dtype.itemSize();
    for (int dim : shape) {
      expected *= dim;
    }
    if (data.remaining() != expected) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(shape)
              + " of "
              + dtype.numpyName()
              + " needs "
              + expected
              + " bytes, the buffer has "
              + data.remaining());
    }
    return new PixelArray(dtype, shape.clone(), data.slice());
  }

  public DType dtype() {
    return dtype;
  }

  /** The shape; a copy. */
  public int[] shape() {
    return shape.clone();
  }

  /** The size of one dimension. */
  public int dim(int axis) {
    return shape[axis];
  }

  /** The number of dimensions. */
  public int rank() {
    return shape.length;
  }

  /** The number of elements. */
  public long elementCount() {
    long n = 1;
    for (int dim : shape) {
      n *= dim;
    }
    return n;
  }

  /**
   * The values, little-endian, position 0 to {@code elementCount() * itemSize}. The buffer is
   * shared: decoders fill it, readers copy it once into the output column.
   */
  public ByteBuffer data() {
    return data;
  }

  /** The same values viewed with another shape of the same element count. */
  public PixelArray reshape(int... newShape) {
    return wrap(dtype, newShape, data.duplicate().position(0).order(ByteOrder.LITTLE_ENDIAN));
  }

  @Override
  public String toString() {
    return "PixelArray[" + dtype.numpyName() + " " + Arrays.toString(shape) + "]";
  }
}
