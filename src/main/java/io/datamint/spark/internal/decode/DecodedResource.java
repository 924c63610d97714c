package io.datamint.spark.internal.decode;

import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.VolumeGeometry;

/**
 * A decoded resource file: pixels as {@code (N, C, H, W)}, the header as JSON ({@code metainfo}:
 * DICOM attributes by keyword, NIfTI header fields; null for plain images and videos), the 4x4
 * voxel-to-world matrix in row-major order for volumes (null otherwise), and the volume's typed
 * orientation facts ({@link VolumeGeometry}: set by the DICOM and NIfTI decoders, null for images
 * and videos), which slicing reads instead of the JSON.
 */
public record DecodedResource(
    PixelArray pixels, String metainfoJson, double[] affine, VolumeGeometry geometry) {

  public DecodedResource {
    if (pixels.rank() != 4) {
      throw new IllegalArgumentException("decoded pixels must be (N, C, H, W), got " + pixels);
    }
    if (affine != null && affine.length != 16) {
      throw new IllegalArgumentException("an affine has 16 values, got " + affine.length);
    }
  }

  /** A decoded resource without geometry (images, videos). */
  public DecodedResource(PixelArray pixels, String metainfoJson, double[] affine) {
    this(pixels, metainfoJson, affine, null);
  }
}
