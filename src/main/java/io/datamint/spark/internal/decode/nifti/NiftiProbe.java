package io.datamint.spark.internal.decode.nifti;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.VolumeGeometry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;

/**
 * Reads only a NIfTI file's header (the first 348 or 540 bytes, inflated when the file is gzip) to
 * learn its dimensions and orientation, without reading or inflating the voxels: what planning
 * needs when the metadata has no frame count. The orientation is the same {@link
 * VolumeGeometry.Nifti} the decoder sets on the decoded file.
 */
public final class NiftiProbe {

  private static final int HEADER_BYTES = 540;

  private NiftiProbe() {}

  /**
   * What the header says: the number of voxels along the largest spatial axis (a bound on the
   * slices along any plane) and the image's geometry, null when the header's orientation cannot be
   * computed (decoding reports it).
   */
  public record Header(int maxSpatialDim, VolumeGeometry.Nifti geometry) {}

  /**
   * The number of voxels along the largest of the spatial axes (a bound on the slices along any
   * plane).
   *
   * @throws DecodeException when the stream does not start with a NIfTI header
   */
  public static int maxSpatialDim(InputStream file) throws IOException, DecodeException {
    return probe(file).maxSpatialDim();
  }

  /**
   * The header's largest spatial dimension and geometry.
   *
   * @throws DecodeException when the stream does not start with a NIfTI header
   */
  public static Header probe(InputStream file) throws IOException, DecodeException {
    BufferedInputStream in = new BufferedInputStream(file);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    InputStream plain = b0 == 0x1f && b1 == 0x8b ? new GZIPInputStream(in) : in;
    byte[] head = plain.readNBytes(HEADER_BYTES);
    NiftiHeader header = NiftiHeader.parse(head, head.length);
    long max = 1;
    for (int axis = 1; axis <= Math.min(3, (int) header.dim[0]); axis++) {
      max = Math.max(max, header.dim[axis]);
    }
    VolumeGeometry.Nifti geometry;
    try {
      geometry = NiftiDecoder.geometry(header, NiftiOrientation.of(header), (int) header.dim[0]);
    } catch (DecodeException noOrientation) {
      geometry = null;
    }
    return new Header((int) Math.min(Integer.MAX_VALUE, max), geometry);
  }
}
