package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.SampleReads;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Slices and frames as rows, through {@code spark.read} on the sample project. */
class SliceReadTest {

  @TempDir static Path tmp;
  static SampleReads sample;

  @BeforeAll
  static void writeSample() throws Exception {
    sample = SampleReads.write(tmp.resolve("s"), "batch_size", "7");
  }

  private static Dataset<Row> read(String... options) {
    return sample.read(options);
  }

  @Test
  void axialSlicesAreRowsWithTheVolumesPixels() {
    List<Row> slices =
        read("slice", "axial")
            .where("filename = 'CT_ABD_P001.nii.gz'")
            .select("slice_index", "slice_axis", "image")
            .orderBy("slice_index")
            .collectAsList();
    assertThat(slices).hasSize(20);
    Row whole =
        read().where("filename = 'CT_ABD_P001.nii.gz'").select("image").first().getStruct(0);
    byte[] volume = SampleReads.tensorBytes(whole); // (1, 20, 64, 64) int16
    int plane = 64 * 64 * 2;
    for (Row slice : slices) {
      int i = slice.getInt(0);
      assertThat(slice.getString(1)).isEqualTo("axial");
      assertThat(slice.getStruct(2).getList(1)).containsExactly(1, 64, 64);
      assertThat(SampleReads.tensorBytes(slice.getStruct(2)))
          .isEqualTo(Arrays.copyOfRange(volume, i * plane, (i + 1) * plane));
    }
  }

  @Test
  void coronalSlicesCutTheHeightAxis() {
    List<Row> slices =
        read("slice", "coronal")
            .where("filename = 'CT_ABD_P002.nii.gz'")
            .select("slice_index", "image.shape")
            .collectAsList();
    assertThat(slices).hasSize(56); // (1, 18, 56, 64): H = 56
    assertThat(slices.get(0).getList(1)).containsExactly(1, 18, 64);
  }

  @Test
  void imagesStayOneRowAndDicomVolumesAreSliced() {
    Map<String, Long> rows = new java.util.HashMap<>();
    for (Row r : read("slice", "axial").groupBy("filename").count().collectAsList()) {
      rows.put(r.getString(0), r.getLong(1));
    }
    assertThat(rows.get("CXR_P001_PA.png")).isEqualTo(1);
    assertThat(rows.get("CT_ABD_P001_portal.dcm")).isEqualTo(16);
    assertThat(rows.get("US_CAROTID_P004.mp4")).isEqualTo(1);
  }

  @Test
  void sliceIndexPredicatesAreEvaluatedInTheExecutors() {
    Dataset<Row> df =
        read("slice", "axial")
            .where("slice_index BETWEEN 3 AND 5")
            .select("filename", "slice_index");
    assertThat(df.queryExecution().executedPlan().toString()).doesNotContain("Filter ");
    List<Row> rows = df.collectAsList();
    assertThat(rows).hasSize(3 * 5); // 3 NIfTI + 2 DICOM volumes, slices 3, 4, 5 each
    assertThat(rows).allSatisfy(r -> assertThat(r.getInt(1)).isBetween(3, 5));
  }

  @Test
  void framesOfVideosCarryTheirMasksAndFrameLabels() {
    List<Row> frames =
        read("frame_by_frame", "true")
            .where("filename = 'US_CAROTID_P004.mp4'")
            .select("frame_index", "image.shape", "segmentations", "frame_labels")
            .orderBy("frame_index")
            .collectAsList();
    assertThat(frames).hasSize(24);
    for (Row frame : frames) {
      int f = frame.getInt(0);
      assertThat(frame.getList(1)).containsExactly(3, 96, 128);
      Row alice = (Row) frame.getJavaMap(2).get("alice@example.com");
      assertThat(alice.getList(1)).containsExactly(1, 96, 128);
      int ones = 0;
      for (byte b : SampleReads.tensorBytes(alice)) {
        ones += b;
      }
      assertThat(ones > 0).as("frame " + f).isEqualTo(f == 0 || f == 8 || f == 16 || f == 23);
      Row labels = (Row) frame.getJavaMap(3).get("bob@example.com");
      assertThat(labels.getList(1)).containsExactly(1);
      assertThat(
              ByteBuffer.wrap(SampleReads.tensorBytes(labels))
                  .order(java.nio.ByteOrder.LITTLE_ENDIAN)
                  .getInt(0))
          .isEqualTo(f == 12 ? 1 : 0);
    }
  }

  @Test
  void slicedMasksFollowTheImage() {
    List<Row> slices =
        read("slice", "axial")
            .where("filename = 'CT_ABD_P001.nii.gz' AND slice_index = 10")
            .select("image.shape", "segmentations")
            .collectAsList();
    assertThat(slices).hasSize(1);
    Row alice = (Row) slices.get(0).getJavaMap(1).get("alice@example.com");
    assertThat(alice.getList(1)).containsExactly(2, 64, 64);
  }

  @Test
  void partitionsAreBalancedByRows() {
    assertThat(read("slice", "axial", "target_partition_rows", "40").rdd().getNumPartitions())
        .isGreaterThan(2);
  }

  @Test
  void multiFrameDicomIsReadFrameByFrameWhenNotSliced() {
    List<Row> frames =
        read("frame_by_frame", "true")
            .where("filename = 'CT_CHEST_P004.dcm' AND frame_index < 4")
            .select("frame_index", "image.shape")
            .orderBy("frame_index")
            .collectAsList();
    assertThat(frames).extracting(r -> r.getInt(0)).containsExactly(0, 1, 2, 3);
    assertThat(frames.get(0).getList(1)).containsExactly(1, 48, 64);
  }

  @Test
  void semanticMasksAreSlicedToo() {
    Row slice =
        read(
                "slice",
                "axial",
                "return_as_semantic_segmentation",
                "true",
                "semantic_seg_merge_strategy",
                "union")
            .where("filename = 'CT_ABD_P001.nii.gz' AND slice_index = 7")
            .select("segmentations")
            .first();
    assertThat(slice.getStruct(0).getList(1)).containsExactly(7, 64, 64);
  }
}
