package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorReadTest {

  @TempDir static Path tmp;
  static Path mirror;
  static SparkSession spark;

  @BeforeAll
  static void setUp() {
    spark = SharedSpark.session();
    mirror =
        TestMirror.in(tmp.resolve("tiny"))
            .image("r1", "a.png", "CR", "p1", "chest", "xray")
            .image("r2", "b.png", "DX", "p2", "xray")
            .image("r3", "c.png", "CR", null, "abdomen")
            .label("a1", "r1", "pneumonia", "alice@example.com")
            .annotationLine(
                "{\"id\": \"a2\", \"resource_id\": \"r1\", \"annotation_type\": \"category\", "
                    + "\"identifier\": \"quality\", \"text_value\": \"good\", \"created_by\": \"bob@example.com\", "
                    + "\"frame_index\": 3}")
            .write();
  }

  private Dataset<Row> read() {
    return spark.read().format("datamint").option("worklists", "none").load(mirror.toString());
  }

  @Test
  void readsOneRowPerResourceInSourceOrder() {
    List<Row> rows =
        read().select("resource_id", "filename", "modality", "patient_id", "tags").collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).containsExactly("r1", "r2", "r3");
    assertThat(rows.get(0).getList(4)).containsExactly("chest", "xray");
    assertThat(rows.get(2).isNullAt(3)).isTrue();
  }

  @Test
  void annotationsColumnNormalizesShortAndLongKeys() {
    List<Row> rows =
        read()
            .where("resource_id = 'r1'")
            .selectExpr("inline(annotations)")
            .select(
                "id",
                "identifier",
                "annotation_type",
                "created_by",
                "scope",
                "frame_index",
                "text_value")
            .orderBy("id")
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).toString())
        .isEqualTo("[a1,pneumonia,label,alice@example.com,image,null,null]");
    assertThat(rows.get(1).toString())
        .isEqualTo("[a2,quality,category,bob@example.com,frame,3,good]");
  }

  @Test
  void pushesAttributePredicatesAndTagFilters() {
    Dataset<Row> df =
        read().where("modality = 'CR' AND array_contains(tags, 'chest')").select("resource_id");
    String plan = df.queryExecution().executedPlan().toString();
    assertThat(plan).contains("PushedTags=[chest]").contains("PushedPredicates=");
    assertThat(df.collectAsList()).extracting(r -> r.getString(0)).containsExactly("r1");
  }

  @Test
  void misspelledOptionFailsAtLoad() {
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("filname_pattern", "*.png")
                    .load(mirror.toString()))
        .hasMessageContaining("filname_pattern")
        .hasMessageContaining("did you mean \"filename_pattern\"");
  }
}
