package io.datamint.spark.slice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the axis of a decoded {@code (C, D, H, W)} volume that holds an anatomical plane: slicing that axis at
 * index {@code i} gives the {@code i}-th slice of the plane. This follows the intent of the SDK's {@code
 * nifti_utils.get_plane_axis} / {@code dicom_utils.get_plane_axis} (medimgkit), applied to the layout the
 * decoders actually produce.
 *
 * <h2>NIfTI</h2>
 *
 * The plane's voxel axis is the raw voxel axis whose orientation code ({@code metainfo.orientation.axcodes},
 * nibabel's {@code aff2axcodes}) is in {@code {I, S}} (axial), {@code {A, P}} (coronal) or {@code {L, R}}
 * (sagittal), the first such axis. The decoder lays the volume out as {@code [slice axis] + the other two spatial
 * axes in descending order} at positions D, H, W (1, 2, 3), so the raw axis maps to its position in that list.
 * The SDK instead maps raw axes through a fixed table (raw 0 to W, raw 1 to H, raw 2 to D), which is only
 * consistent with its own layout when the axial axis is voxel axis 2; for a volume whose I/S axis is voxel axis 0
 * or 1, the SDK's coronal or sagittal slices would take the wrong axis. This class follows the actual layout
 * ({@code metainfo.orientation.slice_axis}).
 *
 * <h2>DICOM</h2>
 *
 * From ImageOrientationPatient (row cosines r, column cosines c; LPS): frames (D, axis 1) run along the normal
 * {@code r x c}, rows (H, axis 2) along {@code c}, columns (W, axis 3) along {@code r}. A direction belongs to the
 * plane of its largest absolute component (x sagittal, y coronal, z axial) when its angle to that world axis is
 * at most the SDK's obliquity threshold ({@code get_oblique_threshold}, in degrees: CT, PT, NM 10; MR 20; XA 25;
 * US 42; anything else 15; plus 5 for MR of the heart, knee, shoulder, ankle or wrist by BodyPartExamined, and
 * plus 5 when ImageType has MPR or REFORMATTED; CR, DX, MG, PX 15). The directions are tried in the order frames,
 * rows, columns and the first match wins. ImageOrientationPatient is looked up as the SDK does: top level, then
 * the first per-frame, then the shared functional group's PlaneOrientationSequence, then the first
 * DetectorInformationSequence item. When it is missing, an axial acquisition is assumed (row {@code (1,0,0)},
 * column {@code (0,1,0)}): axial is the frames (D), coronal the rows (H), sagittal the columns (W).
 */
public final class PlaneResolver {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** {@code get_oblique_threshold}'s modality baselines, degrees. */
  private static final Map<String, Double> MODALITY_THRESHOLDS =
      Map.of("CT", 10.0, "PT", 10.0, "NM", 10.0, "MR", 20.0, "XA", 25.0, "US", 42.0);

  private static final double DEFAULT_THRESHOLD = 15.0;
  private static final Set<String> PROJECTION_MODALITIES = Set.of("CR", "DX", "MG", "PX");
  private static final List<String> NATIVELY_OBLIQUE_PARTS =
      List.of("HEART", "CARDIAC", "KNEE", "SHOULDER", "ANKLE", "WRIST");
  private static final String[] AXIS_NAMES = {"frames", "rows", "columns"};
  private static final String[] PLANE_OF_WORLD_AXIS = {"sagittal", "coronal", "axial"};

  private PlaneResolver() {}

  /**
   * The axis (1 = D, 2 = H or 3 = W) of the {@code (C, D, H, W)} array to slice for {@code plane}.
   *
   * @param format {@code nifti} or {@code dicom} (any case)
   * @param metainfoJson the decoder's {@code metainfo} for the volume
   * @param cdhwShape the volume's {@code (C, D, H, W)} shape
   * @throws DecodeException when the format is not a volume format, the metainfo cannot be read, or no axis of the
   *     volume lies in the plane (within the obliquity threshold for DICOM)
   */
  public static int axis(SlicePlane plane, String format, String metainfoJson, int[] cdhwShape)
      throws DecodeException {
    if (plane == null) {
      throw new IllegalArgumentException("no slice plane given");
    }
    if (cdhwShape == null || cdhwShape.length != 4) {
      throw new IllegalArgumentException("a volume to slice has shape (C, D, H, W), not "
          + Arrays.toString(cdhwShape));
    }
    String f = format == null ? "" : format.toLowerCase(Locale.ROOT);
    return switch (f) {
      case "nifti" -> nifti(plane, parse(metainfoJson, "NIfTI"));
      case "dicom" -> dicom(plane, parse(metainfoJson, "DICOM"));
      default -> throw new DecodeException("cannot slice a " + format
          + " resource: slicing reads volumes: DICOM or NIfTI");
    };
  }

  private static JsonNode parse(String metainfoJson, String format) throws DecodeException {
    if (metainfoJson == null || metainfoJson.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(metainfoJson);
    } catch (JsonProcessingException e) {
      throw new DecodeException("cannot read the " + format + " metainfo to find the slice plane: "
          + e.getOriginalMessage(), e);
    }
  }

  // ---- NIfTI

  private static int nifti(SlicePlane plane, JsonNode meta) throws DecodeException {
    JsonNode orientation = meta.path("orientation");
    JsonNode codes = orientation.path("axcodes");
    JsonNode sliceAxisNode = orientation.path("slice_axis");
    if (!codes.isArray() || !sliceAxisNode.canConvertToInt()) {
      throw new DecodeException("the NIfTI metainfo has no orientation (axcodes, slice_axis): cannot find the "
          + plane.label() + " plane");
    }
    int sliceAxis = sliceAxisNode.asInt();
    if (sliceAxis < 0 || sliceAxis > 2) {
      throw new DecodeException("the NIfTI metainfo gives slice axis " + sliceAxis + ", not a spatial axis 0-2");
    }
    Set<String> wanted = switch (plane) {
      case AXIAL -> Set.of("I", "S");
      case CORONAL -> Set.of("A", "P");
      case SAGITTAL -> Set.of("L", "R");
    };
    int raw = -1;
    for (int i = 0; i < Math.min(3, codes.size()); i++) {
      if (wanted.contains(codes.get(i).asText(""))) {
        raw = i;
        break;
      }
    }
    if (raw < 0) {
      throw new DecodeException("no voxel axis of the NIfTI image is coded " + String.join(" or ",
          wanted.stream().sorted().toList()) + " (axcodes " + codes + "): cannot find the " + plane.label()
          + " plane");
    }
    return niftiPosition(raw, sliceAxis);
  }

  /** Where raw spatial axis {@code raw} sits in the layout {@code [slice] + other two descending}, from 1. */
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

  private static int dicom(SlicePlane plane, JsonNode meta) throws DecodeException {
    double[] iop = imageOrientation(meta);
    if (iop == null) {
      iop = new double[] {1, 0, 0, 0, 1, 0};
    }
    double[] row = {iop[0], iop[1], iop[2]};
    double[] col = {iop[3], iop[4], iop[5]};
    double[] normal = {
      row[1] * col[2] - row[2] * col[1],
      row[2] * col[0] - row[0] * col[2],
      row[0] * col[1] - row[1] * col[0]
    };
    double threshold = obliqueThreshold(meta);
    double[][] directions = {normal, col, row};
    StringBuilder seen = new StringBuilder();
    for (int i = 0; i < directions.length; i++) {
      int worldAxis = largestComponent(directions[i]);
      double degrees = angleDegrees(directions[i], worldAxis);
      if (degrees <= threshold && worldAxis == worldAxis(plane)) {
        return i + 1;
      }
      seen.append(i == 0 ? "" : ", ").append(AXIS_NAMES[i]).append(' ')
          .append(degrees <= threshold ? PLANE_OF_WORLD_AXIS[worldAxis]
              : String.format(Locale.ROOT, "oblique (%.1f degrees)", degrees));
    }
    throw new DecodeException("no axis of the DICOM volume lies in the " + plane.label() + " plane within "
        + threshold + " degrees (ImageOrientationPatient " + Arrays.toString(iop) + ": " + seen + ")");
  }

  private static int worldAxis(SlicePlane plane) {
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

  /** The angle between {@code v} and world axis {@code axis}, ignoring sign; NaN for a zero vector. */
  private static double angleDegrees(double[] v, int axis) {
    double norm = Math.sqrt(v[0] * v[0] + v[1] * v[1] + v[2] * v[2]);
    double cos = Math.min(1.0, Math.abs(v[axis]) / norm);
    return Math.toDegrees(Math.acos(cos));
  }

  /** ImageOrientationPatient where the SDK's {@code get_image_orientation} looks for it, or null. */
  private static double[] imageOrientation(JsonNode meta) throws DecodeException {
    JsonNode iop = meta.get("ImageOrientationPatient");
    if (isMissing(iop)) {
      iop = fromSequence(meta, "PerFrameFunctionalGroupsSequence");
    }
    if (isMissing(iop)) {
      iop = fromSequence(meta, "SharedFunctionalGroupsSequence");
    }
    if (isMissing(iop)) {
      iop = meta.path("DetectorInformationSequence").path(0).get("ImageOrientationPatient");
    }
    if (isMissing(iop)) {
      return null;
    }
    if (!iop.isArray() || iop.size() != 6) {
      throw new DecodeException("ImageOrientationPatient must have 6 values, the DICOM header has " + iop);
    }
    double[] values = new double[6];
    for (int i = 0; i < 6; i++) {
      JsonNode v = iop.get(i);
      if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        throw new DecodeException("ImageOrientationPatient has a value that is not a number: " + iop);
      }
      values[i] = v.asDouble();
    }
    return values;
  }

  private static JsonNode fromSequence(JsonNode meta, String sequence) {
    return meta.path(sequence).path(0).path("PlaneOrientationSequence").path(0).get("ImageOrientationPatient");
  }

  private static boolean isMissing(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** medimgkit's {@code get_oblique_threshold(ds)}, degrees. */
  static double obliqueThreshold(JsonNode meta) {
    String modality = text(meta.get("Modality"), "UNKNOWN");
    if (PROJECTION_MODALITIES.contains(modality)) {
      return DEFAULT_THRESHOLD;
    }
    double threshold = MODALITY_THRESHOLDS.getOrDefault(modality, DEFAULT_THRESHOLD);
    String bodyPart = text(meta.get("BodyPartExamined"), "").toUpperCase(Locale.ROOT);
    if ("MR".equals(modality) && NATIVELY_OBLIQUE_PARTS.stream().anyMatch(bodyPart::contains)) {
      threshold += 5;
    }
    JsonNode imageType = meta.get("ImageType");
    boolean reformatted = false;
    if (imageType != null && imageType.isArray()) {
      for (JsonNode v : imageType) {
        reformatted |= isReformatted(v.asText(""));
      }
    } else if (imageType != null && imageType.isTextual()) {
      reformatted = isReformatted(imageType.asText());
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

  private static String text(JsonNode node, String fallback) {
    return node == null || node.isNull() || !node.isValueNode() ? fallback : node.asText();
  }
}
