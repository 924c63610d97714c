package io.datamint.spark.internal.slice;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.core.VolumeGeometry.AxisCode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the axis of a decoded {@code (C, D, H, W)} volume that holds an anatomical plane: slicing
 * that axis at index {@code i} gives the {@code i}-th slice of the plane. This follows the intent
 * of the SDK's {@code nifti_utils.get_plane_axis} / {@code dicom_utils.get_plane_axis} (medimgkit),
 * applied to the layout the decoders actually produce.
 *
 * <h2>NIfTI</h2>
 *
 * The plane's voxel axis is the raw voxel axis whose orientation code ({@link
 * VolumeGeometry.Nifti#axisCode}, nibabel's {@code aff2axcodes}; {@code
 * metainfo.orientation.axcodes}) is in {@code {I, S}} (axial), {@code {A, P}} (coronal) or {@code
 * {L, R}} (sagittal), the first such axis. The decoder lays the volume out as {@code [slice axis] +
 * the other two spatial axes in descending order} at positions D, H, W (1, 2, 3), so the raw axis
 * maps to its position in that list. The SDK instead maps raw axes through a fixed table (raw 0 to
 * W, raw 1 to H, raw 2 to D), which is only consistent with its own layout when the axial axis is
 * voxel axis 2; for a volume whose I/S axis is voxel axis 0 or 1, the SDK's coronal or sagittal
 * slices would take the wrong axis. This class follows the actual layout ({@link
 * VolumeGeometry.Nifti#sliceAxis()}, {@code metainfo.orientation.slice_axis}).
 *
 * <h2>DICOM</h2>
 *
 * From ImageOrientationPatient (row cosines r, column cosines c; LPS): frames (D, axis 1) run along
 * the normal {@code r x c}, rows (H, axis 2) along {@code c}, columns (W, axis 3) along {@code r}.
 * A direction belongs to the plane of its largest absolute component (x sagittal, y coronal, z
 * axial) when its angle to that world axis is at most the SDK's obliquity threshold ({@code
 * get_oblique_threshold}, in degrees: CT, PT, NM 10; MR 20; XA 25; US 42; anything else 15; plus 5
 * for MR of the heart, knee, shoulder, ankle or wrist by BodyPartExamined, and plus 5 when
 * ImageType has MPR or REFORMATTED; CR, DX, MG, PX 15). The directions are tried in the order
 * frames, rows, columns and the first match wins. ImageOrientationPatient is looked up as the SDK
 * does: top level, then the first per-frame, then the shared functional group's
 * PlaneOrientationSequence, then the first DetectorInformationSequence item (the decoder does this
 * lookup: {@link VolumeGeometry.Dicom}). When it is missing, an axial acquisition is assumed (row
 * {@code (1,0,0)}, column {@code (0,1,0)}): axial is the frames (D), coronal the rows (H), sagittal
 * the columns (W).
 *
 * <p>The facts come from the {@link VolumeGeometry} the decoder set; {@link #axis(SlicePlane,
 * String, String, int[])} reads them from {@code metainfo} JSON instead (through {@link
 * MetainfoGeometry}) with the same result.
 */
public final class PlaneResolver {

  /** {@code get_oblique_threshold}'s modality baselines, degrees. */
  private static final Map<String, Double> MODALITY_THRESHOLDS =
      Map.of("CT", 10.0, "PT", 10.0, "NM", 10.0, "MR", 20.0, "XA", 25.0, "US", 42.0);

  private static final double DEFAULT_THRESHOLD = 15.0;

  /** The lowest threshold {@link #obliqueThreshold} gives (CT, PT, NM). */
  static final double LOWEST_THRESHOLD = 10.0;

  /** The highest threshold {@link #obliqueThreshold} gives (US 42, plus 5 when reformatted). */
  static final double HIGHEST_THRESHOLD = 47.0;

  private static final Set<String> PROJECTION_MODALITIES = Set.of("CR", "DX", "MG", "PX");
  private static final List<String> NATIVELY_OBLIQUE_PARTS =
      List.of("HEART", "CARDIAC", "KNEE", "SHOULDER", "ANKLE", "WRIST");
  private static final String[] AXIS_NAMES = {"frames", "rows", "columns"};
  private static final String[] PLANE_OF_WORLD_AXIS = {"sagittal", "coronal", "axial"};

  private PlaneResolver() {}

  /**
   * The axis (1 = D, 2 = H or 3 = W) of the {@code (C, D, H, W)} array to slice for {@code plane},
   * from the geometry the decoder set.
   *
   * @param format {@code nifti} or {@code dicom} (any case): the resource's kind
   * @param geometry the decoded volume's geometry; null (or one of the other format) is a NIfTI
   *     volume without orientation (an error) or a DICOM volume without orientation and attributes
   *     (assumed axial)
   * @param cdhwShape the volume's {@code (C, D, H, W)} shape
   * @throws DecodeException when the format is not a volume format, the orientation cannot be read,
   *     or no axis of the volume lies in the plane (within the obliquity threshold for DICOM)
   */
  public static int axis(SlicePlane plane, String format, VolumeGeometry geometry, int[] cdhwShape)
      throws DecodeException {
    check(plane, cdhwShape);
    return switch (volumeFormat(format)) {
      case "nifti" -> nifti(plane, geometry instanceof VolumeGeometry.Nifti n ? n : null);
      default ->
          dicom(
              plane, geometry instanceof VolumeGeometry.Dicom d ? d : VolumeGeometry.Dicom.UNKNOWN);
    };
  }

  /**
   * As {@link #axis(SlicePlane, String, VolumeGeometry, int[])}, with the geometry read from the
   * decoder's {@code metainfo} JSON ({@link MetainfoGeometry}).
   *
   * @param metainfoJson the decoder's {@code metainfo} for the volume
   * @throws DecodeException also when the metainfo cannot be read
   */
  public static int axis(SlicePlane plane, String format, String metainfoJson, int[] cdhwShape)
      throws DecodeException {
    check(plane, cdhwShape);
    VolumeGeometry geometry =
        switch (volumeFormat(format)) {
          case "nifti" -> MetainfoGeometry.nifti(metainfoJson);
          default -> MetainfoGeometry.dicom(metainfoJson);
        };
    return axis(plane, format, geometry, cdhwShape);
  }

  private static void check(SlicePlane plane, int[] cdhwShape) {
    if (plane == null) {
      throw new IllegalArgumentException("no slice plane given");
    }
    if (cdhwShape == null || cdhwShape.length != 4) {
      throw new IllegalArgumentException(
          "a volume to slice has shape (C, D, H, W), not " + Arrays.toString(cdhwShape));
    }
  }

  /** {@code nifti} or {@code dicom}. */
  private static String volumeFormat(String format) throws DecodeException {
    String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
    if (!f.equals("nifti") && !f.equals("dicom")) {
      throw new DecodeException(
          "cannot slice a " + format + " resource: slicing reads volumes: DICOM or NIfTI");
    }
    return f;
  }

  // ---- NIfTI

  private static int nifti(SlicePlane plane, VolumeGeometry.Nifti geometry) throws DecodeException {
    if (geometry == null) {
      throw new DecodeException(
          "the NIfTI metainfo has no orientation (axcodes, slice_axis): cannot find the "
              + plane.label()
              + " plane");
    }
    int raw = geometry.voxelAxisAlong(worldAxis(plane));
    if (raw < 0) {
      List<String> wanted = new ArrayList<>();
      for (AxisCode code : AxisCode.values()) {
        if (code.worldAxis() == worldAxis(plane)) {
          wanted.add(code.name());
        }
      }
      throw new DecodeException(
          "no voxel axis of the NIfTI image is coded "
              + String.join(" or ", wanted.stream().sorted().toList())
              + " (axcodes "
              + axcodesText(geometry)
              + "): cannot find the "
              + plane.label()
              + " plane");
    }
    return niftiPosition(raw, geometry.sliceAxis());
  }

  /** The codes as the metainfo writes them: {@code ["L","A","S"]}, null for an axis without one. */
  private static String axcodesText(VolumeGeometry.Nifti geometry) {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < 3; i++) {
      AxisCode code = geometry.axisCode(i);
      out.append(i == 0 ? "" : ",").append(code == null ? "null" : "\"" + code.name() + "\"");
    }
    return out.append(']').toString();
  }

  /**
   * Where raw spatial axis {@code raw} sits in the layout {@code [slice] + other two descending},
   * from 1.
   */
  static int niftiPosition(int raw, int sliceAxis) {
    if (raw == sliceAxis) {
      return 1;
    }
    int position = 2;
    for (int other = 2; other >= 0; other--) {
      if (other == sliceAxis) {
        continue;
      }
      if (other == raw) {
        return position;
      }
      position++;
    }
    throw new IllegalArgumentException("raw axis " + raw + " is not spatial");
  }

  // ---- DICOM

  private static int dicom(SlicePlane plane, VolumeGeometry.Dicom geometry) throws DecodeException {
    if (geometry.orientationProblem() != null) {
      throw new DecodeException(geometry.orientationProblem());
    }
    double[] iop =
        geometry.hasOrientation() ? geometry.imageOrientation() : new double[] {1, 0, 0, 0, 1, 0};
    double[][] directions = directions(iop);
    double threshold = obliqueThreshold(geometry);
    int found = firstInPlane(plane, directions, threshold);
    if (found > 0) {
      return found;
    }
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < directions.length; i++) {
      int worldAxis = largestComponent(directions[i]);
      double degrees = angleDegrees(directions[i], worldAxis);
      seen.append(i == 0 ? "" : ", ")
          .append(AXIS_NAMES[i])
          .append(' ')
          .append(
              degrees <= threshold
                  ? PLANE_OF_WORLD_AXIS[worldAxis]
                  : String.format(Locale.ROOT, "oblique (%.1f degrees)", degrees));
    }
    throw new DecodeException(
        "no axis of the DICOM volume lies in the "
            + plane.label()
            + " plane within "
            + threshold
            + " degrees (ImageOrientationPatient "
            + Arrays.toString(iop)
            + ": "
            + seen
            + ")");
  }

  /**
   * The axis (1 = D, 2 = H or 3 = W) of a DICOM volume with ImageOrientationPatient {@code iop}
   * that holds {@code plane} whatever obliquity threshold the file's other attributes (Modality,
   * BodyPartExamined, ImageType) give, from {@value #LOWEST_THRESHOLD} to {@value
   * #HIGHEST_THRESHOLD} degrees; -1 when the axis depends on them or no axis lies in the plane.
   * This is what a resource's metadata decides when it gives the orientation but not necessarily
   * those attributes as the file has them.
   *
   * @param iop the 6 values of ImageOrientationPatient
   */
  public static int dicomAxisAtAnyThreshold(SlicePlane plane, double[] iop) {
    if (plane == null || iop == null || iop.length != 6) {
      throw new IllegalArgumentException("a plane and 6 orientation values are needed");
    }
    double[][] directions = directions(iop);
    int strict = firstInPlane(plane, directions, LOWEST_THRESHOLD);
    int lenient = firstInPlane(plane, directions, HIGHEST_THRESHOLD);
    // the axes within a threshold only grow with it: equal at both ends, equal in between
    return strict > 0 && strict == lenient ? strict : -1;
  }

  /** The frame normal {@code r x c}, the column direction c and the row direction r. */
  private static double[][] directions(double[] iop) {
    double[] row = {iop[0], iop[1], iop[2]};
    double[] col = {iop[3], iop[4], iop[5]};
    double[] normal = {
      row[1] * col[2] - row[2] * col[1],
      row[2] * col[0] - row[0] * col[2],
      row[0] * col[1] - row[1] * col[0]
    };
    return new double[][] {normal, col, row};
  }

  /**
   * The first direction (1 frames, 2 rows, 3 columns) that lies in the plane: its largest component
   * is along the plane's world axis, within {@code threshold} degrees of it; or -1.
   */
  private static int firstInPlane(SlicePlane plane, double[][] directions, double threshold) {
    for (int i = 0; i < directions.length; i++) {
      int worldAxis = largestComponent(directions[i]);
      if (angleDegrees(directions[i], worldAxis) <= threshold && worldAxis == worldAxis(plane)) {
        return i + 1;
      }
    }
    return -1;
  }

  /** The world axis (0 x, 1 y, 2 z) the plane is perpendicular to, along which its slices run. */
  static int worldAxis(SlicePlane plane) {
    return switch (plane) {
      case SAGITTAL -> 0;
      case CORONAL -> 1;
      case AXIAL -> 2;
    };
  }

  private static int largestComponent(double[] v) {
    int best = 0;
    for (int i = 1; i < 3; i++) {
      if (Math.abs(v[i]) > Math.abs(v[best])) {
        best = i;
      }
    }
    return best;
  }

  /**
   * The angle between {@code v} and world axis {@code axis}, ignoring sign; NaN for a zero vector.
   */
  private static double angleDegrees(double[] v, int axis) {
    double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    double cos = Math.min(1.0, Math.abs(v[axis]) / norm);
    return Math.toDegrees(Math.acos(cos));
  }

  /** medimgkit's {@code get_oblique_threshold(ds)}, degrees. */
  static double obliqueThreshold(VolumeGeometry.Dicom geometry) {
    String modality = geometry.modality() == null ? "UNKNOWN" : geometry.modality();
    if (PROJECTION_MODALITIES.contains(modality)) {
      return DEFAULT_THRESHOLD;
    }
    double threshold = MODALITY_THRESHOLDS.getOrDefault(modality, DEFAULT_THRESHOLD);
    String bodyPart =
        geometry.bodyPartExamined() == null
            ? ""
            : geometry.bodyPartExamined().toUpperCase(Locale.ROOT);
    if ("MR".equals(modality) && NATIVELY_OBLIQUE_PARTS.stream().anyMatch(bodyPart::contains)) {
      threshold += 5;
    }
    boolean reformatted = false;
    for (String value : geometry.imageType()) {
      reformatted |= isReformatted(value);
    }
    if (reformatted) {
      threshold += 5;
    }
    return threshold;
  }

  private static boolean isReformatted(String value) {
    String v = value.toUpperCase(Locale.ROOT);
    return v.equals("MPR") || v.equals("REFORMATTED");
  }
}
