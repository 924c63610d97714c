package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.prefetch.PrefetchFileResult;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The prefetch end to end against the local API server over the sample project: the mirror it
 * writes reads like the API, holds the same bytes, and a second run downloads only what is missing
 * or changed.
 */
class PrefetchTest {

  private static final int RESOURCES = 13;
  private static final int MASKS = 19;

  @TempDir Path tmp;
  PrefetchFixture fx;
  SparkSession spark;

  @BeforeEach
  void start() throws IOException {
    spark = SharedSpark.session();
    fx = PrefetchFixture.start(tmp);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  private static List<String> json(Dataset<Row> df) {
    return df.orderBy("resource_id").toJSON().collectAsList();
  }

  private static List<JsonNode> lines(Path file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (!line.isBlank()) {
        out.add(Json.MAPPER.readTree(line));
      }
    }
    return out;
  }

  @Test
  void theMirrorReadsLikeTheApiAndHoldsTheSameBytes() throws IOException {
    Path out = tmp.resolve("out");
    PrefetchReport report = fx.prefetch(out, "prefetch_concurrency", "4");

    assertThat(report.failures()).isEmpty();
    assertThat(report.downloaded()).isEqualTo(RESOURCES + MASKS);
    assertThat(report.skipped()).isZero();
    assertThat(report.resources()).isEqualTo(RESOURCES);
    assertThat(report.files()).hasSize(RESOURCES + MASKS);
    assertThat(report.files().subList(0, RESOURCES))
        .extracting(PrefetchFileResult::resourceId)
        .containsExactlyElementsOf(fx.resourceIds());
    assertThat(report.metrics())
        .containsEntry(PrefetchMetrics.FILES_DOWNLOADED, (long) RESOURCES + MASKS)
        .containsEntry(PrefetchMetrics.FILES_SKIPPED, 0L)
        .containsEntry(PrefetchMetrics.FILES_FAILED, 0L)
        .containsEntry(PrefetchMetrics.BYTES_DOWNLOADED, report.bytesDownloaded());
    assertThat(report.elapsed()).isPositive();
    assertThat(report.toDataFrame(spark).where("status = 'downloaded'").count())
        .isEqualTo(RESOURCES + MASKS);

    // the same files, byte for byte, and nothing else but the version records
    Path files = fx.source.resolve("files");
    assertThat(PrefetchFixture.files(out.resolve("files"))).isEqualTo(PrefetchFixture.files(files));
    for (String file : PrefetchFixture.files(files)) {
      assertThat(Files.readAllBytes(out.resolve("files").resolve(file)))
          .as(file)
          .isEqualTo(Files.readAllBytes(files.resolve(file)));
    }
    assertThat(PrefetchFixture.files(out.resolve(".prefetch"))).hasSize(RESOURCES + MASKS);
    long bytes = 0;
    for (String file : PrefetchFixture.files(files)) {
      bytes += Files.size(files.resolve(file));
    }
    assertThat(report.bytesDownloaded()).isEqualTo(bytes);

    // the metadata: the server's JSON, every resource and annotation, the current split assignments
    assertThat(lines(out.resolve("resources.jsonl")))
        .isEqualTo(lines(fx.source.resolve("resources.jsonl")));
    assertThat(lines(out.resolve("annotations.jsonl")))
        .isEqualTo(lines(fx.source.resolve("annotations.jsonl")));
    assertThat(Json.MAPPER.readTree(out.resolve("worklists.json").toFile()))
        .isEqualTo(Json.MAPPER.readTree(fx.source.resolve("worklists.json").toFile()));
    assertThat(Json.text(Json.MAPPER.readTree(out.resolve("project.json").toFile()), "name"))
        .isEqualTo(io.datamint.spark.internal.sample.SampleProject.NAME);
    assertThat(lines(out.resolve("splits.jsonl")))
        .isNotEmpty()
        .allSatisfy(s -> assertThat(s.get("deleted_at").isNull()).isTrue());

    // every column, pixels and masks included
    Dataset<Row> api =
        spark.read().format("datamint").options(fx.options("return_segmentations", "true")).load();
    Dataset<Row> mirror =
        spark.read().format("datamint").option("return_segmentations", "true").load(out.toString());
    List<String> fromApi = json(api);
    assertThat(fromApi).hasSize(RESOURCES);
    assertThat(api.where("_error IS NOT NULL").count()).isZero();
    assertThat(json(mirror)).isEqualTo(fromApi);

    // splits as of an instant after the prefetch: the current assignments, from either source
    Map<String, String> splits =
        Map.of("use_project_splits", "true", "as_of_timestamp", "2031-01-01T00:00:00Z");
    Dataset<Row> apiSplits =
        spark
            .read()
            .format("datamint")
            .options(fx.options())
            .options(splits)
            .load()
            .select("resource_id", "split", "split_source");
    Dataset<Row> mirrorSplits =
        spark
            .read()
            .format("datamint")
            .options(splits)
            .load(out.toString())
            .select("resource_id", "split", "split_source");
    assertThat(json(mirrorSplits)).isEqualTo(json(apiSplits));
  }

  @Test
  void aFilterPrefetchesOnlyTheResourcesItSelects() throws IOException {
    Path out = tmp.resolve("out");
    PrefetchReport report = fx.prefetch(out, "tags", "chest");
    List<String> chest =
        spark
            .read()
            .format("datamint")
            .options(fx.options("tags", "chest"))
            .load()
            .select("resource_id")
            .orderBy("resource_id")
            .as(org.apache.spark.sql.Encoders.STRING())
            .collectAsList();
    assertThat(chest).isNotEmpty().hasSizeLessThan(RESOURCES);
    assertThat(report.resources()).isEqualTo(chest.size());
    assertThat(report.failures()).isEmpty();
    assertThat(lines(out.resolve("resources.jsonl")))
        .extracting(n -> Json.text(n, "id"))
        .containsExactlyInAnyOrderElementsOf(chest);
    assertThat(lines(out.resolve("annotations.jsonl")))
        .isNotEmpty()
        .allSatisfy(a -> assertThat(chest).contains(Json.text(a, "resource_id")));
    assertThat(PrefetchFixture.files(out.resolve("files/resources")))
        .containsExactlyInAnyOrderElementsOf(chest);

    Dataset<Row> api = spark.read().format("datamint").options(fx.options("tags", "chest")).load();
    Dataset<Row> mirror =
        spark.read().format("datamint").option("tags", "chest").load(out.toString());
    assertThat(json(mirror)).isEqualTo(json(api));
    // without masks: only the resource files
    Path bare = tmp.resolve("bare");
    PrefetchReport noMasks =
        fx.prefetch(bare, "tags", "chest", "prefetch_include_annotations", "false");
    assertThat(noMasks.files()).hasSize(chest.size());
    assertThat(PrefetchFixture.files(bare.resolve("files")))
        .hasSize(chest.size())
        .allMatch(f -> f.startsWith("resources/"));
  }

  @Test
  void aSecondRunSkipsEverythingWithoutAskingTheServer() throws IOException {
    Path out = tmp.resolve("out");
    assertThat(fx.prefetch(out).downloaded()).isEqualTo(RESOURCES + MASKS);
    // the server can no longer send any file: a download would fail
    for (String file : PrefetchFixture.files(fx.source.resolve("files"))) {
      Files.delete(fx.source.resolve("files").resolve(file));
    }
    PrefetchReport again = fx.prefetch(out);
    assertThat(again.failures()).isEmpty();
    assertThat(again.skipped()).isEqualTo(RESOURCES + MASKS);
    assertThat(again.downloaded()).isZero();
    assertThat(again.bytesDownloaded()).isZero();
    assertThat(again.metrics())
        .containsEntry(PrefetchMetrics.FILES_SKIPPED, (long) RESOURCES + MASKS)
        .containsEntry(PrefetchMetrics.BYTES_DOWNLOADED, 0L);
    assertThat(again.files())
        .hasSize(RESOURCES + MASKS)
        .allMatch(f -> f.status() == PrefetchFileResult.Status.SKIPPED);
  }

  @Test
  void aChangedVersionIsDownloadedAgainAndOnlyIt() throws IOException {
    Path out = tmp.resolve("out");
    fx.prefetch(out);
    String changed = fx.resourceIds().get(2);
    Path record = out.resolve(".prefetch/resources/" + changed + ".json");
    String before = Json.text(Json.MAPPER.readTree(record.toFile()), "version_hash");
    fx.editResources(
        line ->
            line.contains("\"id\":\"" + changed + "\"")
                ? line.replaceFirst(
                    "\"created_at\":\"[^\"]*\"", "\"created_at\":\"2026-05-01T00:00:00.000Z\"")
                : line);
    fx.restart();

    PrefetchReport again = fx.prefetch(out);
    assertThat(again.failures()).isEmpty();
    assertThat(again.files())
        .filteredOn(f -> f.status() == PrefetchFileResult.Status.DOWNLOADED)
        .extracting(PrefetchFileResult::path)
        .containsExactly("files/resources/" + changed);
    assertThat(again.skipped()).isEqualTo(RESOURCES + MASKS - 1);
    JsonNode after = Json.MAPPER.readTree(record.toFile());
    assertThat(Json.text(after, "version_hash")).isNotEqualTo(before);
    assertThat(Json.text(after.get("version_info"), "created_at"))
        .isEqualTo("2026-05-01T00:00:00.000Z");
    assertThat(lines(out.resolve("resources.jsonl")).get(2).get("created_at").asText())
        .isEqualTo("2026-05-01T00:00:00.000Z");
  }

  @Test
  void anInterruptedRunIsResumed() throws IOException {
    Path out = tmp.resolve("out");
    fx.prefetch(out);
    List<String> ids = fx.resourceIds();
    // what a run killed part-way leaves: files not yet downloaded, a file without its record
    // (killed between the
    // rename and the record), a torn record, and temporary files
    Files.delete(out.resolve("files/resources/" + ids.get(0)));
    Files.delete(out.resolve(".prefetch/resources/" + ids.get(0) + ".json"));
    Files.delete(out.resolve("files/resources/" + ids.get(1)));
    Files.delete(out.resolve(".prefetch/resources/" + ids.get(3) + ".json"));
    Files.writeString(out.resolve(".prefetch/resources/" + ids.get(4) + ".json"), "{\"version_ha");
    Path resource5 = out.resolve("files/resources/" + ids.get(5));
    byte[] full = Files.readAllBytes(resource5);
    Files.write(
        resource5, java.util.Arrays.copyOf(full, full.length / 2)); // same record, wrong length
    Files.writeString(
        out.resolve("files/resources/." + ids.get(6) + ".1234" + PrefetchLayout.TEMPORARY_SUFFIX),
        "partial");
    Files.delete(out.resolve("resources.jsonl"));

    PrefetchReport again = fx.prefetch(out);
    assertThat(again.failures()).isEmpty();
    assertThat(again.files())
        .filteredOn(f -> f.status() == PrefetchFileResult.Status.DOWNLOADED)
        .extracting(PrefetchFileResult::resourceId)
        .containsExactlyInAnyOrder(ids.get(0), ids.get(1), ids.get(3), ids.get(4), ids.get(5));
    assertThat(again.skipped()).isEqualTo(RESOURCES + MASKS - 5);
    assertThat(Files.readAllBytes(resource5)).isEqualTo(full);
    assertThat(PrefetchFixture.files(out))
        .noneMatch(f -> f.endsWith(PrefetchLayout.TEMPORARY_SUFFIX));
    assertThat(PrefetchFixture.files(out.resolve("files")))
        .isEqualTo(PrefetchFixture.files(fx.source.resolve("files")));
    assertThat(out.resolve("resources.jsonl")).exists();
  }
}
