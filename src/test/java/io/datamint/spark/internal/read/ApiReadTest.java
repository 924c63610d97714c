package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading a project through the Datamint REST API (the local server over the sample mirror) gives
 * exactly the DataFrame that reading the mirror gives: every column, pixels and masks included,
 * with and without injected faults.
 */
class ApiReadTest {

  private static final String KEY = "dm-read-test-key-91c2";

  /** Between the sample's two split waves (2026-03-01 and 2026-04-15). */
  private static final String AS_OF = "2026-04-01T00:00:00Z";

  @TempDir static Path root;
  static SparkSession spark;
  static SampleProject.Summary sample;
  static DatamintApiServer server;
  static DatamintApiServer flaky;

  @BeforeAll
  static void serve() throws IOException {
    spark = SharedSpark.session();
    sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    server = DatamintApiServer.start(root, 0, Optional.of(KEY), FaultPlan.NONE);
    flaky =
        DatamintApiServer.start(
            root,
            0,
            Optional.of(KEY),
            FaultPlan.parse(
                "rate429=0.1,retryAfter=0,rate500=0.1,truncateRate=0.1,dropRate=0.05,seed=3"));
  }

  @AfterAll
  static void stop() {
    server.close();
    flaky.close();
  }

  private static Dataset<Row> api(DatamintApiServer on, Map<String, String> options) {
    return spark
        .read()
        .format("datamint")
        .option("server_url", on.url())
        .option("api_key", KEY)
        .option("project", SampleProject.NAME)
        .option("api_max_attempts", "12")
        .options(options)
        .load();
  }

  private static Dataset<Row> mirror(Map<String, String> options) {
    return spark.read().format("datamint").options(options).load(sample.dir().toString());
  }

  /**
   * Every row as JSON (binary as base64), sorted: equal lists mean equal DataFrames, tensors
   * included.
   */
  private static List<String> rows(Dataset<Row> df) {
    List<String> json = new ArrayList<>(df.toJSON().collectAsList());
    Collections.sort(json);
    return json;
  }

  @Test
  void wholeResourcesWithMasksLabelsAndSplitsEqualTheMirror() {
    Map<String, String> o =
        ReadOptions.of(
            "return_segmentations", "true", "use_project_splits", "true", "as_of_timestamp", AS_OF);
    List<String> fromMirror = rows(mirror(o));
    assertThat(fromMirror).hasSize(sample.resources());
    assertThat(String.join("\n", fromMirror))
        .contains("\"segmentations\":{\"")
        .contains("\"split\":\"train\"");
    assertThat(api(server, o).schema()).isEqualTo(mirror(o).schema());
    assertThat(rows(api(server, o))).isEqualTo(fromMirror);
  }

  @Test
  void theSameUnderInjectedFaults() {
    Map<String, String> o =
        ReadOptions.of(
            "return_segmentations",
            "true",
            "use_project_splits",
            "true",
            "as_of_timestamp",
            AS_OF,
            "target_partition_bytes",
            "64k");
    assertThat(rows(api(flaky, o))).isEqualTo(rows(mirror(o)));
  }

  @Test
  void slicedVolumesWithMergedSemanticMasksEqualTheMirror() {
    Map<String, String> o =
        ReadOptions.of(
            "dataset",
            "volume",
            "slice",
            "axial",
            "return_segmentations",
            "true",
            "return_as_semantic_segmentation",
            "true",
            "semantic_seg_merge_strategy",
            "union");
    List<String> fromMirror = rows(mirror(o));
    assertThat(fromMirror).hasSizeGreaterThan(sample.resources());
    assertThat(rows(api(flaky, o))).isEqualTo(fromMirror);
  }

  @Test
  void currentSplitsComeFromTheServer() {
    Map<String, String> o = ReadOptions.of("use_project_splits", "true");
    List<Row> fromApi =
        api(server, o)
            .select("resource_id", "split", "split_source")
            .orderBy("resource_id")
            .collectAsList();
    List<Row> fromMirror =
        mirror(o)
            .select("resource_id", "split", "split_source")
            .orderBy("resource_id")
            .collectAsList();
    assertThat(fromApi).isEqualTo(fromMirror);
    assertThat(fromApi).extracting(r -> r.getString(2)).containsOnly("project_api", null);
  }

  @Test
  void anUnknownProjectOrARejectedKeyFailsAtLoadWithAClearMessage() {
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("server_url", server.url())
                    .option("api_key", KEY)
                    .option("project", "no-such-project")
                    .load())
        .hasMessageContaining("no project named \"no-such-project\"")
        .hasMessageContaining(SampleProject.NAME);
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("server_url", server.url())
                    .option("api_key", "not-the-key-55")
                    .option("project", SampleProject.NAME)
                    .load())
        .hasMessageContaining("API key rejected (401)")
        .hasMessageNotContaining("not-the-key-55");
    assertThatThrownBy(
            () -> spark.read().format("datamint").option("server_url", server.url()).load())
        .hasMessageContaining("needs option \"project\"");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("server_url", "ftp://example.org")
                    .option("project", "p")
                    .load())
        .hasMessageContaining("invalid value for option \"server_url\"");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("server_url", server.url())
                    .option("project", "p")
                    .option("api_timeout", "soon")
                    .load())
        .hasMessageContaining("\"api_timeout\"")
        .hasMessageContaining("30s");
  }

  @Test
  void aFileTheServerCannotSendIsARowErrorNamingTheCall(@TempDir Path other) throws IOException {
    SampleProject.Summary copy =
        SampleProject.write(other.resolve("sample"), SampleProject.DEFAULT_SEED);
    String missing =
        Files.readAllLines(copy.dir().resolve("resources.jsonl"))
            .get(0)
            .split("\"id\":\"")[1]
            .split("\"")[0];
    Files.delete(copy.dir().resolve("files/resources/" + missing));
    try (DatamintApiServer partial =
        DatamintApiServer.start(other, 0, Optional.empty(), FaultPlan.NONE)) {
      List<Row> rows =
          spark
              .read()
              .format("datamint")
              .option("server_url", partial.url())
              .option("project", SampleProject.NAME)
              .load()
              .select("resource_id", "image", "_error")
              .collectAsList();
      assertThat(rows).hasSize(copy.resources());
      Row bad = rows.stream().filter(r -> r.getString(0).equals(missing)).findFirst().orElseThrow();
      assertThat(bad.isNullAt(1)).isTrue();
      assertThat(bad.getString(2)).contains("GET /resources/" + missing + "/file").contains("404");
      assertThat(rows)
          .filteredOn(r -> !r.getString(0).equals(missing))
          .allSatisfy(r -> assertThat(r.isNullAt(2)).isTrue());
    }
  }
}
