package io.datamint.spark.internal.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.core.MetadataGeometry;
import io.datamint.spark.internal.core.VolumeGeometry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ResourceTest {

  private static Resource parse(String json) throws Exception {
    JsonNode node = Json.MAPPER.readTree(json);
    return Resource.fromJson(node);
  }

  @ParameterizedTest(name = "storage={0} mimetype={1} filename={2} -> {3}")
  @CsvSource(
      nullValues = "-",
      value = {
        "DicomResource,-,-,DICOM",
        "dicomresourcehandler,-,-,DICOM",
        "-,application/dicom,x,DICOM",
        "-,-,scan.dcm,DICOM",
        "-,-,SCAN.DCM,DICOM",
        "-,application/gzip,brain.nii.gz,NIFTI",
        "-,application/x-nifti,x,NIFTI",
        "VolumeResource,-,-,VOLUME",
        "-,video/mp4,clip.mp4,VIDEO",
        "VideoResourceHandler,-,-,VIDEO",
        "-,image/png,a.png,IMAGE",
        "ImageResource,application/octet-stream,blob,IMAGE",
        "-,application/octet-stream,blob,UNKNOWN",
        "ImageResource,application/dicom,x.png,DICOM",
      })
  void detectsKindsByPriorityAsTheSdk(
      String storage, String mimetype, String filename, ResourceKind expected) {
    assertThat(ResourceKind.detect(storage, mimetype, filename)).isEqualTo(expected);
  }

  @Test
  void frameCountsFollowGetDepth() throws Exception {
    assertThat(parse("{\"id\":\"a\",\"mimetype\":\"image/png\"}").frameCount()).isEqualTo(1);
    assertThat(
            parse(
                    "{\"id\":\"a\",\"storage\":\"DicomResource\",\"metadata\":{\"frame_count\":\"24\"}}")
                .frameCount())
        .isEqualTo(24);
    assertThat(
            parse(
                    "{\"id\":\"a\",\"storage\":\"VideoResourceHandler\",\"metadata\":{\"streams\":"
                        + "[{\"codec_type\":\"audio\",\"nb_frames\":\"9\"},{\"codec_type\":\"video\",\"nb_frames\":\"31\"}]}}")
                .frameCount())
        .isEqualTo(31);
    assertThat(parse("{\"id\":\"a\",\"storage\":\"NiftiResource\",\"metadata\":{}}").frameCount())
        .isNull();
  }

  @Test
  void patientIdFallsBackToMetadata() throws Exception {
    assertThat(
            parse("{\"id\":\"a\",\"patient_id\":\"P1\",\"metadata\":{\"PatientID\":\"P2\"}}")
                .patientId())
        .isEqualTo("P1");
    assertThat(
            parse("{\"id\":\"a\",\"patient_id\":null,\"metadata\":{\"PatientID\":\"P2\"}}")
                .patientId())
        .isEqualTo("P2");
    assertThat(parse("{\"id\":\"a\"}").patientId()).isNull();
  }

  @Test
  void keepsTagsSizeAndIgnoresUnknownFields() throws Exception {
    Resource r = parse("{\"id\":\"a\",\"tags\":null,\"size\":\"444584\",\"whatever\":{\"x\":1}}");
    assertThat(r.tags()).isEmpty();
    assertThat(r.size()).isEqualTo(444584L);
  }

  @Test
  void requiresAnId() {
    assertThatThrownBy(() -> parse("{\"filename\":\"a.png\"}")).hasMessageContaining("\"id\"");
  }

  @Test
  void volumeGeometryComesFromShapeAndAxcodesOrImageOrientationPatient() throws Exception {
    MetadataGeometry nifti =
        parse(
                "{\"id\":\"n\",\"filename\":\"a.nii\",\"metadata\":"
                    + "{\"shape\":[5,\"6\",7,2],\"axcodes\":[\"S\",\"R\",\"A\"]}}")
            .geometry();
    assertThat(new int[] {nifti.length(0), nifti.length(1), nifti.length(2)})
        .containsExactly(5, 6, 7);
    VolumeGeometry.Nifti codes = (VolumeGeometry.Nifti) nifti.orientation();
    assertThat(codes.sliceAxis()).isZero();
    assertThat(codes.voxelAxisAlong(1)).isEqualTo(2);

    MetadataGeometry dicom =
        parse(
                "{\"id\":\"d\",\"filename\":\"a.dcm\",\"metadata\":{\"frame_count\":\"7\","
                    + "\"Rows\":6,\"width\":5,\"ImageOrientationPatient\":\"1\\\\0\\\\0\\\\0\\\\0\\\\-1\"}}")
            .geometry();
    assertThat(new int[] {dicom.length(0), dicom.length(1), dicom.length(2)})
        .containsExactly(7, 6, 5);
    assertThat(((VolumeGeometry.Dicom) dicom.orientation()).imageOrientation())
        .containsExactly(1, 0, 0, 0, 0, -1);
  }

  @Test
  void malformedGeometryIsUnknownNotAnError() throws Exception {
    // two codes on one world axis, a 2-D shape, 5 orientation values: none of it is used
    MetadataGeometry nifti =
        parse(
                "{\"id\":\"n\",\"filename\":\"a.nii\",\"metadata\":"
                    + "{\"shape\":[5,6],\"axcodes\":[\"L\",\"R\",\"S\"],\"frame_count\":3}}")
            .geometry();
    assertThat(nifti).isNull();
    MetadataGeometry dicom =
        parse(
                "{\"id\":\"d\",\"filename\":\"a.dcm\",\"metadata\":"
                    + "{\"frame_count\":3,\"ImageOrientationPatient\":[1,0,0,0,1]}}")
            .geometry();
    assertThat(dicom.orientation()).isNull();
    assertThat(dicom.length(0)).isEqualTo(3);
    assertThat(dicom.hasAllLengths()).isFalse();
    assertThat(parse("{\"id\":\"i\",\"filename\":\"a.png\",\"metadata\":{\"width\":3}}").geometry())
        .isNull();
  }
}
