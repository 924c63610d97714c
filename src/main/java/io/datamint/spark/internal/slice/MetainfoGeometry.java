package io.datamint.spark.internal.slice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.core.VolumeGeometry.AffineSource;
import io.datamint.spark.internal.core.VolumeGeometry.AxisCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a {@link VolumeGeometry} back from a decoder's {@code metainfo} JSON, for callers that hold
 * only the JSON (a stored {@code metainfo} column, tests); the read path uses the value the decoder
 * set. NIfTI: {@code orientation.axcodes}, {@code slice_axis}, {@code slice_flipped}, {@code
 * slice_axis_fallback}, {@code affine_source}, {@code qform_code}, {@code sform_code}. DICOM:
 * ImageOrientationPatient where the SDK's {@code get_image_orientation} looks (top level, the first
 * per-frame, then the shared functional group's PlaneOrientationSequence, then the first
 * DetectorInformationSequence item; null counts as missing), Modality, BodyPartExamined and
 * ImageType.
 */
public final class MetainfoGeometry {

  private static final ObjectMapper JSON = new ObjectMapper();

  private MetainfoGeometry() {}

  /**
   * The NIfTI geometry in {@code metainfoJson}, or null when it has no {@code orientation} with
   * {@code axcodes} and {@code slice_axis}.
   *
   * @throws DecodeException when the JSON cannot be read or its slice axis is not 0 to 2
   */
  public static VolumeGeometry.Nifti nifti(String metainfoJson) throws DecodeException {
    JsonNode meta = parse(metainfoJson, "NIfTI");
    JsonNode orientation = meta.path("orientation");
    JsonNode codes = orientation.path("axcodes");
    JsonNode sliceAxisNode = orientation.path("slice_axis");
    if (!codes.isArray() || !sliceAxisNode.canConvertToInt()) {
      return null;
    }
    int sliceAxis = sliceAxisNode.asInt();
    if (sliceAxis < 0 || sliceAxis > 2) {
      throw new DecodeException(
          "the NIfTI metainfo gives slice axis " + sliceAxis + ", not a spatial axis 0-2");
    }
    AxisCode[] axisCodes = new AxisCode[3];
    for (int i = 0; i < Math.min(3, codes.size()); i++) {
      axisCodes[i] = AxisCode.of(codes.get(i).asText(""));
    }
    AffineSource source = null;
    String label = orientation.path("affine_source").asText("");
    for (AffineSource s : AffineSource.values()) {
      if (s.name().toLowerCase(Locale.ROOT).equals(label)) {
        source = s;
      }
    }
    return new VolumeGeometry.Nifti(
        meta.path("qform_code").asInt(0),
        meta.path("sform_code").asInt(0),
        source,
        axisCodes,
        sliceAxis,
        orientation.path("slice_flipped").asBoolean(false),
        orientation.path("slice_axis_fallback").asBoolean(false));
  }

  /**
   * The DICOM geometry in {@code metainfoJson} (blank: {@link VolumeGeometry.Dicom#UNKNOWN}). An
   * ImageOrientationPatient that is not 6 numbers gives a geometry with {@linkplain
   * VolumeGeometry.Dicom#orientationProblem() its problem}.
   *
   * @throws DecodeException when the JSON cannot be read
   */
  public static VolumeGeometry.Dicom dicom(String metainfoJson) throws DecodeException {
    JsonNode meta = parse(metainfoJson, "DICOM");
    String modality = text(meta.get("Modality"));
    String bodyPart = text(meta.get("BodyPartExamined"));
    List<String> imageType = new ArrayList<>();
    JsonNode type = meta.get("ImageType");
    if (type != null && type.isArray()) {
      for (JsonNode v : type) {
        imageType.add(v.asText(""));
      }
    } else if (type != null && type.isTextual()) {
      imageType.add(type.asText());
    }
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
      return VolumeGeometry.Dicom.of(null, modality, bodyPart, imageType);
    }
    if (!iop.isArray() || iop.size() != 6) {
      return VolumeGeometry.Dicom.unreadableOrientation(
          "ImageOrientationPatient must have 6 values, the DICOM header has " + iop,
          modality,
          bodyPart,
          imageType);
    }
    double[] values = new double[6];
    for (int i = 0; i < 6; i++) {
      JsonNode v = iop.get(i);
      if (!v.isNumber() || !Double.isFinite(v.asDouble())) {
        return VolumeGeometry.Dicom.unreadableOrientation(
            "ImageOrientationPatient has a value that is not a number: " + iop,
            modality,
            bodyPart,
            imageType);
      }
      values[i] = v.asDouble();
    }
    return VolumeGeometry.Dicom.of(values, modality, bodyPart, imageType);
  }

  private static JsonNode parse(String metainfoJson, String format) throws DecodeException {
    if (metainfoJson == null || metainfoJson.isBlank()) {
      return JSON.createObjectNode();
    }
    try {
      return JSON.readTree(metainfoJson);
    } catch (JsonProcessingException e) {
      throw new DecodeException(
          "cannot read the "
              + format
              + " metainfo to find the slice plane: "
              + e.getOriginalMessage(),
          e);
    }
  }

  private static JsonNode fromSequence(JsonNode meta, String sequence) {
    return meta.path(sequence)
        .path(0)
        .path("PlaneOrientationSequence")
        .path(0)
        .get("ImageOrientationPatient");
  }

  private static boolean isMissing(JsonNode node) {
    return node == null || node.isNull() || node.isMissingNode();
  }

  /** A single value's text; null for a missing, null or multi-valued member. */
  private static String text(JsonNode node) {
    return node == null || node.isNull() || !node.isValueNode() ? null : node.asText();
  }
}
