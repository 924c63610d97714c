package io.datamint.spark.internal.slice;

import static io.datamint.spark.internal.slice.SlicePlane.AXIAL;
import static io.datamint.spark.internal.slice.SlicePlane.CORONAL;
import static io.datamint.spark.internal.slice.SlicePlane.SAGITTAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.FormatDetector;
import io.datamint.spark.internal.sample.SampleProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaneResolverTest {

  private static final int[] SHAPE = {1, 20, 64, 64};

  @TempDir Path dir;

  @Test
  void sampleVolumesMapToTheirDecodedLayout() throws Exception {
    SampleProject.write(dir, 42);
    Map<String, JsonNode> resources = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (String line : Files.readAllLines(dir.resolve("resources.jsonl"))) {
      JsonNode r = json.readTree(line);
      resources.put(r.get("id").asText(), r);
    }
    int volumes = 0;
    boolean sawInferior = false;
    try (Stream<Path> files = Files.list(dir.resolve("files/resources"))) {
      for (Path file : files.toList()) {
        byte[] bytes = Files.readAllBytes(file);
        FileFormat format = FormatDetector.detect(bytes, bytes.length, null, null);
        if (format != FileFormat.NIFTI && format != FileFormat.DICOM) {
          continue;
        }
        volumes++;
        DecodedResource decoded =
            Decoders.forFormat(format).decode(bytes, bytes.length, DecodeLimits.defaults());
        int[] nchw = decoded.pixels().shape();
        int[] cdhw = {nchw[1], nchw[0], nchw[2], nchw[3]};
        String meta = decoded.metainfoJson();
        String name = format.name().toLowerCase();
        // the sample's volumes are all axial acquisitions: L/R along W, A/P along H, I/S along D
        assertThat(PlaneResolver.axis(AXIAL, name, meta, cdhw)).as(file.toString()).isEqualTo(1);
        assertThat(PlaneResolver.axis(CORONAL, name, meta, cdhw)).isEqualTo(2);
        assertThat(PlaneResolver.axis(SAGITTAL, name, meta, cdhw)).isEqualTo(3);
        if (format == FileFormat.NIFTI
            && json.readTree(meta).at("/orientation/axcodes/2").asText().equals("I")) {
          sawInferior = true;
          assertThat(resources.get(file.getFileName().toString()).get("filename").asText())
              .isEqualTo("CT_CHEST_P003.nii.gz");
        }
      }
    }
    assertThat(volumes).isEqualTo(5);
    assertThat(sawInferior).as("CT_CHEST_P003 has its slice axis coded I").isTrue();
  }

  @Test
  void niftiSliceAxisNotLastFollowsTheLayout() throws DecodeException {
    // raw (S, L, P) with slice axis 0: layout [0] + [2, 1] -> D = raw 0, H = raw 2 (P), W = raw 1
    // (L)
    String meta = nifti("[\"S\",\"L\",\"P\"]", 0);
    assertThat(PlaneResolver.axis(AXIAL, "nifti", meta, SHAPE)).isEqualTo(1);
    assertThat(PlaneResolver.axis(CORONAL, "nifti", meta, SHAPE)).isEqualTo(2);
    assertThat(PlaneResolver.axis(SAGITTAL, "nifti", meta, SHAPE)).isEqualTo(3);
    // raw (L, I, A) with slice axis 1: layout [1] + [2, 0] -> H = raw 2 (A), W = raw 0 (L)
    String middle = nifti("[\"L\",\"I\",\"A\"]", 1);
    assertThat(PlaneResolver.axis(AXIAL, "NIfTI", middle, SHAPE)).isEqualTo(1);
    assertThat(PlaneResolver.axis(CORONAL, "NIfTI", middle, SHAPE)).isEqualTo(2);
    assertThat(PlaneResolver.axis(SAGITTAL, "NIfTI", middle, SHAPE)).isEqualTo(3);
    // raw (P, R, S): coronal is raw 0 -> W, sagittal raw 1 -> H
    String swapped = nifti("[\"P\",\"R\",\"S\"]", 2);
    assertThat(PlaneResolver.axis(CORONAL, "nifti", swapped, SHAPE)).isEqualTo(3);
    assertThat(PlaneResolver.axis(SAGITTAL, "nifti", swapped, SHAPE)).isEqualTo(2);
  }

  @Test
  void niftiWithoutAMatchingCodeIsAnError() {
    String fallback =
        "{\"orientation\":{\"axcodes\":[null,null,null],\"slice_axis\":2,"
            + "\"slice_flipped\":false,\"slice_axis_fallback\":true}}";
    assertThatThrownBy(() -> PlaneResolver.axis(AXIAL, "nifti", fallback, SHAPE))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("I or S")
        .hasMessageContaining("axial");
    assertThatThrownBy(() -> PlaneResolver.axis(AXIAL, "nifti", "{}", SHAPE))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("orientation");
  }

  @Test
  void dicomPlanesFromImageOrientationPatient() throws DecodeException {
    String axial = dicom("[1,0,0,0,1,0]", "CT");
    assertThat(PlaneResolver.axis(AXIAL, "dicom", axial, SHAPE)).isEqualTo(1);
    assertThat(PlaneResolver.axis(CORONAL, "dicom", axial, SHAPE)).isEqualTo(2);
    assertThat(PlaneResolver.axis(SAGITTAL, "dicom", axial, SHAPE)).isEqualTo(3);

    String coronal = dicom("[1,0,0,0,0,-1]", "CT"); // normal (0, 1, 0)
    assertThat(PlaneResolver.axis(CORONAL, "dicom", coronal, SHAPE)).isEqualTo(1);
    assertThat(PlaneResolver.axis(AXIAL, "dicom", coronal, SHAPE)).isEqualTo(2);
    assertThat(PlaneResolver.axis(SAGITTAL, "dicom", coronal, SHAPE)).isEqualTo(3);

    String sagittal = dicom("[0,1,0,0,0,-1]", "MR"); // normal (-1, 0, 0)
    assertThat(PlaneResolver.axis(SAGITTAL, "dicom", sagittal, SHAPE)).isEqualTo(1);
    assertThat(PlaneResolver.axis(AXIAL, "dicom", sagittal, SHAPE)).isEqualTo(2);
    assertThat(PlaneResolver.axis(CORONAL, "dicom", sagittal, SHAPE)).isEqualTo(3);
  }

  @Test
  void dicomObliquityThresholdDependsOnModality() throws DecodeException {
    // rotated 12 degrees about x: the normal is 12 degrees off z
    double a = Math.toRadians(12);
    String iop = "[1,0,0,0," + Math.cos(a) + "," + Math.sin(a) + "]";
    // CT allows 10 degrees: no axis is axial
    assertThatThrownBy(() -> PlaneResolver.axis(AXIAL, "dicom", dicom(iop, "CT"), SHAPE))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("axial plane within 10.0 degrees")
        .hasMessageContaining("oblique");
    // sagittal still matches the columns (row direction exactly x)
    assertThat(PlaneResolver.axis(SAGITTAL, "dicom", dicom(iop, "CT"), SHAPE)).isEqualTo(3);
    // MR allows 20 degrees; with no modality the default is 15
    assertThat(PlaneResolver.axis(AXIAL, "dicom", dicom(iop, "MR"), SHAPE)).isEqualTo(1);
    assertThat(
            PlaneResolver.axis(AXIAL, "dicom", "{\"ImageOrientationPatient\":" + iop + "}", SHAPE))
        .isEqualTo(1);
    // a CT reformat gets 5 more degrees
    String mpr =
        "{\"Modality\":\"CT\",\"ImageType\":[\"DERIVED\",\"SECONDARY\",\"MPR\"],"
            + "\"ImageOrientationPatient\":"
            + iop
            + "}";
    assertThat(PlaneResolver.axis(AXIAL, "dicom", mpr, SHAPE)).isEqualTo(1);
    // 45 degrees is oblique for everything but US
    double b = Math.toRadians(45);
    String oblique = "[1,0,0,0," + Math.cos(b) + "," + Math.sin(b) + "]";
    assertThatThrownBy(() -> PlaneResolver.axis(CORONAL, "dicom", dicom(oblique, "MR"), SHAPE))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("coronal");
  }

  @Test
  void dicomWithoutOrientationIsAssumedAxial() throws DecodeException {
    String meta = "{\"Modality\":\"CT\",\"Rows\":64}";
    assertThat(PlaneResolver.axis(AXIAL, "dicom", meta, SHAPE)).isEqualTo(1);
    assertThat(PlaneResolver.axis(CORONAL, "dicom", meta, SHAPE)).isEqualTo(2);
    assertThat(PlaneResolver.axis(SAGITTAL, "dicom", meta, SHAPE)).isEqualTo(3);
    // a null value (empty element) counts as missing
    assertThat(PlaneResolver.axis(SAGITTAL, "dicom", "{\"ImageOrientationPatient\":null}", SHAPE))
        .isEqualTo(3);
  }

  @Test
  void dicomOrientationFromTheFunctionalGroups() throws DecodeException {
    String shared =
        "{\"SharedFunctionalGroupsSequence\":[{\"PlaneOrientationSequence\":"
            + "[{\"ImageOrientationPatient\":[0,1,0,0,0,-1]}]}]}";
    assertThat(PlaneResolver.axis(SAGITTAL, "dicom", shared, SHAPE)).isEqualTo(1);
    String perFrame =
        "{\"PerFrameFunctionalGroupsSequence\":[{\"PlaneOrientationSequence\":"
            + "[{\"ImageOrientationPatient\":[1,0,0,0,0,-1]}]}]}";
    assertThat(PlaneResolver.axis(CORONAL, "dicom", perFrame, SHAPE)).isEqualTo(1);
  }

  @Test
  void otherFormatsAndBadInputsAreErrors() {
    assertThatThrownBy(() -> PlaneResolver.axis(AXIAL, "raster", "{}", SHAPE))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("slicing reads volumes: DICOM or NIfTI");
    assertThatThrownBy(
            () ->
                PlaneResolver.axis(AXIAL, "dicom", "{\"ImageOrientationPatient\":[1,0,0]}", SHAPE))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("6 values");
    assertThatThrownBy(() -> PlaneResolver.axis(AXIAL, "dicom", "{not json", SHAPE))
        .isInstanceOf(DecodeException.class);
    assertThatThrownBy(() -> PlaneResolver.axis(AXIAL, "dicom", "{}", new int[] {20, 64, 64}))
        .isInstanceOf(IllegalArgumentException.class);
  }

  private static String nifti(String axcodes, int sliceAxis) {
    return "{\"orientation\":{\"axcodes\":"
        + axcodes
        + ",\"affine_source\":\"sform\",\"slice_axis\":"
        + sliceAxis
        + ",\"slice_flipped\":false,\"slice_axis_fallback\":false}}";
  }

  private static String dicom(String iop, String modality) {
    return "{\"Modality\":\"" + modality + "\",\"ImageOrientationPatient\":" + iop + "}";
  }

  @Test
  void metadataOrientationDecidesOnlyWhatNoThresholdChanges() {
    double[] axial = {1, 0, 0, 0, 1, 0};
    assertThat(PlaneResolver.dicomAxisAtAnyThreshold(SlicePlane.AXIAL, axial)).isEqualTo(1);
    assertThat(PlaneResolver.dicomAxisAtAnyThreshold(SlicePlane.CORONAL, axial)).isEqualTo(2);
    assertThat(PlaneResolver.dicomAxisAtAnyThreshold(SlicePlane.SAGITTAL, axial)).isEqualTo(3);
    // tilted 12 degrees about x: axial for MR (20), not for CT (10); sagittal either way
    double a = Math.toRadians(12);
    double[] tilted = {1, 0, 0, 0, Math.cos(a), Math.sin(a)};
    assertThat(PlaneResolver.dicomAxisAtAnyThreshold(SlicePlane.AXIAL, tilted)).isEqualTo(-1);
    assertThat(PlaneResolver.dicomAxisAtAnyThreshold(SlicePlane.SAGITTAL, tilted)).isEqualTo(3);
    // tilted 8 degrees: within every threshold
    double b = Math.toRadians(8);
    double[] slight = {1, 0, 0, 0, Math.cos(b), Math.sin(b)};
    assertThat(PlaneResolver.dicomAxisAtAnyThreshold(SlicePlane.AXIAL, slight)).isEqualTo(1);
  }
}
