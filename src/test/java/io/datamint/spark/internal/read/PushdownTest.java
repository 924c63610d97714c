package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.ClusterDriver;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Predicate, tag, column and limit pushdown, checked in the executed plan and in the results. The
 * shared session has the connector's session extensions, which tag pushdown needs; a child JVM
 * checks a session without them.
 */
class PushdownTest {

  @TempDir static Path tmp;
  static SparkSession spark;
  static String mirror;

  @BeforeAll
  static void setUp() {
    spark = SharedSpark.session();
    TestMirror m = TestMirror.in(tmp.resolve("p"));
    for (int i = 0; i < 20; i++) {
      m.image(
          String.format("r%02d", i),
          "img" + i + (i % 2 == 0 ? ".png" : ".jpg"),
          i % 3 == 0 ? "CR" : "DX",
          i % 4 == 0 ? null : "patient-" + (i % 5),
          i % 2 == 0 ? "even" : "odd",
          "t" + (i % 3));
    }
    m.label("a1", "r03", "pneumonia", "alice");
    mirror = m.write().toString();
    spark
        .read()
        .format("datamint")
        .option("worklists", "none")
        .load(mirror)
        .createOrReplaceTempView("resources");
  }

  private static DatamintScan scanOf(Dataset<Row> df) {
    List<BatchScanExec> scans = BatchScans.of(df);
    assertThat(scans).hasSize(1);
    return (DatamintScan) scans.get(0).scan();
  }

  private static List<String> ids(Dataset<Row> df) {
    return df.collectAsList().stream().map(r -> r.getString(0)).toList();
  }

  @Test
  void attributePredicatesAreEvaluatedInThePlanAndNotAgainBySpark() {
    Dataset<Row> df =
        spark.sql(
            "SELECT resource_id FROM resources WHERE modality = 'CR' AND patient_id IS NOT NULL"
                + " AND filename LIKE 'img%' AND resource_id IN ('r03', 'r06', 'r09', 'r12', 'r99')");
    assertThat(ids(df)).containsExactly("r03", "r06", "r09");
    assertThat(df.queryExecution().executedPlan().toString()).doesNotContain("Filter ");
    assertThat(scanOf(df).description())
        .contains("modality = 'CR'")
        .contains("patient_id IS NOT NULL")
        .contains("resource_id IN ('r03', 'r06', 'r09', 'r12', 'r99')");
  }

  @Test
  void nullSemanticsMatchSql() {
    // neither the resources without a patient (r00, r04, ... : NULL, not true) nor patient-1's
    // (r01, r06, r11)
    assertThat(
            ids(
                spark.sql(
                    "SELECT resource_id FROM resources WHERE NOT (patient_id = 'patient-1')")))
        .containsExactlyInAnyOrder(
            "r02", "r03", "r05", "r07", "r09", "r10", "r13", "r14", "r15", "r17", "r18", "r19");
    assertThat(ids(spark.sql("SELECT resource_id FROM resources WHERE patient_id <=> NULL")))
        .containsExactly("r00", "r04", "r08", "r12", "r16");
    assertThat(
            ids(
                spark.sql(
                    "SELECT resource_id FROM resources WHERE modality > 'CR' OR filename < 'img1'")))
        .hasSize(13 + 1); // 13 DX resources, plus img0.png (CR)
  }

  @Test
  void arrayContainsOnTagsNarrowsTheScanAndKeepsTheFilter() {
    Dataset<Row> df =
        spark.sql(
            "SELECT resource_id FROM resources WHERE array_contains(tags, 'even') "
                + "AND array_contains(tags, 't0')");
    assertThat(ids(df)).containsExactly("r00", "r06", "r12", "r18");
    DatamintScan scan = scanOf(df);
    assertThat(scan.description()).contains("PushedTags=[even, t0]");
    long planned =
        java.util.Arrays.stream(scan.planInputPartitions())
            .mapToLong(
                p -> ((io.datamint.spark.internal.plan.ResourcePartition) p).resources().size())
            .sum();
    assertThat(planned).isEqualTo(4);
  }

  @Test
  void arrayContainsOnACatalogTableNarrowsTheScan() {
    spark.conf().set("spark.sql.catalog.dm_pushdown", "io.datamint.spark.catalog.DatamintCatalog");
    spark.conf().set("spark.sql.catalog.dm_pushdown.path", mirror);
    spark.conf().set("spark.sql.catalog.dm_pushdown.worklists", "none");
    Dataset<Row> df =
        spark.sql(
            "SELECT resource_id FROM dm_pushdown.tiny.resources "
                + "WHERE array_contains(tags, 'odd') AND array_contains(tags, 't1') AND modality = 'DX'");
    assertThat(ids(df)).containsExactly("r01", "r07", "r13", "r19");
    assertThat(scanOf(df).description())
        .contains("PushedTags=[odd, t1]")
        .contains("modality = 'DX'");
  }

  @Test
  void tagsArePushedAndScansFoundWithAdaptiveExecution() {
    SparkSession adaptive = spark.newSession();
    adaptive.conf().set("spark.sql.adaptive.enabled", "true");
    adaptive
        .read()
        .format("datamint")
        .option("worklists", "none")
        .load(mirror)
        .createOrReplaceTempView("resources");
    Dataset<Row> df =
        adaptive.sql(
            "SELECT modality, count(*) FROM resources WHERE array_contains(tags, 'even') "
                + "GROUP BY modality ORDER BY modality");
    List<Row> rows = df.collectAsList();
    assertThat(rows)
        .extracting(r -> r.getString(0) + "=" + r.getLong(1))
        .containsExactly("CR=4", "DX=6");
    assertThat(df.queryExecution().executedPlan()).isInstanceOf(AdaptiveSparkPlanExec.class);
    DatamintScan scan = scanOf(df);
    assertThat(scan.description()).contains("PushedTags=[even]");
    long planned =
        java.util.Arrays.stream(scan.planInputPartitions())
            .mapToLong(
                p -> ((io.datamint.spark.internal.plan.ResourcePartition) p).resources().size())
            .sum();
    assertThat(planned).isEqualTo(10);
  }

  @Test
  void withoutTheSessionExtensionsResultsAreTheSameAndNoTagIsPushed() throws Exception {
    String sql =
        "SELECT resource_id FROM resources WHERE array_contains(tags, 'even') AND array_contains(tags, 't0')";
    ClusterDriver.Result result =
        ClusterDriver.run(NoExtensionDriver.class, mirror, sql).assertSucceeded();
    assertThat(result.jsonLines("session").get(0).path("extensions").asText())
        .as("extensions of the child")
        .isEmpty();
    List<String> ids = new java.util.ArrayList<>();
    result.jsonLines("rows").get(0).path("ids").forEach(id -> ids.add(id.asText()));
    assertThat(ids).isEqualTo(ids(spark.sql(sql))).containsExactly("r00", "r06", "r12", "r18");
    assertThat(result.jsonLines("scan").get(0).path("description").asText())
        .contains("PushedTags=[]")
        .contains("ReadColumns=[resource_id, tags]");
  }

  @Test
  void limitIsPushedSoOnlyTheFirstResourcesArePlanned() {
    Dataset<Row> df = spark.sql("SELECT resource_id FROM resources WHERE modality = 'DX' LIMIT 3");
    assertThat(ids(df)).containsExactly("r01", "r02", "r04");
    DatamintScan scan = scanOf(df);
    assertThat(scan.description()).contains("PushedLimit=3");
    long planned =
        java.util.Arrays.stream(scan.planInputPartitions())
            .mapToLong(
                p -> ((io.datamint.spark.internal.plan.ResourcePartition) p).resources().size())
            .sum();
    assertThat(planned).isEqualTo(3);
  }

  @Test
  void onlyRequiredColumnsAreRead() {
    Dataset<Row> df = spark.sql("SELECT filename FROM resources WHERE modality = 'CR'");
    assertThat(scanOf(df).readSchema().fieldNames()).containsExactly("filename");
    Dataset<Row> nested =
        spark.sql(
            "SELECT resource_id, annotations.identifier FROM resources "
                + "WHERE resource_id = 'r03'");
    List<Row> rows = nested.collectAsList();
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).getList(1)).containsExactly("pneumonia");
    assertThat(scanOf(nested).readSchema().simpleString())
        .isEqualTo("struct<resource_id:string,annotations:array<struct<identifier:string>>>");
  }

  @Test
  void explainShowsWhatWasPushed() {
    Dataset<Row> df =
        spark.sql(
            "SELECT resource_id FROM resources WHERE modality = 'CR' "
                + "AND array_contains(tags, 'odd') LIMIT 5");
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    scala.Console.withOut(
        out,
        () -> {
          df.explain();
          return null;
        });
    String explained = out.toString();
    assertThat(explained)
        .contains("DatamintScan[")
        .contains("modality = 'CR'")
        .contains("PushedTags=[odd]")
        .contains("ReadColumns=[resource_id, tags]");
  }

  @Test
  void partitionsFollowTheTargetSize() {
    Dataset<Row> df =
        spark.read().format("datamint").option("target_partition_bytes", "5000").load(mirror);
    assertThat(df.rdd().getNumPartitions()).isEqualTo(4);
    assertThat(df.count()).isEqualTo(20);
  }
}
