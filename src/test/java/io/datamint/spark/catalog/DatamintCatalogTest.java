package io.datamint.spark.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datamint catalog through {@code spark.sql}: a mirror root holding the sample project and a
 * tiny one.
 */
class DatamintCatalogTest {

  private static final String SAMPLE = "dm_test.`" + SampleProject.NAME + "`";

  @TempDir static Path root;
  private static SparkSession spark;
  private static SampleProject.Summary sample;

  @BeforeAll
  static void setUp() throws Exception {
    sample = SampleProject.write(root.resolve("a"), SampleProject.DEFAULT_SEED);
    TestMirror.in(root.resolve("b"))
        .image("r1", "a.png", "CR", "p1", "chest")
        .image("r2", "b.png", "DX", "p2", "knee")
        .label("a1", "r1", "pneumonia", "alice")
        .splitLine(
            "{\"id\": \"s1\", \"split_name\": \"train\", \"resource_id\": \"r1\", "
                + "\"created_at\": \"2026-01-01T00:00:00Z\"}")
        .write();
    spark = SharedSpark.session();
    spark.conf().set("spark.sql.catalog.dm_test", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_test.path", root.toString());
  }

  private static List<String> column(String sql, String column) {
    return spark.sql(sql).collectAsList().stream()
        .map(r -> String.valueOf(r.<Object>getAs(column)))
        .collect(Collectors.toList());
  }

  private static long count(String sql) {
    return spark.sql(sql).collectAsList().get(0).getLong(0);
  }

  @Test
  void showNamespacesListsEveryProjectByName() {
    // Spark quotes a namespace that is not a plain identifier.
    assertThat(column("SHOW NAMESPACES IN dm_test", "namespace"))
        .containsExactlyInAnyOrder("`" + SampleProject.NAME + "`", "tiny");
  }

  @Test
  void showTablesListsTheFourTables() {
    assertThat(column("SHOW TABLES IN " + SAMPLE, "tableName"))
        .containsExactly("resources", "annotations", "labels", "splits");
  }

  @Test
  void resourcesIsTheDefaultReadByNameOrId() {
    assertThat(count("SELECT count(*) FROM " + SAMPLE + ".resources")).isEqualTo(13);
    assertThat(count("SELECT count(*) FROM dm_test.`" + sample.projectId() + "`.resources"))
        .isEqualTo(13);
    assertThat(count("SELECT count(*) FROM dm_test.tiny.resources")).isEqualTo(2);
    assertThat(
            count(
                "SELECT count(*) FROM "
                    + SAMPLE
                    + ".resources WHERE array_contains(tags, 'chest')"))
        .isEqualTo(
            spark
                .read()
                .format("datamint")
                .load(sample.dir().toString())
                .where("array_contains(tags, 'chest')")
                .count());
  }

  @Test
  void perReadOptionsApplyToResources() {
    long chest =
        spark
            .read()
            .format("datamint")
            .option("tags", "chest")
            .load(sample.dir().toString())
            .count();
    assertThat(chest).isLessThan(13);
    assertThat(spark.read().option("tags", "chest").table(SAMPLE + ".resources").count())
        .isEqualTo(chest);
    assertThatThrownBy(() -> spark.read().option("bogus", "1").table(SAMPLE + ".resources").count())
        .hasMessageContaining("bogus");
  }

  @Test
  void describeShowsColumnsAndProperties() {
    assertThat(column("DESCRIBE TABLE " + SAMPLE + ".labels", "col_name"))
        .containsExactly("kind", "name", "value", "code");
    assertThat(column("DESCRIBE TABLE " + SAMPLE + ".resources", "col_name"))
        .contains("resource_id", "tags");
    List<Row> extended =
        spark.sql("DESCRIBE TABLE EXTENDED " + SAMPLE + ".resources").collectAsList();
    assertThat(extended.stream().map(Row::toString).collect(Collectors.joining("\n")))
        .contains("datamint.project.name=" + SampleProject.NAME)
        .contains("datamint.project.id=" + sample.projectId());
    assertThat(column("DESCRIBE NAMESPACE EXTENDED " + SAMPLE, "info_value").toString())
        .contains(sample.projectId());
  }

  @Test
  void labelsHaveTheirCodes() {
    List<String> rows =
        column(
            "SELECT concat_ws(':', kind, name, coalesce(value, ''), code) AS r FROM "
                + SAMPLE
                + ".labels",
            "r");
    assertThat(rows)
        .contains(
            "segmentation:lung::1",
            "segmentation:heart::2",
            "segmentation:liver::4",
            "segmentation:tumor::5",
            "segmentation:vessel::6",
            "image_label:pneumonia::0",
            "image_label:nodule::1",
            "image_label:fracture::2",
            "image_category:quality:good:0");
    assertThat(rows).noneMatch(r -> r.contains("UNKNOWN"));
  }

  @Test
  void splitsHoldTheWholeHistory() {
    assertThat(sample.splitRows()).isEqualTo(15);
    assertThat(count("SELECT count(*) FROM " + SAMPLE + ".splits")).isEqualTo(15);
    assertThat(count("SELECT count(*) FROM " + SAMPLE + ".splits WHERE deleted_at IS NOT NULL"))
        .isPositive();
    assertThat(column("SELECT split_name FROM dm_test.tiny.splits", "split_name"))
        .containsExactly("train");
  }

  @Test
  void annotationsHaveOneRowPerAnnotation() {
    long nested = count("SELECT sum(size(annotations)) FROM " + SAMPLE + ".resources");
    assertThat(nested).isPositive().isLessThanOrEqualTo(sample.annotations());
    assertThat(count("SELECT count(*) FROM " + SAMPLE + ".annotations")).isEqualTo(nested);
    assertThat(count("SELECT count(DISTINCT id) FROM " + SAMPLE + ".annotations"))
        .isEqualTo(nested);
    assertThat(
            count(
                "SELECT count(*) FROM "
                    + SAMPLE
                    + ".annotations a JOIN "
                    + SAMPLE
                    + ".resources r USING (resource_id) WHERE a.resource_filename = r.filename"))
        .isEqualTo(nested);
  }

  @Test
  void unknownNamespaceAndTableAreClearErrors() {
    assertThatThrownBy(() -> spark.sql("SHOW TABLES IN dm_test.nope").collect())
        .hasMessageContaining("nope")
        .hasMessageContaining("SCHEMA_NOT_FOUND");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM " + SAMPLE + ".nope").collect())
        .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND")
        .hasMessageContaining("nope");
    assertThatThrownBy(() -> spark.sql("SELECT * FROM dm_test.nope.resources").collect())
        .hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND")
        .hasMessageContaining("`nope`")
        .hasMessageContaining("mirror root")
        .hasMessageContaining("`tiny` (id p-1)")
        .isInstanceOfSatisfying(
            org.apache.spark.sql.AnalysisException.class,
            e -> {
              assertThat(e.getCondition()).isEqualTo("TABLE_OR_VIEW_NOT_FOUND");
              assertThat(e.getSqlState()).isEqualTo("42P01");
              assertThat(e.getMessageParameters().get("relationName"))
                  .startsWith("`dm_test`.`nope`.`resources` (");
            });
    assertThat(spark.catalog().tableExists("dm_test.nope.resources")).isFalse();
  }

  @Test
  void writesAreRefused() {
    assertThatThrownBy(() -> spark.sql("CREATE TABLE " + SAMPLE + ".t (a INT)").collect())
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> spark.sql("DROP TABLE " + SAMPLE + ".labels").collect())
        .hasMessageContaining("read-only");
    assertThatThrownBy(
            () ->
                spark.sql("ALTER TABLE " + SAMPLE + ".labels RENAME TO " + SAMPLE + ".x").collect())
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> spark.sql("CREATE NAMESPACE dm_test.fresh").collect())
        .hasMessageContaining("read-only");
    assertThatThrownBy(() -> spark.sql("DROP NAMESPACE dm_test.tiny CASCADE").collect())
        .hasMessageContaining("read-only");
    assertThatThrownBy(
            () ->
                spark
                    .sql("INSERT INTO " + SAMPLE + ".splits VALUES ('i', 's', 'r', 'c', null)")
                    .collect())
        .isInstanceOf(Exception.class);
  }

  @Test
  void missingPathNamesTheOption() {
    spark.conf().set("spark.sql.catalog.dm_test_nopath", DatamintCatalog.class.getName());
    assertThatThrownBy(() -> spark.sql("SHOW NAMESPACES IN dm_test_nopath").collect())
        .hasStackTraceContaining("spark.sql.catalog.dm_test_nopath.path");
  }

  @Test
  void prefetchOnlyOptionsAreRefusedAsCatalogAndTableOptions() {
    spark.conf().set("spark.sql.catalog.dm_test_prefetch", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_test_prefetch.path", root.toString());
    spark.conf().set("spark.sql.catalog.dm_test_prefetch.prefetch_concurrency", "4");
    assertThatThrownBy(() -> spark.sql("SHOW NAMESPACES IN dm_test_prefetch").collect())
        .hasStackTraceContaining("the datamint catalog \"dm_test_prefetch\"")
        .hasStackTraceContaining("\"prefetch_concurrency\" applies only to a prefetch")
        .hasStackTraceContaining("bin/datamint-prefetch");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .option("prefetch_partitions", "2")
                    .table(SAMPLE + ".resources")
                    .count())
        .hasMessageContaining("\"prefetch_partitions\" applies only to a prefetch");
  }

  @Test
  void aProjectMirrorAsPathIsTheOneNamespaceByNameAndById() {
    spark.conf().set("spark.sql.catalog.dm_test_single", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_test_single.path", sample.dir().toString());
    assertThat(column("SHOW NAMESPACES IN dm_test_single", "namespace"))
        .containsExactly("`" + SampleProject.NAME + "`");
    assertThat(column("SHOW TABLES IN dm_test_single.`" + SampleProject.NAME + "`", "tableName"))
        .containsExactly("resources", "annotations", "labels", "splits");
    assertThat(count("SELECT count(*) FROM dm_test_single.`" + SampleProject.NAME + "`.resources"))
        .isEqualTo(13);
    assertThat(count("SELECT count(*) FROM dm_test_single.`" + sample.projectId() + "`.splits"))
        .isEqualTo(15);
    assertThat(
            column(
                    "DESCRIBE NAMESPACE EXTENDED dm_test_single.`" + SampleProject.NAME + "`",
                    "info_value")
                .toString())
        .contains("project mirror " + sample.dir());
    assertThatThrownBy(() -> spark.sql("SELECT * FROM dm_test_single.tiny.resources").collect())
        .hasMessageContaining("project mirror " + sample.dir())
        .hasMessageContaining(SampleProject.NAME);
  }

  @Test
  void aPathWithoutProjectsSaysWhichLayoutsAreAccepted(@TempDir Path empty) {
    spark.conf().set("spark.sql.catalog.dm_test_empty", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_test_empty.path", empty.toString());
    assertThatThrownBy(() -> spark.sql("SHOW NAMESPACES IN dm_test_empty").collect())
        .hasMessageContaining(
            "the datamint catalog \"dm_test_empty\" has no projects at "
                + "spark.sql.catalog.dm_test_empty.path = "
                + empty)
        .hasMessageContaining("no project.json in ")
        .hasMessageContaining("expected a project mirror (a directory holding project.json, ")
        .hasMessageContaining(
            "or a mirror root (a directory holding one such project directory per project)");
    spark.conf().set("spark.sql.catalog.dm_test_missing", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_test_missing.path", empty.resolve("nope").toString());
    assertThatThrownBy(() -> spark.sql("SELECT * FROM dm_test_missing.x.resources").collect())
        .hasMessageContaining("does not exist")
        .hasMessageContaining("expected a project mirror");
  }
}
