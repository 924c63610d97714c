package io.datamint.spark.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The datamint catalog over the Datamint API (the local server over a mirror root) answers as the
 * catalog over that mirror root does, and never shows the API key.
 */
class DatamintCatalogApiTest {

  private static final String KEY = "dm-catalog-key-5e1f7a";
  private static final String API = "dm_api.`" + SampleProject.NAME + "`";
  private static final String MIRROR = "dm_mirror.`" + SampleProject.NAME + "`";

  /** Metadata columns of resources (no pixels: the API's pixel equality is ApiReadTest's). */
  private static final String RESOURCE_COLUMNS =
      "resource_id, filename, mimetype, modality, storage, status, "
          + "created_at, patient_id, resource_kind, size, tags, num_frames, annotations, image_labels, image_categories";

  @TempDir static Path root;
  private static SparkSession spark;
  private static SampleProject.Summary sample;
  private static DatamintApiServer server;

  @BeforeAll
  static void setUp() throws Exception {
    sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    server = DatamintApiServer.start(root, 0, Optional.of(KEY), FaultPlan.NONE);
    spark = SharedSpark.session();
    spark.conf().set("spark.sql.catalog.dm_mirror", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_mirror.path", root.toString());
    spark.conf().set("spark.sql.catalog.dm_api", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_api.server_url", server.url());
    spark.conf().set("spark.sql.catalog.dm_api.api_key", KEY);
  }

  @AfterAll
  static void tearDown() {
    server.close();
  }

  private static List<String> column(String sql, String column) {
    return spark.sql(sql).collectAsList().stream()
        .map(r -> String.valueOf(r.<Object>getAs(column)))
        .collect(Collectors.toList());
  }

  private static List<Row> rows(String sql) {
    return spark.sql(sql).collectAsList();
  }

  private static String text(String sql) {
    return rows(sql).stream().map(Row::toString).collect(Collectors.joining("\n"));
  }

  @Test
  void namespacesAreTheServersProjectsByNameOrId() {
    assertThat(column("SHOW NAMESPACES IN dm_api", "namespace"))
        .containsExactly("`" + SampleProject.NAME + "`");
    assertThat(column("SHOW TABLES IN " + API, "tableName"))
        .containsExactly("resources", "annotations", "labels", "splits");
    assertThat(
            rows("SELECT count(*) FROM dm_api.`" + sample.projectId() + "`.resources")
                .get(0)
                .getLong(0))
        .isEqualTo(sample.resources());
    assertThat(column("DESCRIBE NAMESPACE EXTENDED " + API, "info_value").toString())
        .contains(sample.projectId())
        .contains(server.url() + "/projects/" + sample.projectId());
  }

  @Test
  void everyTableEqualsTheMirrorCatalogsAnswer() {
    String order = " ORDER BY resource_id";
    assertThat(rows("SELECT " + RESOURCE_COLUMNS + " FROM " + API + ".resources" + order))
        .hasSize(sample.resources())
        .containsExactlyElementsOf(
            rows("SELECT " + RESOURCE_COLUMNS + " FROM " + MIRROR + ".resources" + order));
    assertThat(rows("SELECT * FROM " + API + ".annotations ORDER BY id"))
        .isNotEmpty()
        .containsExactlyElementsOf(rows("SELECT * FROM " + MIRROR + ".annotations ORDER BY id"));
    assertThat(rows("SELECT * FROM " + API + ".labels ORDER BY kind, code, name, value"))
        .isNotEmpty()
        .containsExactlyElementsOf(
            rows("SELECT * FROM " + MIRROR + ".labels ORDER BY kind, code, name, value"));
    // The API gives the current assignments: the mirror history's open rows.
    assertThat(rows("SELECT * FROM " + API + ".splits" + order))
        .isNotEmpty()
        .containsExactlyElementsOf(
            rows("SELECT * FROM " + MIRROR + ".splits WHERE deleted_at IS NULL" + order));
  }

  @Test
  void readOptionsApplyPerCatalogAndPerRead() {
    long chest =
        spark
            .read()
            .format("datamint")
            .option("tags", "chest")
            .load(sample.dir().toString())
            .count();
    assertThat(chest).isPositive().isLessThan(sample.resources());
    assertThat(spark.read().option("tags", "chest").table(API + ".resources").count())
        .isEqualTo(chest);
    assertThatThrownBy(
            () -> spark.read().option("api_key", "other").table(API + ".resources").count())
        .hasMessageContaining("api_key")
        .hasMessageNotContaining("other");
  }

  @Test
  void describeShowsWhereTheProjectIsButNeverTheKey() {
    for (String table : DatamintCatalog.TABLES) {
      String described = text("DESCRIBE TABLE EXTENDED " + API + "." + table);
      assertThat(described)
          .as(table)
          .doesNotContain(KEY)
          .contains(server.url() + "/projects/" + sample.projectId())
          .contains("datamint.project.name=" + SampleProject.NAME);
      assertThat(text("SHOW TBLPROPERTIES " + API + "." + table)).as(table).doesNotContain(KEY);
    }
    assertThat(text("DESCRIBE NAMESPACE EXTENDED " + API)).doesNotContain(KEY);
    assertThat(
            spark
                .table(API + ".resources")
                .queryExecution()
                .explainString(org.apache.spark.sql.execution.ExtendedMode$.MODULE$))
        .doesNotContain(KEY);
  }

  @Test
  void anUnknownProjectIsAnErrorListingTheProjects() {
    Map<String, String> conditions =
        Map.of(
            "SELECT * FROM dm_api.nope.resources",
            "TABLE_OR_VIEW_NOT_FOUND",
            "SHOW TABLES IN dm_api.nope",
            "SCHEMA_NOT_FOUND",
            "DESCRIBE NAMESPACE dm_api.nope",
            "SCHEMA_NOT_FOUND");
    for (String sql : conditions.keySet()) {
      assertThatThrownBy(() -> spark.sql(sql).collect())
          .as(sql)
          .hasMessageContaining(conditions.get(sql))
          .hasMessageContaining("`nope`")
          .hasMessageContaining("no project named or with id \"nope\"")
          .hasMessageContaining("`" + SampleProject.NAME + "` (id " + sample.projectId() + ")")
          .hasMessageContaining(server.url())
          .hasMessageNotContaining(KEY);
    }
    assertThat(spark.catalog().tableExists("dm_api.nope.resources")).isFalse();
    assertThat(spark.catalog().tableExists(API + ".resources")).isTrue();
  }

  @Test
  void aRejectedKeyIsAClearErrorThatDoesNotShowTheKey() {
    spark.conf().set("spark.sql.catalog.dm_api_badkey", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_api_badkey.server_url", server.url());
    spark.conf().set("spark.sql.catalog.dm_api_badkey.api_key", "wrong-key-8d2c");
    assertThatThrownBy(() -> spark.sql("SHOW NAMESPACES IN dm_api_badkey").collect())
        .hasMessageContaining("API key rejected (401)")
        .hasMessageNotContaining("wrong-key-8d2c");
  }

  @Test
  void pathWinsOverServerUrl() {
    spark.conf().set("spark.sql.catalog.dm_both", DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog.dm_both.path", root.toString());
    spark
        .conf()
        .set("spark.sql.catalog.dm_both.server_url", "http://127.0.0.1:9"); // nothing listens there
    spark.conf().set("spark.sql.catalog.dm_both.api_key", KEY);
    assertThat(column("SHOW NAMESPACES IN dm_both", "namespace"))
        .containsExactly("`" + SampleProject.NAME + "`");
    assertThat(text("DESCRIBE TABLE EXTENDED dm_both.`" + SampleProject.NAME + "`.splits"))
        .contains("mirror root")
        .doesNotContain(KEY);
  }
}
