package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rows whose file cannot be read or decoded, in each read mode. */
class ReadModeTest {

  @TempDir static Path tmp;
  static SparkSession spark;
  static String mirror;

  @BeforeAll
  static void setUp() throws Exception {
    spark = SharedSpark.session();
    Path dir =
        TestMirror.in(tmp.resolve("p"))
            .image("r1", "missing.png", "CR", null)
            .image("r2", "garbage.png", "CR", null)
            .write();
    Files.write(dir.resolve("files/resources/r2"), "these bytes are no image".getBytes());
    mirror = dir.toString();
  }

  @Test
  void permissiveKeepsRowsWithTheReason() {
    List<Row> rows =
        spark
            .read()
            .format("datamint")
            .load(mirror)
            .select("resource_id", "image", "_error")
            .orderBy("resource_id")
            .collectAsList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).isNullAt(1)).isTrue();
    assertThat(rows.get(0).getString(2))
        .contains("cannot read the resource file")
        .contains("files/resources/r1 is missing");
    assertThat(rows.get(1).getString(2)).isNotBlank();
  }

  /**
   * As with Spark's CSV and JSON sources, only the columns a query reads decide whether a row is
   * malformed.
   */
  @Test
  void dropMalformedDropsThemWhenAFileColumnIsRead() {
    assertThat(
            spark
                .read()
                .format("datamint")
                .option("mode", "DROPMALFORMED")
                .load(mirror)
                .select("resource_id", "image")
                .collectAsList())
        .isEmpty();
    assertThat(
            spark
                .read()
                .format("datamint")
                .option("mode", "DROPMALFORMED")
                .load(mirror)
                .select("resource_id")
                .collectAsList())
        .hasSize(2);
  }

  /**
   * Both rows are bad and the plan may put them in two partitions (one per core), so either task
   * can fail the job first: the message names whichever resource failed.
   */
  @Test
  void failFastFailsNamingTheResource() {
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("mode", "FAILFAST")
                    .load(mirror)
                    .select("resource_id", "metainfo")
                    .collectAsList())
        .hasMessageContaining("mode FAILFAST")
        .satisfies(
            failure ->
                assertThat(failure.getMessage())
                    .containsAnyOf(
                        "resource r1 (missing.png) could not be decoded",
                        "resource r2 (garbage.png) could not be decoded"));
  }

  @Test
  void metadataColumnsNeverOpenFiles() {
    assertThat(
            spark
                .read()
                .format("datamint")
                .option("mode", "FAILFAST")
                .load(mirror)
                .select("resource_id", "_error")
                .where("_error IS NULL")
                .count())
        .isEqualTo(2);
  }
}
