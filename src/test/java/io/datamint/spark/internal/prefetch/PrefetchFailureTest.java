package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.DatamintPrefetch;
import io.datamint.spark.internal.config.InvalidOptionException;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.prefetch.PrefetchFileResult;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files that cannot be mirrored are reported one by one, leave nothing behind, and do not stop the
 * others.
 */
class PrefetchFailureTest {

  private static final int FILES = 13 + 19;

  @TempDir Path tmp;
  PrefetchFixture fx;

  @BeforeEach
  void start() throws IOException {
    SharedSpark.session();
    fx = PrefetchFixture.start(tmp);
  }

  @AfterEach
  void stop() {
    fx.close();
  }

  @Test
  void aFileTheServerDoesNotHaveIsReportedAndTheRestIsMirrored() throws IOException {
    String resource = fx.resourceIds().get(0);
    Files.delete(fx.source.resolve("files/resources/" + resource));
    String mask = PrefetchFixture.files(fx.source.resolve("files/annotations")).get(0);
    Files.delete(fx.source.resolve("files/annotations/" + mask));
    Path out = tmp.resolve("out");

    PrefetchReport report = fx.prefetch(out);

    assertThat(report.failed()).isEqualTo(2);
    assertThat(report.complete()).isFalse();
    assertThat(report.downloaded()).isEqualTo(FILES - 2);
    assertThat(report.metrics()).containsEntry(PrefetchMetrics.FILES_FAILED, 2L);
    assertThat(report.failures())
        .extracting(PrefetchFileResult::path)
        .containsExactlyInAnyOrder("files/resources/" + resource, "files/annotations/" + mask);
    assertThat(report.failures())
        .allSatisfy(
            f -> {
              assertThat(f.error()).contains("404").contains("/file");
              assertThat(f.bytes()).isZero();
            });
    assertThat(report.summary())
        .contains("2 failed")
        .contains("resource " + resource)
        .contains(mask);
    assertThat(out.resolve("files/resources/" + resource)).doesNotExist();
    assertThat(out.resolve(".prefetch/resources/" + resource + ".json")).doesNotExist();
    assertThat(out.resolve("files/annotations/" + mask)).doesNotExist();
    assertThat(PrefetchFixture.files(out))
        .noneMatch(f -> f.endsWith(PrefetchLayout.TEMPORARY_SUFFIX));

    // the mirror reads; the resource without its file has an _error, the others none
    List<Row> rows =
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(out.toString())
            .select("resource_id", "image", "_error")
            .where("_error IS NOT NULL")
            .collectAsList();
    assertThat(rows).extracting(r -> r.getString(0)).contains(resource);

    // the server has the files again: the next run fetches only the two
    assertThat(out.resolve("resources.jsonl")).exists();
    SampleProject.write(fx.source, SampleProject.DEFAULT_SEED);
    PrefetchReport again = fx.prefetch(out);
    assertThat(again.complete()).isTrue();
    assertThat(again.downloaded()).isEqualTo(2);
    assertThat(again.skipped()).isEqualTo(FILES - 2);
  }

  @Test
  void truncatedBodiesFailAfterTheirRetriesWithoutLeavingFiles() throws IOException {
    try (DatamintApiServer faulty =
            DatamintApiServer.start(
                fx.root, 0, Optional.empty(), FaultPlan.parse("truncateRate=1,seed=3"));
        RedirectRouter router = new RedirectRouter(fx.url(), faulty.url())) {
      Path out = tmp.resolve("out");
      Map<String, String> options =
          fx.options(
              "server_url", router.url(), "api_max_attempts", "2", "prefetch_concurrency", "3");
      PrefetchReport report = DatamintPrefetch.run(SharedSpark.session(), options, out.toString());

      assertThat(report.failed()).isEqualTo(FILES);
      // the JDK client reports a connection closed before Content-Length bytes as "closed"
      assertThat(report.failures())
          .allSatisfy(f -> assertThat(f.error()).contains("/file").contains("after 2 attempts"));
      assertThat(report.failures()).anySatisfy(f -> assertThat(f.bytes()).isPositive());
      assertThat(PrefetchFixture.files(out.resolve("files"))).isEmpty();
      assertThat(PrefetchFixture.files(out.resolve(".prefetch"))).isEmpty();
      assertThat(out.resolve("resources.jsonl")).exists();
      assertThat(Files.readAllLines(out.resolve("resources.jsonl"))).hasSize(13);
    }
  }

  @Test
  void aFileOfTheWrongSizeIsRefusedNamingBothSizes() throws IOException {
    String resource = fx.resourceIds().get(1);
    long actual = Files.size(fx.source.resolve("files/resources/" + resource));
    fx.editResources(
        line ->
            line.contains("\"id\":\"" + resource + "\"")
                ? line.replaceFirst("\"size\":\\d+", "\"size\":" + (actual + 7))
                : line);
    fx.restart();
    Path out = tmp.resolve("out");

    PrefetchReport report = fx.prefetch(out);

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo(resource);
              assertThat(f.error())
                  .contains("size mismatch")
                  .contains("expected " + (actual + 7) + " bytes")
                  .contains(actual + " bytes");
            });
    assertThat(report.downloaded()).isEqualTo(FILES - 1);
    assertThat(out.resolve("files/resources/" + resource)).doesNotExist();
    assertThat(out.resolve(".prefetch/resources/" + resource + ".json")).doesNotExist();
    assertThat(PrefetchFixture.files(out))
        .noneMatch(f -> f.endsWith(PrefetchLayout.TEMPORARY_SUFFIX));
  }

  @Test
  void anIdThatWouldNameAFileOutsideTheMirrorIsRefused() throws IOException {
    String resource = fx.resourceIds().get(2);
    fx.editResources(
        line -> line.replace("\"id\":\"" + resource + "\"", "\"id\":\"../../escaped\""));
    fx.restart();
    Path out = tmp.resolve("deep/out");

    PrefetchReport report = fx.prefetch(out);

    assertThat(report.failures())
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.resourceId()).isEqualTo("../../escaped");
              assertThat(f.error()).contains("cannot name a file in the mirror");
            });
    assertThat(report.downloaded()).isPositive();
    assertThat(tmp.resolve("escaped")).doesNotExist();
    assertThat(tmp.resolve("deep/escaped")).doesNotExist();
    assertThat(out.resolve("escaped")).doesNotExist();
  }

  @Test
  void aMirrorThatCannotBeWrittenFailsBeforeAnyDownloadNamingThePath() throws IOException {
    Path out = tmp.resolve("blocked");
    Files.createDirectories(out.resolve("files"));
    Files.writeString(out.resolve("files/resources"), "a file where the folder should be");

    assertThatThrownBy(() -> fx.prefetch(out))
        .hasMessageContaining("cannot write the project mirror at")
        .hasMessageContaining("files/resources");
    assertThat(PrefetchFixture.files(out)).containsExactly("files/resources");
  }

  @Test
  void badOptionsFailBeforeAnyDownloadWithClearMessages() {
    Path out = tmp.resolve("out");
    assertThatThrownBy(() -> fx.prefetch(out, "prefetch_concurency", "4"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("did you mean \"prefetch_concurrency\"");
    assertThatThrownBy(() -> fx.prefetch(out, "prefetch_concurrency", "0"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("prefetch_concurrency")
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> fx.prefetch(out, "prefetch_include_annotations", "maybe"))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("prefetch_include_annotations");
    assertThatThrownBy(() -> fx.prefetch(out, "path", fx.source.toString()))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("not from a mirror");
    Map<String, String> noServer = fx.options();
    noServer.remove("server_url");
    assertThatThrownBy(() -> DatamintPrefetch.run(SharedSpark.session(), noServer, out.toString()))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("server_url");
    Map<String, String> noProject = fx.options();
    noProject.remove("project");
    assertThatThrownBy(() -> DatamintPrefetch.run(SharedSpark.session(), noProject, out.toString()))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("\"project\"");
    assertThatThrownBy(() -> DatamintPrefetch.run(SharedSpark.session(), fx.options(), " "))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("output path");
    assertThatThrownBy(() -> fx.prefetch(out, "project", "no-such-project"))
        .hasMessageContaining("no-such-project");
    assertThat(out).doesNotExist();
  }
}
