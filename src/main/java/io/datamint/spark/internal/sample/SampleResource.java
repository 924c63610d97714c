package io.datamint.spark.internal.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One generated resource: its catalogue key, id, Resource JSON, and the phantom its pixels came
 * from (so that annotation masks can be drawn over the same anatomy).
 */
record SampleResource(String key, String id, ObjectNode json, Content content) {

  /** Where the pixels came from. */
  sealed interface Content permits Volume, Series, Radiograph, Clip {}

  /** A NIfTI volume; masks use the same geometry. */
  record Volume(CtPhantom phantom, VolumeGeometry geometry) implements Content {}

  /** A multi-frame DICOM CT. */
  record Series(CtPhantom phantom, VolumeGeometry geometry) implements Content {}

  /** A radiograph PNG. */
  record Radiograph(XrayPhantom phantom) implements Content {}

  /** An ultrasound clip. */
  record Clip(UltrasoundPhantom phantom) implements Content {}

  String filename() {
    return json.get("filename").asText();
  }

  String modality() {
    return json.get("modality").asText();
  }
}
