package io.datamint.spark.internal.slice;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;

/**
 * Takes one index along one axis of an array, as NumPy's {@code np.take(array, index, axis)}: the
 * result has that axis removed. Works for any rank of at least 2 and any element type: images
 * {@code (C, D, H, W)} give {@code (C, H', W')}, instance masks {@code (N, D, H, W)} give {@code
 * (N, H', W')}, semantic masks {@code (L+1, D, H, W)} give {@code (L+1, H', W')}, frame-label
 * matrices {@code (F, L)} give {@code (L)}.
 *
 * <p>The values are copied as contiguous runs: for every combination of the axes before {@code
 * axis}, one bulk copy of everything after it.
 */
public final class Slicer {

  private Slicer() {}

  /**
   * The sub-array at {@code index} along {@code axis}, in a new buffer.
   *
   * @throws IllegalArgumentException when the rank is below 2, or {@code axis} or {@code index} is
   *     out of range
   * @throws DecodeException when the result would be over {@code limits}
   */
  public static PixelArray take(PixelArray array, int axis, int index, DecodeLimits limits)
      throws DecodeException {
    int[] shape = array.shape();
    if (shape.length < 2) {
      throw new IllegalArgumentException(
          "cannot slice " + array + ": it needs at least 2 dimensions");
    }
    if (axis < 0 || axis >= shape.length) {
      throw new IllegalArgumentException("axis " + axis + " is out of range for " + array);
    }
    if (index < 0 || index >= shape[axis]) {
      throw new IllegalArgumentException(
          "index "
              + index
              + " is out of range for axis "
              + axis
              + " of "
              + array
              + " (size "
              + shape[axis]
              + ")");
    }
    DType dtype = array.dtype();
    int[] out = new int[shape.length - 1];
    long outer = 1;
    for (int i = 0; i < axis; i++) {
      out[i] = shape[i];
      outer *= shape[i];
    }
    long inner = dtype.itemSize();
    for (int i = axis + 1; i < shape.length; i++) {
      out[i - 1] = shape[i];
      inner *= shape[i];
    }
    if (outer == 0 || inner == 0) {
      return PixelArray.wrap(dtype, out, ByteBuffer.allocate(0));
    }
    PixelArray result = PixelArray.allocateForOverwrite(limits, dtype, out); // every run copied
    ByteBuffer src = array.data();
    ByteBuffer dst = result.data();
    int run = Math.toIntExact(inner);
    long stride = inner * shape[axis];
    long srcPos = inner * index;
    int dstPos = 0;
    for (long o = 0; o < outer; o++, srcPos += stride, dstPos += run) {
      dst.put(dstPos, src, Math.toIntExact(srcPos), run);
    }
    return result;
  }
}
