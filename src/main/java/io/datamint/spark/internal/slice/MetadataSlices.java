package io.datamint.spark.internal.slice;

import io.datamint.spark.internal.core.MetadataGeometry;
import io.datamint.spark.internal.core.VolumeGeometry;
import java.util.Locale;

/**
 * The slices of a plane as a resource's metadata geometry ({@link MetadataGeometry}) decides them,
 * without the file: how many, and along which axis of the decoded {@code (C, D, H, W)} volume, the
 * same as {@link PlaneResolver} finds from the decoded volume whenever the metadata agrees with the
 * file. The metadata decides when:
 *
 * <ul>
 *   <li>NIfTI: it gives the axis codes ({@code axcodes}) and the length of the voxel axis coded in
 *       the plane ({@code shape}). The codes also give the decoder's slice axis (the one coded I or
 *       S), so the position of the plane's axis in the layout.
 *   <li>DICOM: it gives ImageOrientationPatient, the plane's axis is the same whatever obliquity
 *       threshold the file's Modality, BodyPartExamined and ImageType give ({@link
 *       PlaneResolver#dicomAxisAtAnyThreshold}), and it gives that axis's length (frames {@code
 *       frame_count}, rows {@code Rows}/{@code height}, columns {@code Columns}/{@code width}).
 *       Without ImageOrientationPatient in the metadata the file may still have one, so the
 *       metadata does not decide the axis.
 *   <li>Either format, no orientation: the three lengths are known and equal, so every axis has the
 *       same count; the axis itself is then unknown ({@link Slices#axis()} -1). This assumes the
 *       file can be sliced in the plane at all: a DICOM file oblique beyond its threshold, or a
 *       NIfTI image with a degenerate affine, fails to slice when decoded.
 * </ul>
 */
public final class MetadataSlices {

  /**
   * The slices of one volume along a plane: {@code count} of them, along axis {@code axis} (1 = D,
   * 2 = H, 3 = W) of the decoded volume, or -1 when the metadata gives the count only.
   */
  public record Slices(int axis, int count) {}

  private MetadataSlices() {}

  /**
   * The slices of {@code plane} in a {@code format} ({@code nifti} or {@code dicom}, any case)
   * volume of metadata geometry {@code geometry}; null when the metadata does not decide them.
   */
  public static Slices of(SlicePlane plane, String format, MetadataGeometry geometry) {
    if (plane == null || geometry == null || format == null) {
      return null;
    }
    VolumeGeometry orientation = geometry.orientation();
    String f = format.toLowerCase(Locale.ROOT);
    if (f.equals("nifti") && orientation instanceof VolumeGeometry.Nifti nifti) {
      int raw = nifti.voxelAxisAlong(PlaneResolver.worldAxis(plane));
      int count = raw < 0 ? 0 : geometry.length(raw);
      return count > 0
          ? new Slices(PlaneResolver.niftiPosition(raw, nifti.sliceAxis()), count)
          : null;
    }
    if (f.equals("dicom")
        && orientation instanceof VolumeGeometry.Dicom dicom
        && dicom.hasOrientation()) {
      int axis = PlaneResolver.dicomAxisAtAnyThreshold(plane, dicom.imageOrientation());
      int count = axis < 0 ? 0 : geometry.length(axis - 1);
      return count > 0 ? new Slices(axis, count) : null;
    }
    if ((f.equals("nifti") || f.equals("dicom"))
        && orientation == null
        && geometry.hasAllLengths()
        && geometry.length(0) == geometry.length(1)
        && geometry.length(1) == geometry.length(2)) {
      return new Slices(-1, geometry.length(0));
    }
    return null;
  }
}
