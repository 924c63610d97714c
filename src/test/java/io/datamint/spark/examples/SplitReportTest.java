package io.datamint.spark.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The split report runs from metadata alone: the mirror's files/ folder is deleted first. */
class SplitReportTest {

  @TempDir Path tmp;

  @Test
  void reportsEverySplitWithoutOpeningAResourceFile() throws Exception {
    Path mirror = SampleProject.write(tmp.resolve("s"), SampleProject.DEFAULT_SEED).dir();
    try (Stream<Path> files = Files.walk(mirror.resolve("files"))) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
    List<Dataset<Row>> report =
        SplitReport.report(
            SharedSpark.session(),
            mirror.toString(),
            Map.of("as_of_timestamp", "2026-05-01T00:00:00Z"));
    // The sample's assignments as of May: 12 of 13 resources assigned, US_CAROTID_ANON never.
    List<Row> perSplit = report.get(0).collectAsList();
    assertThat(perSplit.stream().mapToLong(r -> r.getLong(1)).sum()).isEqualTo(13);
    assertThat(perSplit)
        .extracting(r -> r.getString(0))
        .containsExactly("(none)", "test", "train", "val");
    assertThat(perSplit.get(0).getLong(1)).isEqualTo(1);
    assertThat(report.get(1).count()).isPositive();
    assertThat(report.get(2).collectAsList())
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getDouble(2)).isBetween(0.0, 1.0));
    assertThat(report.get(3).collectAsList()).isNotEmpty();
  }
}
