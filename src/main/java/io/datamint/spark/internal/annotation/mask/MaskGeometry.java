package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.internal.core.PixelArray;

/**
 * The voxel grid a resource's masks must match: the image as decoded, {@code depth} frames or
 * slices of {@code height x width}; {@code volume} tells the tensor layout of the {@code
 * segmentations} column: {@code (N, D, H, W)} for volumes and videos, {@code (N, H, W)} for 2-D
 * images (then {@code depth} is 1).
 */
public record MaskGeometry(int depth, int height, int width, boolean volume) {

  public MaskGeometry {
    if (depth < 1 || height < 1 || width < 1) {
      throw new IllegalArgumentException(
          "mask geometry needs positive sizes: " + depth + "x" + height + "x" + width);
    }
    if (!volume && depth != 1) {
      throw new IllegalArgumentException("a 2-D image has depth 1, got " + depth);
    }
  }

  /** The grid of a 2-D image. */
  public static MaskGeometry image(int height, int width) {
    return new MaskGeometry(1, height, width, false);
  }

  /** The grid of a volume or video of {@code depth} slices or frames. */
  public static MaskGeometry volume(int depth, int height, int width) {
    return new MaskGeometry(depth, height, width, true);
  }

  /**
   * The grid of decoded {@code (N, C, H, W)} image pixels; {@code volume} as for the image column's
   * layout.
   */
  public static MaskGeometry of(PixelArray decodedImage, boolean volume) {
    if (decodedImage.rank() != 4) {
      throw new IllegalArgumentException(
          "decoded pixels must be (N, C, H, W), got " + decodedImage);
    }
    return new MaskGeometry(decodedImage.dim(0), decodedImage.dim(2), decodedImage.dim(3), volume);
  }

  /**
   * The spatial shape of the contract's layout: {@code (D, H, W)} for a volume, {@code (H, W)}
   * otherwise.
   */
  public int[] spatialShape() {
    return volume ? new int[] {depth, height, width} : new int[] {height, width};
  }

  /** {@code "DxHxW"}, for messages. */
  String describe() {
    return depth + "x" + height + "x" + width;
  }
}
