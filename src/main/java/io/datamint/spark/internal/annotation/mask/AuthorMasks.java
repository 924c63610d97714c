package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.internal.core.PixelArray;

/**
 * One author's instance masks on one resource: uint8 {@code masks} of shape {@code (N, D, H, W)}
 * (values 0/1) and the label code of each instance ({@code seg_labels}), in instance order.
 */
public record AuthorMasks(PixelArray masks, int[] codes) {

  public AuthorMasks {
    if (masks.rank() != 4 || masks.dim(0) != codes.length) {
      throw new IllegalArgumentException(
          "masks must be (N, D, H, W) with N = " + codes.length + ", got " + masks);
    }
  }

  /** The number of instances. */
  public int count() {
    return codes.length;
  }

  /** The codes; a copy. */
  @Override
  public int[] codes() {
    return codes.clone();
  }

  /**
   * The masks in the contract's layout {@code (N, [D,] H, W)}: as is for a volume, {@code (N, H,
   * W)} (a view of the same bytes) for a 2-D image.
   */
  public PixelArray inLayout(MaskGeometry geometry) {
    return geometry.volume() ? masks : masks.reshape(masks.dim(0), masks.dim(2), masks.dim(3));
  }
}
