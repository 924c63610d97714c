package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.DatasetKind;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.dataset.ItemLayout;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FormatDetector;
import io.datamint.spark.internal.decode.video.VideoReference;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pixels through {@code spark.read}: every resource of the sample project (NIfTI, DICOM, PNG, MP4)
 * decodes in the executors into the {@code image} tensor with the dataset's shape, and the bytes
 * that reach Spark are the decoder's, laid out for the dataset; the video also matches the ffmpeg
 * command line.
 */
class PixelReadTest {

  @TempDir static Path tmp;
  static SparkSession spark;
  static Path mirror;
  static Map<String, Row> rows = new HashMap<>();
  static int expectedResources;

  @BeforeAll
  static void readSample() throws Exception {
    spark = SharedSpark.session();
    SampleProject.Summary sample = SampleProject.write(tmp.resolve("sample"), 7);
    mirror = sample.dir();
    expectedResources = sample.resources();
    List<Row> all =
        spark
            .read()
            .format("datamint")
            .option("batch_size", "3")
            .load(mirror.toString())
            .select(
                "resource_id", "filename", "resource_kind", "image", "metainfo", "affine", "_error")
            .collectAsList();
    for (Row row : all) {
      rows.put(row.getString(1), row);
    }
  }

  private static List<Integer> shape(Row row) {
    return row.getStruct(3).getList(1);
  }

  @Test
  void everyResourceDecodesWithTheDatasetShape() {
    assertThat(shape(rows.get("CT_ABD_P001.nii.gz"))).containsExactly(1, 20, 64, 64);
    assertThat(shape(rows.get("CT_ABD_P002.nii.gz"))).containsExactly(1, 18, 56, 64);
    assertThat(shape(rows.get("CXR_P001_PA.png"))).containsExactly(1, 128, 128);
    assertThat(shape(rows.get("CXR_P003_AP_16bit.png"))).containsExactly(1, 128, 112);
    assertThat(rows.get("CXR_P003_AP_16bit.png").getStruct(3).getString(0)).isEqualTo("uint16");
    assertThat(shape(rows.get("CXR_P006_PA_rgb.png"))).containsExactly(3, 128, 128);
    assertThat(shape(rows.get("US_CAROTID_P004.mp4"))).containsExactly(3, 24, 96, 128);
    assertThat(shape(rows.get("CT_ABD_P001_portal.dcm"))).containsExactly(1, 16, 64, 64);
    assertThat(shape(rows.get("CT_CHEST_P004.dcm"))).containsExactly(1, 16, 48, 64);
    assertThat(rows.get("CT_CHEST_P004.dcm").getStruct(3).getString(0))
        .isEqualTo("float64"); // HU after rescale
    assertThat(rows.get("CT_CHEST_P004.dcm").getString(4)).contains("\"Modality\":\"CT\"");
    assertThat(rows).hasSize(expectedResources);
    for (Row row : rows.values()) {
      assertThat(row.isNullAt(6)).as(row.getString(1) + ": " + row.getString(6)).isTrue();
    }
    assertThat(rows.get("CT_ABD_P001.nii.gz").getList(5)).hasSize(16);
    assertThat(rows.get("CT_ABD_P001.nii.gz").getString(4)).contains("\"dim\"");
  }

  @Test
  void tensorBytesAreTheDecodersLaidOutForTheDataset() throws Exception {
    assertThat(rows).hasSize(expectedResources);
    for (Row row : rows.values()) {
      byte[] file = Files.readAllBytes(mirror.resolve("files/resources/" + row.getString(0)));
      PixelArray decoded =
          Decoders.forFormat(FormatDetector.detect(file, file.length, null, row.getString(1)))
              .decode(file, file.length, DecodeLimits.defaults())
              .pixels();
      PixelArray expected =
          ItemLayout.layout(
              DatasetKind.AUTO, ResourceKind.valueOf(row.getString(2).toUpperCase()), decoded);
      Row tensor = row.getStruct(3);
      assertThat(tensor.getString(0)).isEqualTo(expected.dtype().numpyName());
      assertThat(tensor.getList(1))
          .containsExactlyElementsOf(java.util.Arrays.stream(expected.shape()).boxed().toList());
      ByteBuffer data = expected.data().duplicate().position(0);
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      assertThat((byte[]) tensor.get(2)).as(row.getString(1)).isEqualTo(bytes);
    }
  }

  @Test
  void videoMatchesTheFfmpegCommandLineChannelsFirst() throws Exception {
    VideoReference.assumeFfmpeg();
    Row row = rows.get("US_CAROTID_P004.mp4");
    byte[] packed =
        VideoReference.ffmpegRgb24(
            mirror.resolve("files/resources/" + row.getString(0)), tmp, null);
    byte[] planar = (byte[]) row.getStruct(3).get(2);
    int frames = 24;
    int pixels = 96 * 128;
    assertThat(packed).hasSize(planar.length);
    for (int f = 0; f < frames; f++) {
      for (int p = 0; p < pixels; p++) {
        for (int c = 0; c < 3; c++) {
          if (planar[(c * frames + f) * pixels + p] != packed[(f * pixels + p) * 3 + c]) {
            throw new AssertionError("frame " + f + " pixel " + p + " channel " + c + " differs");
          }
        }
      }
    }
  }

  @Test
  void imageDatasetRefusesMultiFrameFilesAsImageDatasetDoes() {
    Map<String, Row> byName = new HashMap<>();
    for (Row row :
        spark
            .read()
            .format("datamint")
            .option("dataset", "image")
            .load(mirror.toString())
            .select("filename", "image", "_error")
            .collectAsList()) {
      byName.put(row.getString(0), row);
    }
    assertThat(byName.get("US_CAROTID_P004.mp4").getString(2))
        .contains("single-frame")
        .contains("24 frames");
    assertThat(byName.get("CT_ABD_P001.nii.gz").getString(2)).contains("20 frames");
    assertThat(byName.get("CXR_P001_PA.png").isNullAt(2)).isTrue();
    assertThat(byName.get("CXR_P001_PA.png").getStruct(1).getList(1)).containsExactly(1, 128, 128);
    Row asVolume =
        spark
            .read()
            .format("datamint")
            .option("dataset", "volume")
            .load(mirror.toString())
            .where("filename = 'CXR_P001_PA.png'")
            .select("image.shape")
            .first();
    assertThat(asVolume.getList(0)).containsExactly(1, 1, 128, 128);
  }
}
