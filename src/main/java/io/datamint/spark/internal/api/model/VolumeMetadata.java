package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.core.MetadataGeometry;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.core.VolumeGeometry.AxisCode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads the {@link MetadataGeometry} of a DICOM or NIfTI resource from its metadata. The SDK and
 * the Datamint API define no geometry keys beyond {@code frame_count}, {@code width} and {@code
 * height}, so the connector reads these:
 *
 * <ul>
 *   <li>NIfTI: {@code shape}, the image's shape as nibabel gives it ({@code [i, j, k]} or {@code
 *       [i, j, k, t]}, the {@code shape} of the decoder's {@code metainfo}), and {@code axcodes},
 *       nibabel's {@code aff2axcodes} of the image's affine (3 letters among L/R, A/P, I/S, one per
 *       world axis; {@code metainfo.orientation.axcodes}).
 *   <li>DICOM: {@code frame_count}, {@code Rows} (or {@code height}), {@code Columns} (or {@code
 *       width}), and the keyword {@code ImageOrientationPatient} (6 numbers, or the DICOM string
 *       {@code "1\0\0\0\1\0"}).
 * </ul>
 *
 * Values that are missing or malformed are unknown (never an error): the read then decodes.
 */
final class VolumeMetadata {

  /** Orientations are few over a project: one copy each, up to this many. */
  private static final int MAX_SHARED = 4096;

  private static final Map<String, VolumeGeometry> SHARED = new ConcurrentHashMap<>();

  private VolumeMetadata() {}

  /**
   * The geometry {@code metadata} gives a resource of {@code kind}; null for other kinds or when
   * the metadata gives no length and no orientation.
   */
  static MetadataGeometry of(
      ResourceKind kind, JsonNode metadata, Integer frameCount, Integer width, Integer height) {
    if (metadata == null || !metadata.isObject()) {
      return null;
    }
    int[] lengths;
    VolumeGeometry orientation;
    if (kind == ResourceKind.NIFTI) {
      lengths = niftiShape(metadata.get("shape"));
      orientation = niftiOrientation(metadata.get("axcodes"));
    } else if (kind == ResourceKind.DICOM) {
      lengths = new int[] {orZero(frameCount), orZero(height), orZero(width)};
      orientation = dicomOrientation(metadata.get("ImageOrientationPatient"));
    } else {
      return null;
    }
    if (orientation == null && lengths[0] == 0 && lengths[1] == 0 && lengths[2] == 0) {
      return null;
    }
    return new MetadataGeometry(lengths, orientation);
  }

  private static int orZero(Integer value) {
    return value == null ? 0 : value;
  }

  /** The first three lengths of a 3-D or 4-D shape; zeros otherwise. */
  private static int[] niftiShape(JsonNode shape) {
    int[] lengths = new int[3];
    if (shape == null || !shape.isArray() || shape.size() < 3 || shape.size() > 4) {
      return lengths;
    }
    for (int i = 0; i < 3; i++) {
      Long value = Json.integer(shape.get(i));
      if (value == null || value < 1 || value > Integer.MAX_VALUE) {
        return new int[3];
      }
      lengths[i] = value.intValue();
    }
    return lengths;
  }

  /**
   * Three codes, one per world axis (as {@code aff2axcodes} gives for any full-rank affine); the
   * slice axis and its flip as the NIfTI decoder lays them out. Null otherwise.
   */
  private static VolumeGeometry niftiOrientation(JsonNode axcodes) {
    if (axcodes == null || !axcodes.isArray() || axcodes.size() != 3) {
      return null;
    }
    AxisCode[] codes = new AxisCode[3];
    boolean[] worldAxes = new boolean[3];
    for (int i = 0; i < 3; i++) {
      codes[i] = AxisCode.of(axcodes.get(i).asText(""));
      if (codes[i] == null || worldAxes[codes[i].worldAxis()]) {
        return null;
      }
      worldAxes[codes[i].worldAxis()] = true;
    }
    return shared(
        "nifti" + Arrays.toString(codes),
        () -> {
          int sliceAxis = 0;
          while (codes[sliceAxis].worldAxis() != 2) {
            sliceAxis++;
          }
          return new VolumeGeometry.Nifti(
              0, 0, null, codes, sliceAxis, codes[sliceAxis] == AxisCode.I, false);
        });
  }

  /** Six finite numbers (an array, or a backslash-separated string); null otherwise. */
  private static VolumeGeometry dicomOrientation(JsonNode iop) {
    if (iop == null) {
      return null;
    }
    List<String> values;
    if (iop.isArray()) {
      values = new java.util.ArrayList<>();
      for (JsonNode v : iop) {
        if (!v.isNumber() && !v.isTextual()) {
          return null;
        }
        values.add(v.asText());
      }
    } else if (iop.isTextual()) {
      values = Arrays.asList(iop.asText().split("\\\\", -1));
    } else {
      return null;
    }
    if (values.size() != 6) {
      return null;
    }
    double[] cosines = new double[6];
    for (int i = 0; i < 6; i++) {
      try {
        cosines[i] = Double.parseDouble(values.get(i).trim());
      } catch (NumberFormatException e) {
        return null;
      }
      if (!Double.isFinite(cosines[i])) {
        return null;
      }
    }
    return shared(
        "dicom" + Arrays.toString(cosines),
        () -> VolumeGeometry.Dicom.of(cosines, null, null, List.of()));
  }

  private static VolumeGeometry shared(
      String key, java.util.function.Supplier<VolumeGeometry> make) {
    VolumeGeometry known = SHARED.get(key);
    if (known != null) {
      return known;
    }
    VolumeGeometry made = make.get();
    if (SHARED.size() < MAX_SHARED) {
      VolumeGeometry raced = SHARED.putIfAbsent(key, made);
      return raced == null ? made : raced;
    }
    return made;
  }
}
