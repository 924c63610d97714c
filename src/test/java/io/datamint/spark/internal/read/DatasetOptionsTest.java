package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's filter() and include_unannotated as read options, and load-time failures, through
 * spark.read.
 */
class DatasetOptionsTest {

  @TempDir static Path tmp;
  static SparkSession spark;
  static String mirror;

  @BeforeAll
  static void setUp() {
    spark = SharedSpark.session();
    mirror =
        TestMirror.in(tmp.resolve("p"))
            .image("r1", "chest_01.png", "CR", "p1", "chest", "xray")
            .image("r2", "chest_02.png", "CR", "p2", "chest")
            .image("r3", "knee_01.png", "DX", "p3", "knee")
            .image("r4", "notes.PNG", "OT", null)
            .label("a1", "r1", "pneumonia", "alice")
            .annotationLine(
                "{\"id\":\"a2\",\"resource_id\":\"r2\",\"type\":\"line\",\"name\":\"ruler\",\"index\":0}")
            .label("a3", "r3", "fracture", null)
            .write()
            .toString();
  }

  private List<String> ids(Map<String, String> options) {
    return spark
        .read()
        .format("datamint")
        .option("worklists", "none")
        .options(options)
        .load(mirror)
        .select("resource_id")
        .collectAsList()
        .stream()
        .map(r -> r.getString(0))
        .toList();
  }

  @Test
  void tagsKeepResourcesWithAnyListedTag() {
    assertThat(ids(Map.of("tags", "xray,knee"))).containsExactly("r1", "r3");
    assertThat(ids(Map.of("tags", "[]"))).isEmpty();
  }

  @Test
  void filenamePatternIsFnmatch() {
    assertThat(ids(Map.of("filename_pattern", "chest_??.png"))).containsExactly("r1", "r2");
    assertThat(ids(Map.of("filename_pattern", "*.png"))).containsExactly("r1", "r2", "r3");
  }

  @Test
  void hasAnnotationsAndAnnotationNames() {
    assertThat(ids(Map.of("has_annotations", "false"))).containsExactly("r4");
    assertThat(ids(Map.of("has_annotations", "true"))).containsExactly("r1", "r2", "r3");
    assertThat(ids(Map.of("annotation_names", "ruler,fracture"))).containsExactly("r2", "r3");
  }

  @Test
  void includeUnannotatedFalseDropsResourcesWithoutAnnotations() {
    assertThat(ids(Map.of("include_unannotated", "false"))).containsExactly("r1", "r2", "r3");
  }

  @Test
  void criteriaAreAnded() {
    assertThat(
            ids(
                Map.of(
                    "tags",
                    "chest",
                    "annotation_names",
                    "pneumonia",
                    "filename_pattern",
                    "chest*")))
        .containsExactly("r1");
  }

  @Test
  void theSameOptionsWorkFromSql() {
    spark.sql(
        "CREATE OR REPLACE TEMPORARY VIEW chest USING datamint OPTIONS (path '"
            + mirror
            + "', tags 'chest')");
    assertThat(spark.sql("SELECT count(*) FROM chest").first().getLong(0)).isEqualTo(2);
  }

  @Test
  void sessionConfProvidesDefaultsThatReadOptionsOverride() {
    spark.conf().set("spark.datamint.tags", "knee");
    try {
      assertThat(ids(Map.of())).containsExactly("r3");
      assertThat(ids(Map.of("tags", "chest"))).containsExactly("r1", "r2");
    } finally {
      spark.conf().unset("spark.datamint.tags");
    }
  }

  @Test
  void missingProjectJsonFailsAtLoadNamingTheFile() throws Exception {
    Path dir = TestMirror.in(tmp.resolve("broken")).image("r1", "a.png", "CR", null).write();
    Files.delete(dir.resolve("project.json"));
    assertThatThrownBy(() -> spark.read().format("datamint").load(dir.toString()))
        .hasMessageContaining("project.json");
  }

  @Test
  void malformedResourceLineFailsAtLoadNamingFileAndLine() {
    Path dir =
        TestMirror.in(tmp.resolve("bad-line"))
            .image("r1", "a.png", "CR", null)
            .image("r2", "b.png", "CR", null)
            .resourceLine("{\"id\": \"r3\" \"filename\": \"c.png\"}")
            .write();
    assertThatThrownBy(() -> spark.read().format("datamint").load(dir.toString()))
        .hasMessageContaining("resources.jsonl line 3: malformed JSON");
  }

  @Test
  void noSourceAndApiSourceAreExplained() {
    assertThatThrownBy(() -> spark.read().format("datamint").load())
        .hasMessageContaining("no project source")
        .hasMessageContaining("\"path\"");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("server_url", "http://127.0.0.1:9")
                    .option("api_key", "k-secret")
                    .load())
        .hasMessageContaining("needs option \"project\"")
        .hasMessageNotContaining("k-secret");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("server_url", "http://127.0.0.1:9")
                    .option("api_key", "k-secret")
                    .option("project", "p")
                    .option("api_max_attempts", "1")
                    .load())
        .hasMessageContaining("GET /projects on http://127.0.0.1:9 failed: ConnectException")
        .hasMessageNotContaining("k-secret");
  }

  @Test
  void prefetchOnlyOptionsFailAtLoadNamingTheOptionAndThePrefetch() {
    for (String key :
        List.of("prefetch_concurrency", "Prefetch_Partitions", "prefetch_include_annotations")) {
      assertThatThrownBy(() -> spark.read().format("datamint").option(key, "2").load(mirror))
          .as(key)
          .hasMessageContaining("option \"" + key + "\" applies only to a prefetch")
          .hasMessageContaining("DatamintPrefetch")
          .hasMessageContaining("bin/datamint-prefetch");
    }
    assertThatThrownBy(
            () ->
                spark.sql(
                    "CREATE OR REPLACE TEMPORARY VIEW pf USING datamint OPTIONS (path '"
                        + mirror
                        + "', prefetch_concurrency '4')"))
        .hasMessageContaining("\"prefetch_concurrency\" applies only to a prefetch");
  }

  @Test
  void prefetchDefaultsInTheSessionConfDoNotStopReads() {
    spark.conf().set("spark.datamint.prefetch_concurrency", "4");
    try {
      assertThat(ids(Map.of("tags", "knee"))).containsExactly("r3");
    } finally {
      spark.conf().unset("spark.datamint.prefetch_concurrency");
    }
  }
}
