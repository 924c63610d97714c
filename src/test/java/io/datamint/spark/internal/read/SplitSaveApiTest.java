package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.DatamintSplits;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local split saved through the Datamint API ({@code POST /projects/{id}/splits} on the local
 * server) is what a later read with project splits gives, through the API and through the server's
 * mirror alike. The server records its assignments at a fixed instant, after the sample project's
 * split history and before any real now, so the test does not depend on the wall clock.
 */
class SplitSaveApiTest {

  private static final String KEY = "dm-save-key-0b3e";

  /** The instant the server records: after the sample's last re-split (2026-04-15T09:30Z). */
  private static final Instant SAVED = Instant.parse("2026-04-20T12:00:00.123456Z");

  /** {@link #SAVED} as the server writes {@code created_at} (the SDK's format). */
  private static final String SAVED_AT = "2026-04-20T12:00:00.123456Z";

  /** One microsecond before {@link #SAVED}: the assignments before the save. */
  private static final String JUST_BEFORE = "2026-04-20T12:00:00.123455Z";

  @TempDir Path root;
  private SparkSession spark;
  private SampleProject.Summary sample;
  private DatamintApiServer server;

  @BeforeEach
  void serve() throws Exception {
    spark = SharedSpark.session();
    sample = SampleProject.write(root.resolve("sample"), 5);
    TestMirror.in(root.resolve("tiny"))
        .image("r1", "a.png", "CR", "p1", "chest")
        .image("r2", "b.png", "DX", "p2", "knee")
        .image("r3", "c.png", "DX", "p3", "knee")
        .write();
    server =
        DatamintApiServer.start(
            root, 0, Optional.of(KEY), FaultPlan.NONE, Clock.fixed(SAVED, ZoneOffset.UTC));
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Map<String, String> api(String project, String... options) {
    Map<String, String> out =
        new HashMap<>(Map.of("server_url", server.url(), "api_key", KEY, "project", project));
    out.putAll(ReadOptions.of(options));
    return out;
  }

  private Map<String, String> splits(Map<String, String> options) {
    Map<String, String> out = new HashMap<>();
    for (Row r :
        spark
            .read()
            .format("datamint")
            .options(options)
            .load()
            .select("resource_id", "split")
            .collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  @Test
  void savedThroughTheApiIsReadBackThroughTheApiAndTheMirror() throws Exception {
    String mirror = sample.dir().toString();
    Map<String, String> local =
        api(SampleProject.NAME, "split", "train=0.6,val=0.2,test=0.2", "seed", "1234");
    Map<String, String> before = splits(api(SampleProject.NAME, "use_project_splits", "true"));
    assertThatThrownBy(() -> DatamintSplits.save(spark, local, false, "me@example.com"))
        .hasMessageContaining("already has split assignments")
        .hasMessageNotContaining(KEY);
    int historyBefore = Files.readAllLines(Path.of(mirror, "splits.jsonl")).size();

    String savedAt = DatamintSplits.save(spark, local, true, "me@example.com");
    assertThat(savedAt).isEqualTo(SAVED_AT);
    Map<String, String> expected = splits(local);
    assertThat(expected.values()).containsOnly("train", "val", "test");
    assertThat(splits(api(SampleProject.NAME, "use_project_splits", "true"))).isEqualTo(expected);
    assertThat(splits(api(SampleProject.NAME, "as_of_timestamp", savedAt))).isEqualTo(expected);
    assertThat(splits(api(SampleProject.NAME, "as_of_timestamp", JUST_BEFORE))).isEqualTo(before);
    assertThat(expected).isNotEqualTo(before);
    assertThat(splits(Map.of("path", mirror, "use_project_splits", "true"))).isEqualTo(expected);
    assertThat(splits(Map.of("path", mirror, "as_of_timestamp", savedAt))).isEqualTo(expected);
    assertThat(splits(Map.of("path", mirror, "as_of_timestamp", JUST_BEFORE))).isEqualTo(before);
    assertThat(Files.readAllLines(Path.of(mirror, "splits.jsonl")))
        .hasSize(historyBefore + expected.size());
  }

  @Test
  void aProjectWithoutAssignmentsIsSavedWithoutForceAndAnEmptySplitIsSkipped() {
    // 3 resources at 0.5/0.45/0.05: round(1.5) = 2, round(1.35) = 1, and the last split gets none.
    Map<String, String> local = api("tiny", "split", "a=0.5,b=0.45,c=0.05", "seed", "3");
    String savedAt = DatamintSplits.save(spark, local, false, "ignored-by-the-api");
    assertThat(savedAt).isEqualTo(SAVED_AT);
    Map<String, String> expected = splits(local);
    assertThat(expected.values()).containsOnly("a", "b");
    assertThat(splits(api("tiny", "use_project_splits", "true"))).isEqualTo(expected);
    assertThat(splits(api("tiny", "as_of_timestamp", savedAt))).isEqualTo(expected);
    assertThatThrownBy(() -> DatamintSplits.save(spark, local, false, "me"))
        .hasMessageContaining("already has split assignments (3 rows in Datamint API");
  }
}
