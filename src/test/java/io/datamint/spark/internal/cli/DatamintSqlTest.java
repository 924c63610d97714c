package io.datamint.spark.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The datamint data source through the SQL runner behind bin/datamint-sql. */
class DatamintSqlTest {

  @TempDir Path tmp;

  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String script, OutputFormat format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = new SqlCli(SharedSpark.session(), o, e, false).execute(script, format);
    }
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private String mirror() {
    return TestMirror.in(tmp.resolve("p"))
        .image("r1", "a.png", "CR", "p1", "chest")
        .image("r2", "b.png", "DX", "p2", "knee")
        .image("r3", "c.png", "CR", "p2", "chest")
        .label("a1", "r1", "pneumonia", "alice")
        .write()
        .toString();
  }

  @Test
  void temporaryViewUsingDatamintAnswersSqlAsJsonLines() {
    Outcome outcome =
        run(
            "CREATE OR REPLACE TEMPORARY VIEW res USING datamint OPTIONS (path '"
                + mirror()
                + "'); SELECT modality, count(*) AS n FROM res WHERE array_contains(tags, 'chest') GROUP BY modality",
            OutputFormat.JSON);
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.status()).isZero();
    assertThat(outcome.out()).isEqualTo("{\"modality\":\"CR\",\"n\":2}\n");
  }

  @Test
  void tableOutputShowsNestedAnnotations() {
    Outcome outcome =
        run(
            "CREATE OR REPLACE TEMPORARY VIEW res USING datamint OPTIONS (path '"
                + mirror()
                + "', worklists 'none'); SELECT resource_id, annotations.identifier AS labels FROM res ORDER BY resource_id",
            OutputFormat.TABLE);
    assertThat(outcome.status()).isZero();
    assertThat(outcome.out()).contains("| r1          | [\"pneumonia\"] |").contains("(3 rows)");
  }

  @Test
  void aMisspelledOptionIsReportedWithTheClosestName() {
    Outcome outcome =
        run(
            "CREATE OR REPLACE TEMPORARY VIEW res USING datamint OPTIONS (path '"
                + mirror()
                + "', has_annotation 'true'); SELECT * FROM res",
            OutputFormat.JSON);
    assertThat(outcome.status()).isEqualTo(SqlCli.EXIT_ERROR);
    assertThat(outcome.err())
        .contains("has_annotation")
        .contains("did you mean \"has_annotations\"");
    assertThat(outcome.out()).isEmpty();
  }

  @Test
  void aMissingProjectJsonIsReportedWithTheFile() throws Exception {
    String dir = mirror();
    java.nio.file.Files.delete(Path.of(dir, "project.json"));
    Outcome outcome =
        run(
            "CREATE OR REPLACE TEMPORARY VIEW res USING datamint OPTIONS (path '" + dir + "')",
            OutputFormat.TABLE);
    assertThat(outcome.status()).isEqualTo(SqlCli.EXIT_ERROR);
    assertThat(outcome.err()).contains("project.json");
  }

  @Test
  void aMalformedResourceLineIsReportedWithFileAndLine() {
    String dir =
        TestMirror.in(tmp.resolve("bad"))
            .image("r1", "a.png", "CR", null)
            .image("r2", "b.png", "CR", null)
            .resourceLine("{\"id\": \"r3\",,}")
            .write()
            .toString();
    Outcome outcome =
        run(
            "CREATE OR REPLACE TEMPORARY VIEW res USING datamint OPTIONS (path '" + dir + "')",
            OutputFormat.TABLE);
    assertThat(outcome.status()).isEqualTo(SqlCli.EXIT_ERROR);
    assertThat(outcome.err()).contains("resources.jsonl line 3: malformed JSON");
  }

  @Test
  void explainOfAPushedDownQueryPrintsThePlanLineByLine() {
    Outcome outcome =
        run(
            "CREATE OR REPLACE TEMPORARY VIEW res USING datamint OPTIONS (path '"
                + mirror()
                + "'); EXPLAIN SELECT resource_id FROM res WHERE array_contains(tags, 'chest') AND modality = 'CR'",
            OutputFormat.TABLE);
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.status()).isZero();
    assertThat(outcome.out())
        .startsWith("== Physical Plan ==\n")
        .doesNotContain("\\n")
        .doesNotContain("+--");
    assertThat(outcome.out().lines().filter(l -> l.contains("BatchScan")))
        .singleElement()
        .asString()
        .contains("PushedTags=[chest]")
        .contains("PushedPredicates=[");
  }
}
