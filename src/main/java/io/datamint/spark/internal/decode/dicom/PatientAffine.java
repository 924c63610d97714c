package io.datamint.spark.internal.decode.dicom;

import java.util.List;

/**
 * The voxel-to-patient matrix of a DICOM image, row-major 4x4, mapping {@code (column i, row j,
 * frame k, 1)} (the indices of the W, H and N axes of the output array, 0-based) to patient
 * coordinates in millimetres in DICOM's LPS frame (x to the patient's left, y to posterior, z to
 * head), per PS3.3 C.7.6.2.1.1:
 *
 * <pre>
 *   [ Xr*dc  Xc*dr  Sx  Px ]
 *   [ Yr*dc  Yc*dr  Sy  Py ]
 *   [ Zr*dc  Zc*dr  Sz  Pz ]
 *   [   0      0     0   1 ]
 * </pre>
 *
 * <p>with (Xr, Yr, Zr) and (Xc, Yc, Zc) the row and column direction cosines of Image Orientation
 * (Patient), dr and dc the Pixel Spacing between rows and between columns, P the Image Position
 * (Patient) of frame 0, and S the step between frames: from the per-frame positions of an enhanced
 * multi-frame image, else from Grid Frame Offset Vector (RT Dose), else the slice normal (row x
 * column cosines) times Spacing Between Slices, Slice Thickness or 1. Orientation, spacing and
 * position may also come from the shared or first per-frame functional groups. Null when any of the
 * three is missing or malformed.
 */
final class PatientAffine {

  private PatientAffine() {}

  static double[] of(DicomDataset ds, int frames) {
    DicomDataset shared = ds.firstItem(Tags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
    List<DicomDataset> perFrame = ds.items(Tags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    DicomDataset firstFrame = perFrame.isEmpty() ? null : perFrame.get(0);

    double[] orientation =
        find(
            ds,
            shared,
            firstFrame,
            Tags.PLANE_ORIENTATION_SEQUENCE,
            Tags.IMAGE_ORIENTATION_PATIENT,
            6);
    double[] spacing =
        find(ds, shared, firstFrame, Tags.PIXEL_MEASURES_SEQUENCE, Tags.PIXEL_SPACING, 2);
    double[] position =
        find(ds, shared, firstFrame, Tags.PLANE_POSITION_SEQUENCE, Tags.IMAGE_POSITION_PATIENT, 3);
    if (orientation == null || spacing == null || position == null) {
      return null;
    }
    double[] row = {orientation[0], orientation[1], orientation[2]};
    double[] col = {orientation[3], orientation[4], orientation[5]};
    double[] normal = {
      row[1] * col[2] - row[2] * col[1],
      row[2] * col[0] - row[0] * col[2],
      row[0] * col[1] - row[1] * col[0]
    };
    double[] step = frameStep(ds, perFrame, frames, normal, shared, firstFrame);
    double[] m = new double[16];
    for (int axis = 0; axis < 3; axis++) {
      m[4 * axis] = row[axis] * spacing[1];
      m[4 * axis + 1] = col[axis] * spacing[0];
      m[4 * axis + 2] = step[axis];
      m[4 * axis + 3] = position[axis];
    }
    m[15] = 1;
    for (double v : m) {
      if (!Double.isFinite(v)) {
        return null;
      }
    }
    return m;
  }

  private static double[] frameStep(
      DicomDataset ds,
      List<DicomDataset> perFrame,
      int frames,
      double[] normal,
      DicomDataset shared,
      DicomDataset firstFrame) {
    if (frames > 1 && perFrame.size() >= frames) {
      double[] first = position(perFrame.get(0));
      double[] last = position(perFrame.get(frames - 1));
      if (first != null && last != null) {
        return new double[] {
          (last[0] - first[0]) / (frames - 1),
          (last[1] - first[1]) / (frames - 1),
          (last[2] - first[2]) / (frames - 1)
        };
      }
    }
    double[] grid = ds.doubles(Tags.GRID_FRAME_OFFSET_VECTOR);
    if (frames > 1 && grid != null && grid.length >= 2) {
      return scale(normal, grid[1] - grid[0]);
    }
    double[] between = ds.doubles(Tags.SPACING_BETWEEN_SLICES);
    if (between == null) {
      between =
          find(
              ds, shared, firstFrame, Tags.PIXEL_MEASURES_SEQUENCE, Tags.SPACING_BETWEEN_SLICES, 1);
    }
    double[] thickness = ds.doubles(Tags.SLICE_THICKNESS);
    if (thickness == null) {
      thickness =
          find(ds, shared, firstFrame, Tags.PIXEL_MEASURES_SEQUENCE, Tags.SLICE_THICKNESS, 1);
    }
    double spacing =
        between != null && between.length > 0 && between[0] != 0
            ? between[0]
            : thickness != null && thickness.length > 0 && thickness[0] > 0 ? thickness[0] : 1.0;
    return scale(normal, spacing);
  }

  private static double[] position(DicomDataset frameGroups) {
    DicomDataset plane = frameGroups.firstItem(Tags.PLANE_POSITION_SEQUENCE);
    double[] p = plane == null ? null : plane.doubles(Tags.IMAGE_POSITION_PATIENT);
    return p != null && p.length >= 3 ? p : null;
  }

  /**
   * The attribute from the data set, else from the shared, else the first per-frame functional
   * group macro.
   */
  private static double[] find(
      DicomDataset ds,
      DicomDataset shared,
      DicomDataset firstFrame,
      int macro,
      int tag,
      int count) {
    double[] v = ds.doubles(tag);
    if (v == null && shared != null && shared.firstItem(macro) != null) {
      v = shared.firstItem(macro).doubles(tag);
    }
    if (v == null && firstFrame != null && firstFrame.firstItem(macro) != null) {
      v = firstFrame.firstItem(macro).doubles(tag);
    }
    return v != null && v.length >= count ? v : null;
  }

  private static double[] scale(double[] v, double s) {
    return new double[] {v[0] * s, v[1] * s, v[2] * s};
  }
}
