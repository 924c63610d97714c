package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.internal.core.VolumeGeometry;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@link VolumeGeometry.Dicom} of a data set, read from the elements themselves with the same
 * rules the {@code metainfo} JSON follows, so that slicing gives the same plane either way.
 *
 * <p>ImageOrientationPatient is looked up as the SDK's {@code get_image_orientation} does: the data
 * set, then the first per-frame functional group's PlaneOrientationSequence, then the shared
 * functional group's, then the first DetectorInformationSequence item; an empty element counts as
 * missing. A value that is not 6 numbers (as the JSON renders it: a part that is empty, does not
 * parse or is not finite) is kept as {@linkplain VolumeGeometry.Dicom#orientationProblem() a
 * problem}, reported only when the volume is sliced. Modality and BodyPartExamined are their single
 * value (null when absent, empty or multi-valued); ImageType its values.
 */
final class DicomGeometry {

  private DicomGeometry() {}

  static VolumeGeometry.Dicom of(DicomDataset ds) {
    String modality = single(ds, Tags.MODALITY);
    String bodyPart = single(ds, Tags.BODY_PART_EXAMINED);
    List<String> imageType = ds.strings(Tags.IMAGE_TYPE);
    if (imageType.size() == 1 && imageType.get(0).isEmpty()) {
      imageType = List.of();
    }
    DicomElement iop = present(ds.get(Tags.IMAGE_ORIENTATION_PATIENT));
    if (iop == null) {
      iop = fromFunctionalGroups(ds, Tags.PER_FRAME_FUNCTIONAL_GROUPS_SEQUENCE);
    }
    if (iop == null) {
      iop = fromFunctionalGroups(ds, Tags.SHARED_FUNCTIONAL_GROUPS_SEQUENCE);
    }
    if (iop == null) {
      DicomDataset detector = ds.firstItem(Tags.DETECTOR_INFORMATION_SEQUENCE);
      iop = detector == null ? null : present(detector.get(Tags.IMAGE_ORIENTATION_PATIENT));
    }
    if (iop == null) {
      return VolumeGeometry.Dicom.of(null, modality, bodyPart, imageType);
    }
    List<String> parts = parts(iop);
    if (parts.size() != 6) {
      return VolumeGeometry.Dicom.unreadableOrientation(
          "ImageOrientationPatient must have 6 values, the DICOM" + " header has " + parts,
          modality,
          bodyPart,
          imageType);
    }
    double[] values = new double[6];
    for (int i = 0; i < 6; i++) {
      double v;
      try {
        v = Double.parseDouble(parts.get(i));
      } catch (NumberFormatException notANumber) {
        v = Double.NaN;
      }
      if (!Double.isFinite(v)) {
        return VolumeGeometry.Dicom.unreadableOrientation(
            "ImageOrientationPatient has a value that is not a" + " number: " + parts,
            modality,
            bodyPart,
            imageType);
      }
      values[i] = v;
    }
    return VolumeGeometry.Dicom.of(values, modality, bodyPart, imageType);
  }

  private static DicomElement fromFunctionalGroups(DicomDataset ds, int sequence) {
    DicomDataset group = ds.firstItem(sequence);
    DicomDataset plane = group == null ? null : group.firstItem(Tags.PLANE_ORIENTATION_SEQUENCE);
    return plane == null ? null : present(plane.get(Tags.IMAGE_ORIENTATION_PATIENT));
  }

  /** The element when it has a value (an empty one is written as null, which counts as missing). */
  private static DicomElement present(DicomElement e) {
    return e == null || e.length() == 0 && !e.isSequence() ? null : e;
  }

  /** The element's values as text: the decimal-string parts, or each binary number. */
  private static List<String> parts(DicomElement e) {
    List<String> out = new ArrayList<>();
    if (e.isSequence() || e.isEncapsulated()) {
      out.add(e.isSequence() ? "(sequence)" : "(encapsulated)");
      return out;
    }
    switch (e.vr()) {
      case FD -> {
        for (int i = 0; i < e.length() / 8; i++) {
          out.add(
              Double.toString(
                  Double.longBitsToDouble(
                      Bytes.i64(e.buffer(), e.offset() + 8 * i, e.bigEndian()))));
        }
      }
      case FL -> {
        for (int i = 0; i < e.length() / 4; i++) {
          out.add(
              Double.toString(
                  Float.intBitsToFloat(Bytes.i32(e.buffer(), e.offset() + 4 * i, e.bigEndian()))));
        }
      }
      default -> {
        String text = new String(e.buffer(), e.offset(), e.length(), StandardCharsets.ISO_8859_1);
        for (String part : text.split("\\\\", -1)) {
          out.add(DicomDataset.trim(part));
        }
      }
    }
    return out;
  }

  private static String single(DicomDataset ds, int tag) {
    List<String> values = ds.strings(tag);
    return values.size() == 1 && !values.get(0).isEmpty() ? values.get(0) : null;
  }
}
