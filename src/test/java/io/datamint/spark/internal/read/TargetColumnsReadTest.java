package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The target columns on the sample project, through {@code spark.read}. Expected values come from
 * the sample's JSON (its two worklists: image labels pneumonia, nodule, fracture; categories
 * quality=good|poor, view=PA|AP|LAT; frame label artifact; segmentation group lung 1, heart 2,
 * liver 4, tumor 5, vessel 6) and its annotations: on CXR_P001_PA.png alice labels pneumonia,
 * categorizes view=PA and outlines lung and heart, bob categorizes quality=good and outlines lung;
 * on US_CAROTID_P004.mp4 both mark artifact on frame 12, alice draws vessel on frames 0, 8, 16, 23
 * and bob on frame 8; on CT_ABD_P001.nii.gz alice draws liver and tumor, a model draws liver.
 */
class TargetColumnsReadTest {

  @TempDir static Path tmp;
  static SparkSession spark;
  static String mirror;

  @BeforeAll
  static void writeSample() throws Exception {
    spark = SharedSpark.session();
    mirror = SampleProject.write(tmp.resolve("s"), SampleProject.DEFAULT_SEED).dir().toString();
  }

  private static Row row(String filename, Map<String, String> options, String... columns) {
    Dataset<Row> df =
        spark
            .read()
            .format("datamint")
            .options(options)
            .load(mirror)
            .where("filename = '" + filename + "'");
    return df.selectExpr(columns).first();
  }

  private static List<Integer> ints(Object seq) {
    return CollectionConverters.asJava((scala.collection.Seq<Integer>) seq);
  }

  @Test
  void imageLabelsAndCategoriesPerAnnotator() {
    Row r = row("CXR_P001_PA.png", Map.of(), "image_labels", "image_categories");
    Map<String, Object> labels = r.getJavaMap(0);
    assertThat(labels).containsOnlyKeys("alice@example.com");
    assertThat(ints(labels.get("alice@example.com"))).containsExactly(1, 0, 0);
    assertThat(r.<String, Integer>getJavaMap(1))
        .containsExactlyInAnyOrderEntriesOf(Map.of("alice@example.com", 2, "bob@example.com", 0));
  }

  @Test
  void mergedLabelsAndCategories() {
    Row r =
        row(
            "CXR_P001_PA.png",
            Map.of(
                "image_labels_merge_strategy", "union", "image_categories_merge_strategy", "mode"),
            "image_labels",
            "image_categories");
    assertThat(r.getList(0)).containsExactly(1, 0, 0);
    assertThat(r.getInt(1))
        .isZero(); // view=PA (2) vs quality=good (0): a tie goes to the lowest index
    Row multiHot =
        row(
            "CXR_P001_PA.png",
            Map.of("image_categories_merge_strategy", "union"),
            "image_categories");
    assertThat(multiHot.getList(0)).containsExactly(1, 0, 1, 0, 0);
  }

  @Test
  void frameLabelsPerAnnotator() {
    Row r = row("US_CAROTID_P004.mp4", Map.of(), "frame_labels");
    Map<String, Row> frames = r.getJavaMap(0);
    assertThat(frames).containsOnlyKeys("alice@example.com", "bob@example.com");
    Row alice = frames.get("alice@example.com");
    assertThat(alice.getString(0)).isEqualTo("int32");
    assertThat(alice.getList(1)).containsExactly(24, 1);
    ByteBuffer values = ByteBuffer.wrap((byte[]) alice.get(2)).order(ByteOrder.LITTLE_ENDIAN);
    for (int f = 0; f < 24; f++) {
      assertThat(values.getInt(4 * f)).as("frame " + f).isEqualTo(f == 12 ? 1 : 0);
    }
  }

  @Test
  void instanceMasksPerAuthorWithTheirCodes() {
    Row png = row("CXR_P001_PA.png", Map.of(), "segmentations", "seg_labels");
    Map<String, Row> masks = png.getJavaMap(0);
    assertThat(masks.get("alice@example.com").getList(1)).containsExactly(2, 128, 128);
    assertThat(masks.get("bob@example.com").getList(1)).containsExactly(1, 128, 128);
    Map<String, Object> codes = png.getJavaMap(1);
    assertThat(ints(codes.get("alice@example.com"))).containsExactly(1, 2);
    Row ct = row("CT_ABD_P001.nii.gz", Map.of(), "segmentations", "seg_labels");
    Map<String, Object> ctCodes = ct.getJavaMap(1);
    assertThat(ints(ctCodes.get("alice@example.com"))).containsExactly(4, 5);
    assertThat(ints(ctCodes.get("liver-seg-unet-v3")))
        .containsExactly(4); // created_by_model as author key
    assertThat(((Row) ct.getJavaMap(0).get("alice@example.com")).getList(1))
        .containsExactly(2, 20, 64, 64);
  }

  @Test
  void frameScopedMasksArePlacedAtTheirFrames() {
    Row video = row("US_CAROTID_P004.mp4", Map.of(), "segmentations");
    Row alice = (Row) video.getJavaMap(0).get("alice@example.com");
    assertThat(alice.getList(1)).containsExactly(1, 24, 96, 128);
    byte[] mask = (byte[]) alice.get(2);
    int plane = 96 * 128;
    for (int f = 0; f < 24; f++) {
      int ones = 0;
      for (int p = 0; p < plane; p++) {
        ones += mask[f * plane + p];
      }
      assertThat(ones > 0).as("frame " + f).isEqualTo(f == 0 || f == 8 || f == 16 || f == 23);
    }
  }

  @Test
  void semanticMasksMergedAcrossAuthors() {
    Row r =
        row(
            "CXR_P001_PA.png",
            Map.of(
                "return_as_semantic_segmentation", "true", "semantic_seg_merge_strategy", "union"),
            "segmentations");
    Row merged = r.getStruct(0);
    assertThat(merged.getString(0)).isEqualTo("float32");
    assertThat(merged.getList(1))
        .containsExactly(7, 128, 128); // background + lung, heart, UNKNOWN, liver, ...
  }

  @Test
  void labelNamesAreInTheFieldMetadata() {
    var schema = spark.read().format("datamint").load(mirror).schema();
    assertThat(schema.apply("image_labels").metadata().getString("labels"))
        .isEqualTo("[\"pneumonia\",\"nodule\",\"fracture\"]");
    assertThat(schema.apply("seg_labels").metadata().getString("labels"))
        .isEqualTo(
            "[\"background\",\"lung\",\"heart\",\"UNKNOWN\",\"liver\",\"tumor\",\"vessel\"]");
    assertThat(schema.apply("image_categories").metadata().getString("labels"))
        .isEqualTo("[\"quality=good\",\"quality=poor\",\"view=PA\",\"view=AP\",\"view=LAT\"]");
  }

  @Test
  void optionsAreValidatedAtLoadAsTheSdk() {
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("semantic_seg_merge_strategy", "union")
                    .load(mirror))
        .hasMessageContaining("needs \"return_as_semantic_segmentation\" = true");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("include_annotators", "a")
                    .option("exclude_annotators", "b")
                    .load(mirror))
        .hasMessageContaining("include_annotators")
        .hasMessageContaining("exclude_annotators");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("image_labels_merge_strategy", "majority")
                    .load(mirror))
        .hasMessageContaining("union, intersection, mode");
  }

  @Test
  void annotatorFiltersApply() {
    Row r =
        row(
            "CXR_P001_PA.png",
            Map.of("exclude_annotators", "bob@example.com"),
            "seg_labels",
            "image_categories");
    assertThat(r.<String, Object>getJavaMap(0)).containsOnlyKeys("alice@example.com");
    assertThat(r.<String, Object>getJavaMap(1)).containsOnlyKeys("alice@example.com");
  }
}
