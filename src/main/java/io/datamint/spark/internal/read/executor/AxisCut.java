package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.annotation.Boxes;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.slice.Slicer;

/**
 * One slice or frame row cut out of a resource's arrays: index {@code index} along axis {@code
 * axis} of the {@code (C, D, H, W)} image, the same axis of the masks {@code (K, D, H, W)}, and,
 * when the axis is the frame axis, the same row of the frame-label matrices and the boxes of that
 * frame (boxes lie in the frame plane: a cut along another axis keeps all of them, as the frame
 * labels).
 */
final class AxisCut implements RowTargets.Cut {

  private final int axis;
  private final int index;
  private final DecodeLimits limits;

  AxisCut(int axis, int index, DecodeLimits limits) {
    this.axis = axis;
    this.index = index;
    this.limits = limits;
  }

  @Override
  public PixelArray image(PixelArray image) throws DecodeException {
    return Slicer.take(image, axis, index, limits);
  }

  @Override
  public PixelArray mask(PixelArray array) throws DecodeException {
    return array.rank() == 4 ? Slicer.take(array, axis, index, limits) : array;
  }

  @Override
  public PixelArray frameLabels(PixelArray matrix) throws DecodeException {
    return axis == 1 ? Slicer.take(matrix, 0, index, limits) : matrix;
  }

  @Override
  public Boxes boxes(Boxes boxes) {
    return axis == 1 ? boxes.ofFrame(index) : boxes;
  }
}
