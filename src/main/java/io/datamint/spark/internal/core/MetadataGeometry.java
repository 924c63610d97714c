package io.datamint.spark.internal.core;

import java.io.Serializable;
import java.util.Objects;

/**
 * The geometry of a DICOM or NIfTI volume as its resource metadata states it, for counting slice
 * rows without opening the file: three spatial lengths and, when the metadata gives one, the
 * orientation. For NIfTI the lengths are those of voxel axes i, j, k ({@code metadata.shape}) and
 * the orientation a {@link VolumeGeometry.Nifti} built from {@code metadata.axcodes}; for DICOM
 * they are the frames, rows and columns ({@code frame_count}, {@code Rows}/{@code height}, {@code
 * Columns}/{@code width}) and the orientation a {@link VolumeGeometry.Dicom} holding {@code
 * metadata.ImageOrientationPatient} only. A length of 0 is unknown; a null orientation means the
 * metadata does not say (which, for DICOM, does not prove the file has none).
 *
 * <p>Immutable and serializable: it travels to the executors with each planned resource, so it is
 * kept to three ints and a reference (equal orientations are shared by the parser).
 */
public final class MetadataGeometry implements Serializable {

  private static final long serialVersionUID = 1L;

  private final int first;
  private final int second;
  private final int third;
  private final VolumeGeometry orientation;

  /**
   * @param lengths the three spatial lengths (0 or less: unknown)
   * @param orientation the orientation the metadata gives, or null
   * @throws IllegalArgumentException when there are not three lengths
   */
  public MetadataGeometry(int[] lengths, VolumeGeometry orientation) {
    if (lengths == null || lengths.length != 3) {
      throw new IllegalArgumentException("a volume has three spatial lengths");
    }
    this.first = Math.max(lengths[0], 0);
    this.second = Math.max(lengths[1], 0);
    this.third = Math.max(lengths[2], 0);
    this.orientation = orientation;
  }

  /**
   * The length of spatial axis {@code axis} (0 to 2: NIfTI voxel axis i, j, k; DICOM frames, rows,
   * columns), 0 when the metadata does not give it.
   */
  public int length(int axis) {
    return switch (axis) {
      case 0 -> first;
      case 1 -> second;
      case 2 -> third;
      default -> throw new IllegalArgumentException("spatial axes are 0 to 2, not " + axis);
    };
  }

  /** Whether the metadata gives all three lengths. */
  public boolean hasAllLengths() {
    return first > 0 && second > 0 && third > 0;
  }

  /** The orientation the metadata gives, or null when it gives none. */
  public VolumeGeometry orientation() {
    return orientation;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof MetadataGeometry g
        && first == g.first
        && second == g.second
        && third == g.third
        && Objects.equals(orientation, g.orientation);
  }

  @Override
  public int hashCode() {
    return Objects.hash(first, second, third, orientation);
  }

  @Override
  public String toString() {
    return "MetadataGeometry[" + first + "x" + second + "x" + third + ", " + orientation + "]";
  }
}
