package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A local split saved as project assignments is replayed by a later read with as_of_timestamp. */
class SplitSaveTest {

  @TempDir Path tmp;

  private static Map<String, String> splits(SparkSession spark, Map<String, String> options) {
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
  void savedLocalSplitIsReplayedAsOfTheSaveAndTheOldOneBeforeIt() throws Exception {
    SparkSession spark = SharedSpark.session();
    String mirror = SampleProject.write(tmp.resolve("s"), 5).dir().toString();
    Map<String, String> local =
        Map.of("path", mirror, "split", "train=0.6,val=0.2,test=0.2", "seed", "1234");
    // the save is recorded at a fixed instant after the sample's history (its last re-split is
    // 2026-04-15), so
    // every read below names its instant and none depends on the wall clock
    Instant saveInstant = Instant.parse("2026-06-19T16:37:40.622014Z");
    String justBefore = "2026-06-19T16:37:40.622013Z";
    Map<String, String> before =
        splits(spark, Map.of("path", mirror, "as_of_timestamp", justBefore));
    // the sample's assignments before the save: 12 of its 13 resources, US_CAROTID_ANON none
    assertThat(before).hasSize(13).containsValues("train", "val", "test", null);
    Clock clock = Clock.fixed(saveInstant, ZoneOffset.UTC);
    assertThatThrownBy(() -> SplitSave.save(spark, local, false, "me@example.com", clock))
        .hasMessageContaining("already has split assignments");
    int historyBefore = Files.readAllLines(Path.of(mirror, "splits.jsonl")).size();

    String savedAt = SplitSave.save(spark, local, true, "me@example.com", clock);

    assertThat(savedAt).isEqualTo("2026-06-19T16:37:40.622014Z");
    Map<String, String> expected = splits(spark, local);
    assertThat(expected)
        .as("the local split: every resource assigned")
        .hasSize(13)
        .doesNotContainValue(null)
        .isNotEqualTo(before);
    assertThat(splits(spark, Map.of("path", mirror, "as_of_timestamp", savedAt)))
        .isEqualTo(expected);
    assertThat(splits(spark, Map.of("path", mirror, "as_of_timestamp", "2030-01-01T00:00:00Z")))
        .isEqualTo(expected);
    assertThat(splits(spark, Map.of("path", mirror, "as_of_timestamp", justBefore)))
        .isEqualTo(before);
    assertThat(splits(spark, Map.of("path", mirror, "as_of_timestamp", "2026-05-01T00:00:00Z")))
        .isEqualTo(before);
    assertThat(Files.readAllLines(Path.of(mirror, "splits.jsonl")))
        .hasSize(historyBefore + expected.size());
    assertThat(Path.of(mirror, ".splits.jsonl.crc")).doesNotExist();
  }
}
