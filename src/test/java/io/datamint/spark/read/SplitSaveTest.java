package io.datamint.spark.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
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
    for (Row r : spark.read().format("datamint").options(options).load().select("resource_id", "split")
        .collectAsList()) {
      out.put(r.getString(0), r.getString(1));
    }
    return out;
  }

  @Test
  void savedLocalSplitIsReplayedAsOfTheSaveAndTheOldOneBeforeIt() throws Exception {
    SparkSession spark = SharedSpark.session();
    String mirror = SampleProject.write(tmp.resolve("s"), 5).dir().toString();
    Map<String, String> local = Map.of("path", mirror, "split", "train=0.6,val=0.2,test=0.2", "seed", "1234");
    Map<String, String> before = splits(spark, Map.of("path", mirror, "use_project_splits", "true"));
    assertThatThrownBy(() -> DatamintSplits.save(spark, local, false, "me@example.com"))
        .hasMessageContaining("already has split assignments");
    int historyBefore = Files.readAllLines(Path.of(mirror, "splits.jsonl")).size();
    String savedAt = DatamintSplits.save(spark, local, true, "me@example.com");
    Thread.sleep(5);
    Map<String, String> expected = splits(spark, local);
    assertThat(splits(spark, Map.of("path", mirror, "use_project_splits", "true"))).isEqualTo(expected);
    assertThat(splits(spark, Map.of("path", mirror, "as_of_timestamp", savedAt))).isEqualTo(expected);
    assertThat(splits(spark, Map.of("path", mirror, "as_of_timestamp", "2026-05-01T00:00:00Z"))).isEqualTo(before);
    assertThat(Files.readAllLines(Path.of(mirror, "splits.jsonl"))).hasSize(historyBefore + expected.size());
    assertThat(Path.of(mirror, ".splits.jsonl.crc")).doesNotExist();
  }
}
