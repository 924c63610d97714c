package io.datamint.spark.internal.core;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The orientation facts of a decoded volume that slicing needs, as typed values rather than the
 * {@code metainfo} JSON: for a NIfTI image, its xform codes, the orientation code of each voxel
 * axis and the slice axis the decoder laid out first ({@link Nifti}); for a DICOM image, its
 * ImageOrientationPatient direction cosines and the header attributes the SDK's obliquity threshold
 * depends on ({@link Dicom}). The DICOM and NIfTI decoders set one on {@code
 * decode.DecodedResource}; images and videos have none (null).
 *
 * <p>Values are immutable and serializable. They record what the header says; choosing the axis of
 * a plane ({@code slice.PlaneResolver}) is not done here.
 */
public sealed interface VolumeGeometry extends Serializable
    permits VolumeGeometry.Nifti, VolumeGeometry.Dicom {

  /**
   * An anatomical direction a voxel axis points to (nibabel's {@code aff2axcodes} letters, RAS+
   * world): Left or Right (world x), Posterior or Anterior (world y), Inferior or Superior (world
   * z).
   */
  enum AxisCode {
    L(0),
    R(0),
    P(1),
    A(1),
    I(2),
    S(2);

    private final int worldAxis;

    AxisCode(int worldAxis) {
      this.worldAxis = worldAxis;
    }

    /**
     * The world axis along which this direction runs: 0 (x, left-right), 1 (y), 2 (z,
     * inferior-superior).
     */
    public int worldAxis() {
      return worldAxis;
    }

    /**
     * The code named by {@code letter} ({@code "L"}, ..., {@code "S"}, exact case), or null for
     * anything else.
     */
    public static AxisCode of(String letter) {
      if (letter == null || letter.length() != 1) {
        return null;
      }
      for (AxisCode code : values()) {
        if (code.name().equals(letter)) {
          return code;
        }
      }
      return null;
    }
  }

  /** Where a NIfTI image's voxel-to-world affine came from (nibabel's {@code get_best_affine}). */
  enum AffineSource {
    /** The sform ({@code sform_code} 1 to 5). */
    SFORM,
    /** The qform ({@code qform_code} 1 to 5, no valid sform). */
    QFORM,
    /** Neither: nibabel's {@code shape_zoom_affine} from the voxel sizes. */
    FALLBACK
  }

  /**
   * A NIfTI image's orientation: the header's {@code qform_code} and {@code sform_code}, the source
   * of the affine, one {@link AxisCode} per spatial voxel axis (i, j, k; null for an axis with no
   * code, e.g. of a rank-deficient affine), and the decoder's layout: the voxel axis laid out first
   * (D), whether it was reversed, and whether it is voxel axis k only because no axis is coded I or
   * S.
   */
  final class Nifti implements VolumeGeometry {

    private static final long serialVersionUID = 1L;

    private final int qformCode;
    private final int sformCode;
    private final AffineSource affineSource;
    private final AxisCode[] axisCodes;
    private final int sliceAxis;
    private final boolean sliceFlipped;
    private final boolean sliceAxisFallback;

    /**
     * @param affineSource null when unknown (a {@code metainfo} that does not say)
     * @param axisCodes the codes of voxel axes i, j, k (3 entries, each possibly null)
     * @param sliceAxis the spatial voxel axis (0 to 2) laid out first
     * @throws IllegalArgumentException when there are not 3 codes or the slice axis is not 0 to 2
     */
    public Nifti(
        int qformCode,
        int sformCode,
        AffineSource affineSource,
        AxisCode[] axisCodes,
        int sliceAxis,
        boolean sliceFlipped,
        boolean sliceAxisFallback) {
      if (axisCodes == null || axisCodes.length != 3) {
        throw new IllegalArgumentException(
            "a NIfTI orientation has 3 axis codes (i, j, k), got " + Arrays.toString(axisCodes));
      }
      if (sliceAxis < 0 || sliceAxis > 2) {
        throw new IllegalArgumentException(
            "the slice axis is a spatial voxel axis 0-2, not " + sliceAxis);
      }
      this.qformCode = qformCode;
      this.sformCode = sformCode;
      this.affineSource = affineSource;
      this.axisCodes = axisCodes.clone();
      this.sliceAxis = sliceAxis;
      this.sliceFlipped = sliceFlipped;
      this.sliceAxisFallback = sliceAxisFallback;
    }

    /** The header's {@code qform_code}, as stored. */
    public int qformCode() {
      return qformCode;
    }

    /** The header's {@code sform_code}, as stored. */
    public int sformCode() {
      return sformCode;
    }

    /** Where the affine came from; null when unknown. */
    public AffineSource affineSource() {
      return affineSource;
    }

    /**
     * The code of spatial voxel axis {@code voxelAxis} (0 = i, 1 = j, 2 = k); null when the axis
     * has none.
     */
    public AxisCode axisCode(int voxelAxis) {
      return axisCodes[voxelAxis];
    }

    /** The codes of voxel axes i, j, k (a copy; entries may be null). */
    public AxisCode[] axisCodes() {
      return axisCodes.clone();
    }

    /** The first spatial voxel axis (0 to 2) whose code runs along {@code worldAxis}, or -1. */
    public int voxelAxisAlong(int worldAxis) {
      for (int i = 0; i < 3; i++) {
        if (axisCodes[i] != null && axisCodes[i].worldAxis() == worldAxis) {
          return i;
        }
      }
      return -1;
    }

    /** The spatial voxel axis (0 to 2) that the decoded array has first (its D axis). */
    public int sliceAxis() {
      return sliceAxis;
    }

    /**
     * Whether the slice axis was reversed (its code was I), so that slice 0 is the most inferior.
     */
    public boolean sliceFlipped() {
      return sliceFlipped;
    }

    /** Whether the slice axis is voxel axis k only because no axis is coded I or S. */
    public boolean sliceAxisFallback() {
      return sliceAxisFallback;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Nifti n
          && qformCode == n.qformCode
          && sformCode == n.sformCode
          && affineSource == n.affineSource
          && Arrays.equals(axisCodes, n.axisCodes)
          && sliceAxis == n.sliceAxis
          && sliceFlipped == n.sliceFlipped
          && sliceAxisFallback == n.sliceAxisFallback;
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          qformCode,
          sformCode,
          affineSource,
          Arrays.hashCode(axisCodes),
          sliceAxis,
          sliceFlipped,
          sliceAxisFallback);
    }

    @Override
    public String toString() {
      return "Nifti[qform_code="
          + qformCode
          + ", sform_code="
          + sformCode
          + ", affine_source="
          + affineSource
          + ", axcodes="
          + Arrays.toString(axisCodes)
          + ", slice_axis="
          + sliceAxis
          + ", slice_flipped="
          + sliceFlipped
          + ", slice_axis_fallback="
          + sliceAxisFallback
          + "]";
    }
  }

  /**
   * A DICOM image's orientation: ImageOrientationPatient (row cosines then column cosines, LPS),
   * where the SDK's {@code get_image_orientation} finds it, or none; or, when the header has one
   * that cannot be read (not 6 numbers), a description of the problem, which slicing reports. Also
   * the attributes the SDK's obliquity threshold reads: Modality, BodyPartExamined and the values
   * of ImageType.
   */
  final class Dicom implements VolumeGeometry {

    private static final long serialVersionUID = 1L;

    /** No orientation and no attributes: what a header without any of them gives. */
    public static final Dicom UNKNOWN = new Dicom(null, null, null, null, List.of());

    private final double[] imageOrientation;
    private final String orientationProblem;
    private final String modality;
    private final String bodyPartExamined;
    private final List<String> imageType;

    private Dicom(
        double[] imageOrientation,
        String orientationProblem,
        String modality,
        String bodyPartExamined,
        List<String> imageType) {
      this.imageOrientation = imageOrientation;
      this.orientationProblem = orientationProblem;
      this.modality = modality;
      this.bodyPartExamined = bodyPartExamined;
      this.imageType = List.copyOf(imageType == null ? List.of() : imageType);
    }

    /**
     * A DICOM geometry.
     *
     * @param imageOrientation the 6 finite values of ImageOrientationPatient, or null when the
     *     header has none
     * @param modality Modality, or null when absent, empty or multi-valued
     * @param bodyPartExamined BodyPartExamined, or null when absent, empty or multi-valued
     * @param imageType the values of ImageType (none when absent)
     * @throws IllegalArgumentException when the orientation is not 6 finite numbers
     */
    public static Dicom of(
        double[] imageOrientation,
        String modality,
        String bodyPartExamined,
        List<String> imageType) {
      if (imageOrientation != null) {
        if (imageOrientation.length != 6) {
          throw new IllegalArgumentException(
              "ImageOrientationPatient has 6 values, got " + Arrays.toString(imageOrientation));
        }
        for (double v : imageOrientation) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(
                "ImageOrientationPatient values are finite, got "
                    + Arrays.toString(imageOrientation));
          }
        }
      }
      return new Dicom(
          imageOrientation == null ? null : imageOrientation.clone(),
          null,
          modality,
          bodyPartExamined,
          imageType);
    }

    /**
     * A DICOM geometry whose header has an ImageOrientationPatient that cannot be read, saying why.
     */
    public static Dicom unreadableOrientation(
        String problem, String modality, String bodyPartExamined, List<String> imageType) {
      return new Dicom(
          null, Objects.requireNonNull(problem, "problem"), modality, bodyPartExamined, imageType);
    }

    /** Whether the header gives a readable ImageOrientationPatient. */
    public boolean hasOrientation() {
      return imageOrientation != null;
    }

    /**
     * ImageOrientationPatient's 6 values (a copy), or null when the header has none or it cannot be
     * read.
     */
    public double[] imageOrientation() {
      return imageOrientation == null ? null : imageOrientation.clone();
    }

    /**
     * The direction of the rows (along a row, i.e. of increasing column), or null without
     * orientation.
     */
    public double[] rowCosines() {
      return imageOrientation == null ? null : Arrays.copyOfRange(imageOrientation, 0, 3);
    }

    /**
     * The direction of the columns (down a column, i.e. of increasing row), or null without
     * orientation.
     */
    public double[] columnCosines() {
      return imageOrientation == null ? null : Arrays.copyOfRange(imageOrientation, 3, 6);
    }

    /**
     * Why the header's ImageOrientationPatient cannot be read, or null when it can or is absent.
     */
    public String orientationProblem() {
      return orientationProblem;
    }

    /** Modality, or null. */
    public String modality() {
      return modality;
    }

    /** BodyPartExamined, or null. */
    public String bodyPartExamined() {
      return bodyPartExamined;
    }

    /** The values of ImageType, in order (empty when absent). */
    public List<String> imageType() {
      return imageType;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Dicom d
          && Arrays.equals(imageOrientation, d.imageOrientation)
          && Objects.equals(orientationProblem, d.orientationProblem)
          && Objects.equals(modality, d.modality)
          && Objects.equals(bodyPartExamined, d.bodyPartExamined)
          && imageType.equals(d.imageType);
    }

    @Override
    public int hashCode() {
      return Objects.hash(
          Arrays.hashCode(imageOrientation),
          orientationProblem,
          modality,
          bodyPartExamined,
          imageType);
    }

    @Override
    public String toString() {
      List<String> parts = new ArrayList<>();
      parts.add(
          "ImageOrientationPatient="
              + (orientationProblem != null
                  ? "unreadable (" + orientationProblem + ")"
                  : Arrays.toString(imageOrientation)));
      parts.add("Modality=" + modality);
      parts.add("BodyPartExamined=" + bodyPartExamined);
      parts.add("ImageType=" + imageType);
      return "Dicom" + parts;
    }
  }
}
