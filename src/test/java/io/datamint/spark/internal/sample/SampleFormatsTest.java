package io.datamint.spark.internal.sample;

import static io.datamint.spark.internal.sample.Mirror.identifier;
import static io.datamint.spark.internal.sample.Mirror.type;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.testing.ExternalTool;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's files are real files of their formats, as independent readers see them: dcmdump and
 * pydicom for DICOM, nibabel for NIfTI, ffprobe for the videos, ImageIO for the PNGs.
 */
class SampleFormatsTest {

  @TempDir static Path shared;
  private static Mirror mirror;

  @BeforeAll
  static void generate() throws IOException {
    SampleProject.write(shared.resolve("sample"), 42);
    mirror = Mirror.read(shared.resolve("sample"));
  }

  @Test
  void dcmdumpReadsEveryDicomWithoutWarnings() {
    ExternalTool.assumeAvailable("dcmdump", "apt-get install dcmtk");
    for (JsonNode r : ofStorage("DicomResource")) {
      String file = mirror.resourceFile(r.get("id").asText()).toString();
      ExternalTool.Result dump = ExternalTool.run("dcmdump", "-M", file).assertSuccess();
      String all = dump.stdout() + dump.stderr();
      assertThat(all.lines().filter(l -> l.startsWith("W:") || l.startsWith("E:")))
          .as(dump.describe("reported problems"))
          .isEmpty();
      assertThat(dump.stdout())
          .contains(
              "(0002,0010) UI =LittleEndianExplicit",
              "(0008,0016) UI =CTImageStorage",
              "(0028,0008) IS [16]",
              "(0028,0103) US 1",
              "(0028,1052) DS [-1024]",
              "(7fe0,0010) OW",
              "(0010,0020) LO [" + r.get("patient_id").asText() + "]");
    }
  }

  @Test
  void pydicomDecodesEveryDicomToHounsfieldUnits() throws Exception {
    ExternalTool.assumePythonModules("pydicom", "numpy");
    List<JsonNode> dicoms = ofStorage("DicomResource");
    JsonNode info = python("dicom_info.py", dicoms);
    for (JsonNode r : dicoms) {
      JsonNode d = info.get(mirror.resourceFile(r.get("id").asText()).toString());
      JsonNode meta = r.get("metadata");
      assertThat(d.get("shape"))
          .hasToString(
              "["
                  + meta.get("frame_count").asInt()
                  + ","
                  + meta.get("height").asInt()
                  + ","
                  + meta.get("width").asInt()
                  + "]");
      assertThat(d.get("dtype").asText()).isEqualTo("int16");
      assertThat(d.get("patient_id").asText()).isEqualTo(r.get("patient_id").asText());
      assertThat(d.get("hu_min").asDouble()).isBetween(-1024.0, -900.0); // air
      assertThat(d.get("hu_max").asDouble()).isBetween(400.0, 1000.0); // bone
    }
  }

  @Test
  void nibabelLoadsEveryVolumeAndMaskWithMatchingGeometry() throws Exception {
    ExternalTool.assumePythonModules("nibabel", "numpy");
    List<JsonNode> volumes = ofStorage("NiftiResource");
    List<JsonNode> masks =
        mirror.annotations().stream()
            .filter(a -> type(a).equals("segmentation"))
            .filter(a -> volumes.stream().anyMatch(v -> v.get("id").equals(a.get("resource_id"))))
            .toList();
    assertThat(masks).hasSizeGreaterThanOrEqualTo(4);
    List<Path> files = new ArrayList<>();
    volumes.forEach(v -> files.add(mirror.resourceFile(v.get("id").asText())));
    masks.forEach(m -> files.add(mirror.annotationFile(m.get("id").asText())));
    JsonNode info = python("nifti_info.py", files.stream().map(Path::toString).toList());

    for (JsonNode v : volumes) {
      JsonNode vol = info.get(mirror.resourceFile(v.get("id").asText()).toString());
      JsonNode meta = v.get("metadata");
      assertThat(vol.get("shape"))
          .hasToString(
              "["
                  + meta.get("width").asInt()
                  + ","
                  + meta.get("height").asInt()
                  + ","
                  + meta.get("frame_count").asInt()
                  + "]");
      assertThat(vol.get("shape")).as("metadata shape").isEqualTo(meta.get("shape"));
      assertThat(vol.get("axcodes")).as("metadata axcodes").isEqualTo(meta.get("axcodes"));
      assertThat(vol.get("dtype").asText()).isEqualTo("int16");
      assertThat(vol.get("qform_code").asInt()).isEqualTo(1);
      assertThat(vol.get("sform_code").asInt()).isEqualTo(1);
      assertThat(vol.get("qform_matches_sform").asBoolean())
          .as("quaternion consistent with srow")
          .isTrue();
      assertThat(vol.get("min").asDouble()).as("scaled to HU").isBetween(-1024.0, -900.0);
      assertThat(vol.get("max").asDouble()).isBetween(400.0, 1000.0);
    }
    assertThat(info.get(fileOf("CT_CHEST_P003.nii.gz")).get("axcodes"))
        .hasToString("[\"L\",\"P\",\"I\"]");
    assertThat(info.get(fileOf("CT_ABD_P001.nii.gz")).get("axcodes"))
        .hasToString("[\"L\",\"P\",\"S\"]");

    for (JsonNode m : masks) {
      JsonNode mask = info.get(mirror.annotationFile(m.get("id").asText()).toString());
      JsonNode vol = info.get(mirror.resourceFile(m.get("resource_id").asText()).toString());
      assertThat(mask.get("shape")).as(identifier(m) + " mask shape").isEqualTo(vol.get("shape"));
      assertThat(mask.get("affine"))
          .as(identifier(m) + " mask affine")
          .isEqualTo(vol.get("affine"));
      assertThat(mask.get("dtype").asText()).isEqualTo("uint8");
      assertThat(mask.get("max").asDouble())
          .as(identifier(m) + " mask is not empty")
          .isEqualTo(1.0);
    }
  }

  @Test
  void ffprobeCountsEveryVideoFrame() {
    ExternalTool.assumeAvailable("ffprobe", "apt-get install ffmpeg");
    for (JsonNode r : ofStorage("VideoResource")) {
      String file = mirror.resourceFile(r.get("id").asText()).toString();
      ExternalTool.Result probe =
          ExternalTool.run(
                  "ffprobe",
                  "-v",
                  "error",
                  "-count_frames",
                  "-select_streams",
                  "v:0",
                  "-show_entries",
                  "stream=nb_read_frames,codec_name,width,height",
                  "-of",
                  "default=noprint_wrappers=1",
                  file)
              .assertSuccess();
      assertThat(probe.stderr()).as(probe.describe("reported errors")).isBlank();
      assertThat(probe.stdout().lines())
          .contains("codec_name=h264", "width=128", "height=96", "nb_read_frames=24");
    }
  }

  @Test
  void imageIoReadsEveryPngWithItsDeclaredSize() throws IOException {
    for (JsonNode r : ofStorage("ImageResource")) {
      BufferedImage img = ImageIO.read(mirror.resourceFile(r.get("id").asText()).toFile());
      assertThat(img).as(r.get("filename").asText()).isNotNull();
      assertThat(img.getWidth()).isEqualTo(r.get("metadata").get("width").asInt());
      assertThat(img.getHeight()).isEqualTo(r.get("metadata").get("height").asInt());
    }
    assertThat(readPng("CXR_P003_AP_16bit.png").getType())
        .isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
    assertThat(readPng("CXR_P001_PA.png").getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(readPng("CXR_P006_PA_rgb.png").getColorModel().getNumComponents()).isEqualTo(3);
  }

  @Test
  void pngMasksAreBinaryAndFitTheirResource() throws IOException {
    for (JsonNode a : mirror.annotations()) {
      if (!type(a).equals("segmentation")) {
        continue;
      }
      JsonNode r =
          mirror.resources().stream()
              .filter(x -> x.get("id").equals(a.get("resource_id")))
              .findFirst()
              .orElseThrow();
      if (r.get("storage").asText().equals("NiftiResource")) {
        continue;
      }
      BufferedImage mask = ImageIO.read(mirror.annotationFile(a.get("id").asText()).toFile());
      assertThat(mask.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
      JsonNode meta = r.get("metadata");
      int width =
          meta.has("streams")
              ? meta.get("streams").get(0).get("width").asInt()
              : meta.get("width").asInt();
      int height =
          meta.has("streams")
              ? meta.get("streams").get(0).get("height").asInt()
              : meta.get("height").asInt();
      assertThat(mask.getWidth()).isEqualTo(width);
      assertThat(mask.getHeight()).isEqualTo(height);
      Raster raster = mask.getRaster();
      int on = 0;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          int v = raster.getSample(x, y, 0);
          assertThat(v).isIn(0, 255);
          on += v == 255 ? 1 : 0;
        }
      }
      assertThat(on).as(identifier(a) + " mask is not empty").isPositive();
    }
  }

  @Test
  void radiographMasksCoverTheDrawnAnatomy() throws IOException {
    JsonNode r = mirror.resource("CXR_P001_PA.png");
    BufferedImage img = readPng("CXR_P001_PA.png");
    for (JsonNode a : mirror.annotationsOf(r.get("id").asText())) {
      if (!type(a).equals("segmentation")) {
        continue;
      }
      Raster mask = ImageIO.read(mirror.annotationFile(a.get("id").asText()).toFile()).getRaster();
      double inside = meanWhere(img.getRaster(), mask, true);
      double outside = meanWhere(img.getRaster(), mask, false);
      if (identifier(a).equals("lung")) {
        assertThat(inside).as("aerated lung is darker than the rest").isLessThan(outside - 20);
      } else {
        assertThat(inside).as("the heart is brighter than the rest").isGreaterThan(outside + 20);
      }
    }
  }

  private static double meanWhere(Raster img, Raster mask, boolean on) {
    double sum = 0;
    int n = 0;
    for (int y = 0; y < img.getHeight(); y++) {
      for (int x = 0; x < img.getWidth(); x++) {
        if ((mask.getSample(x, y, 0) != 0) == on) {
          sum += img.getSample(x, y, 0);
          n++;
        }
      }
    }
    return sum / n;
  }

  private static BufferedImage readPng(String filename) throws IOException {
    return ImageIO.read(mirror.resourceFile(mirror.resource(filename).get("id").asText()).toFile());
  }

  private static String fileOf(String filename) {
    return mirror.resourceFile(mirror.resource(filename).get("id").asText()).toString();
  }

  private static List<JsonNode> ofStorage(String storage) {
    List<JsonNode> list =
        mirror.resources().stream().filter(r -> r.get("storage").asText().equals(storage)).toList();
    assertThat(list).as(storage).isNotEmpty();
    return list;
  }

  private static JsonNode python(String script, List<?> args)
      throws IOException, URISyntaxException {
    Path path = Path.of(SampleFormatsTest.class.getResource(script).toURI());
    List<String> command = new ArrayList<>(List.of(ExternalTool.PYTHON, path.toString()));
    args.forEach(
        a ->
            command.add(
                a instanceof JsonNode j
                    ? mirror.resourceFile(j.get("id").asText()).toString()
                    : a.toString()));
    ExternalTool.Result r = ExternalTool.run(ExternalTool.DEFAULT_TIMEOUT, command).assertSuccess();
    return new ObjectMapper().readTree(r.stdout());
  }
}
