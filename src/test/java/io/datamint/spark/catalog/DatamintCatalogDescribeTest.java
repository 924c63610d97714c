package io.datamint.spark.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.internal.server.RequestStats;
import io.datamint.spark.internal.source.mirror.MirrorLayout;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code DESCRIBE} of a catalog's {@code resources} table reads the project's worklists only (no
 * resource listing, no annotation search on the API; no resources or annotations file of a mirror)
 * when its labels come from the worklists, and announces the columns its first scan then has; with
 * {@code allow_external_annotations} the project is read at load, as before.
 */
class DatamintCatalogDescribeTest {

  private static final String ANNOTATIONS = "POST /annotations/search";
  private static final String LIST = "GET /projects";

  @TempDir static Path root;
  @TempDir static Path mirrors;
  private static SparkSession spark;
  private static SampleProject.Summary sample;
  private static DatamintApiServer server;

  @BeforeAll
  static void setUp() throws Exception {
    sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    SampleProject.write(mirrors.resolve("intact"), SampleProject.DEFAULT_SEED);
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
    spark = SharedSpark.session();
    catalog("dm_describe", "server_url", server.url());
    catalog("dm_describe_uncached", "server_url", server.url());
    spark.conf().set("spark.sql.catalog.dm_describe_uncached.cache_ttl", "0");
    catalog("dm_describe_external", "server_url", server.url());
    spark.conf().set("spark.sql.catalog.dm_describe_external.allow_external_annotations", "true");
    catalog("dm_describe_mirror", "path", mirrors.resolve("intact").toString());
  }

  @AfterAll
  static void tearDown() {
    server.close();
  }

  private static void catalog(String name, String option, String value) {
    spark.conf().set("spark.sql.catalog." + name, DatamintCatalog.class.getName());
    spark.conf().set("spark.sql.catalog." + name + "." + option, value);
  }

  private static String resources(String catalog) {
    return catalog + ".`" + SampleProject.NAME + "`.resources";
  }

  private static String resourcesRoute() {
    return "GET /projects/" + sample.projectId() + "/resources";
  }

  private static String worklistsRoute() {
    return "GET /projects/" + sample.projectId() + "/worklists";
  }

  /** The columns DESCRIBE lists, as name and type. */
  private static List<String> described(String table) {
    return spark.sql("DESCRIBE TABLE " + table).collectAsList().stream()
        .map(r -> r.getString(0) + " " + r.getString(1))
        .collect(Collectors.toList());
  }

  private static List<String> columns(StructType schema) {
    return java.util.Arrays.stream(schema.fields())
        .map(f -> f.name() + " " + f.dataType().simpleString())
        .collect(Collectors.toList());
  }

  /** The schema {@code spark.read.format("datamint").load()} gives the project (read at once). */
  private static StructType loadedSchema() {
    return spark
        .read()
        .format("datamint")
        .option("server_url", server.url())
        .option("project", sample.projectId())
        .load()
        .schema();
  }

  @Test
  void describeReadsOnlyTheWorklistsAndTheFirstScanReadsTheProjectOnce() {
    RequestStats stats = server.stats();
    stats.reset();
    String table = resources("dm_describe");
    List<String> describe = described(table);
    List<String> showColumns =
        spark.sql("SHOW COLUMNS IN " + table).collectAsList().stream()
            .map(r -> r.getString(0))
            .collect(Collectors.toList());
    StructType schema = spark.table(table).schema();
    assertThat(stats.requests(resourcesRoute())).isZero();
    assertThat(stats.requests(ANNOTATIONS)).isZero();
    // the three lookups share the source opened, and the worklists read, by the first
    assertThat(stats.requests(worklistsRoute())).isEqualTo(1);

    StructType loaded = loadedSchema();
    assertThat(schema).isEqualTo(loaded);
    assertThat(describe).startsWith(columns(loaded).toArray(new String[0]));
    assertThat(showColumns).containsExactlyElementsOf(java.util.Arrays.asList(loaded.fieldNames()));
    assertThat(loaded.fieldNames()).contains("image_labels");

    stats.reset();
    org.apache.spark.sql.Dataset<Row> select = spark.sql("SELECT * FROM " + table);
    assertThat(select.count()).isEqualTo(sample.resources());
    assertThat(select.schema()).isEqualTo(schema);
    assertThat(stats.requests(resourcesRoute())).isEqualTo(1);
    assertThat(stats.requests(ANNOTATIONS)).isEqualTo(1);
    // the snapshot is read from the source DESCRIBE opened, with the worklists it read
    assertThat(stats.requests(worklistsRoute())).isZero();

    // DESCRIBE EXTENDED shows Spark's statistics of a scan (rows, size): the snapshot read above
    stats.reset();
    assertThat(
            spark.sql("DESCRIBE TABLE EXTENDED " + table).collectAsList().stream()
                .map(r -> r.getString(0)))
        .contains("Statistics");
    assertThat(stats.requests(resourcesRoute())).isZero();
  }

  @Test
  void theOtherTablesReadTheProjectFromTheSourceDescribeOpened() {
    catalog("dm_describe_shared", "server_url", server.url());
    String ns = "dm_describe_shared.`" + SampleProject.NAME + "`";
    RequestStats stats = server.stats();
    stats.reset();
    described(ns + ".resources");
    assertThat(spark.sql("SELECT * FROM " + ns + ".labels").count()).isPositive();
    assertThat(spark.sql("SELECT * FROM " + ns + ".resources").count())
        .isEqualTo(sample.resources());
    // one listing for the catalog, one as DESCRIBE opens the project by its id
    assertThat(stats.requests(LIST)).isEqualTo(2);
    assertThat(stats.requests(worklistsRoute())).isEqualTo(1);
    assertThat(stats.requests(resourcesRoute())).isEqualTo(1);
    assertThat(stats.requests(ANNOTATIONS)).isEqualTo(1);
  }

  @Test
  void splitsThatCannotBeSatisfiedFailAtTheFirstScanOfACatalogTableAndAtLoad() {
    String intact = mirrors.resolve("intact").toString();
    catalog("dm_describe_splits", "path", intact);
    spark.conf().set("spark.sql.catalog.dm_describe_splits.use_project_splits", "true");
    spark
        .conf()
        .set("spark.sql.catalog.dm_describe_splits.as_of_timestamp", "2020-01-01T00:00:00Z");
    String table = resources("dm_describe_splits");
    assertThat(described(table)).contains("split string");
    assertThatThrownBy(() -> spark.sql("SELECT count(*) FROM " + table).collect())
        .hasStackTraceContaining("No split assignments found");
    assertThatThrownBy(
            () ->
                spark
                    .read()
                    .format("datamint")
                    .option("use_project_splits", "true")
                    .option("as_of_timestamp", "2020-01-01T00:00:00Z")
                    .load(intact))
        .hasMessageContaining("No split assignments found");
  }

  @Test
  void describeExtendedReadsTheProjectForSparksStatistics() {
    RequestStats stats = server.stats();
    stats.reset();
    List<Row> rows =
        spark.sql("DESCRIBE TABLE EXTENDED " + resources("dm_describe_uncached")).collectAsList();
    assertThat(rows.stream().map(r -> r.getString(0))).contains("Statistics");
    assertThat(stats.requests(resourcesRoute())).isEqualTo(1);
  }

  @Test
  void withoutCacheDescribeReadsNoResourcesAndASelectReadsThemOnce() {
    RequestStats stats = server.stats();
    stats.reset();
    String table = resources("dm_describe_uncached");
    List<String> describe = described(table);
    assertThat(stats.requests(resourcesRoute())).isZero();
    assertThat(stats.requests(ANNOTATIONS)).isZero();
    assertThat(describe).startsWith(columns(loadedSchema()).toArray(new String[0]));

    stats.reset();
    assertThat(spark.sql("SELECT resource_id FROM " + table).count()).isEqualTo(sample.resources());
    assertThat(stats.requests(resourcesRoute())).isEqualTo(1);
    assertThat(stats.requests(ANNOTATIONS)).isEqualTo(1);
  }

  @Test
  void externalAnnotationsReadTheProjectAtLoadAsBefore() {
    RequestStats stats = server.stats();
    stats.reset();
    String table = resources("dm_describe_external");
    StructType schema = spark.table(table).schema();
    assertThat(stats.requests(resourcesRoute())).isEqualTo(1);
    assertThat(stats.requests(ANNOTATIONS)).isEqualTo(1);
    StructType loaded =
        spark
            .read()
            .format("datamint")
            .option("server_url", server.url())
            .option("project", sample.projectId())
            .option("allow_external_annotations", "true")
            .load()
            .schema();
    assertThat(schema).isEqualTo(loaded);
    stats.reset();
    assertThat(spark.table(table).count()).isEqualTo(sample.resources());
    // the snapshot read at load is kept for cache_ttl: the scan reads nothing more
    assertThat(stats.requests(resourcesRoute())).isZero();
  }

  @Test
  void describeOfAMirrorReadsNeitherResourcesNorAnnotations() throws Exception {
    Path broken = mirrors.resolve("broken");
    SampleProject.write(broken, SampleProject.DEFAULT_SEED);
    Files.writeString(broken.resolve(MirrorLayout.RESOURCES), "not json\n");
    Files.writeString(broken.resolve(MirrorLayout.ANNOTATIONS), "not json\n");
    catalog("dm_describe_broken", "path", broken.toString());
    String intact = resources("dm_describe_mirror");
    String brokenTable = resources("dm_describe_broken");

    StructType loaded =
        spark.read().format("datamint").load(mirrors.resolve("intact").toString()).schema();
    assertThat(spark.table(brokenTable).schema()).isEqualTo(loaded);
    assertThat(described(brokenTable)).startsWith(columns(loaded).toArray(new String[0]));
    assertThatThrownBy(() -> spark.sql("SELECT count(*) FROM " + brokenTable).collect())
        .hasStackTraceContaining(MirrorLayout.RESOURCES);

    StructType described = spark.table(intact).schema();
    assertThat(described).isEqualTo(loaded);
    org.apache.spark.sql.Dataset<Row> select = spark.table(intact);
    assertThat(select.count()).isEqualTo(sample.resources());
    assertThat(select.schema()).isEqualTo(described);
  }
}
