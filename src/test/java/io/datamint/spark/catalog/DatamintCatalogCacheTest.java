package io.datamint.spark.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.internal.server.RequestStats;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A catalog instance lists the projects and reads a project once for all its lookups within {@code
 * cache_ttl} (counted as requests to the local API server), {@code DESCRIBE} of a metadata table
 * reads nothing, {@code REFRESH TABLE} reads again, and {@code cache_ttl = 0} reads at every
 * lookup.
 */
class DatamintCatalogCacheTest {

  private static final String LIST = "GET /projects";
  private static final String ANNOTATIONS = "POST /annotations/search";

  @TempDir static Path root;
  private static SparkSession spark;
  private static SampleProject.Summary sample;
  private static DatamintApiServer server;

  @BeforeAll
  static void setUp() throws Exception {
    sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
    spark = SharedSpark.session();
    for (String c : new String[] {"dm_cached", "dm_uncached"}) {
      spark.conf().set("spark.sql.catalog." + c, DatamintCatalog.class.getName());
      spark.conf().set("spark.sql.catalog." + c + ".server_url", server.url());
    }
    spark.conf().set("spark.sql.catalog.dm_uncached.cache_ttl", "0");
  }

  @AfterAll
  static void tearDown() {
    server.close();
  }

  private static String resourcesRoute() {
    return "GET /projects/" + sample.projectId() + "/resources";
  }

  private static void queries(String catalog) {
    String ns = catalog + ".`" + SampleProject.NAME + "`";
    spark.sql("SHOW TABLES IN " + ns).collect();
    spark.sql("DESCRIBE TABLE " + ns + ".resources").collect();
    spark.sql("DESCRIBE TABLE " + ns + ".labels").collect();
    assertThat(spark.sql("SELECT * FROM " + ns + ".labels").count()).isPositive();
    assertThat(spark.sql("SELECT * FROM " + ns + ".annotations").count()).isPositive();
    assertThat(spark.sql("SELECT * FROM " + ns + ".resources").count())
        .isEqualTo(sample.resources());
    assertThat(
            spark
                .read()
                .option("batch_size", "7")
                .table(ns + ".resources")
                .select("resource_id")
                .count())
        .isEqualTo(sample.resources());
  }

  @Test
  void oneListingAndOneReadOfTheProjectServeEveryLookupUntilRefresh() {
    RequestStats stats = server.stats();
    stats.reset();
    queries("dm_cached");
    // one listing for the catalog, one as the project's read resolves its name (as the SDK does)
    assertThat(stats.requests(LIST)).isEqualTo(2);
    assertThat(stats.requests(resourcesRoute())).isEqualTo(1);
    assertThat(stats.requests(ANNOTATIONS)).isEqualTo(1);

    stats.reset();
    String ns = "dm_cached.`" + SampleProject.NAME + "`";
    spark.sql("DESCRIBE TABLE " + ns + ".annotations").collect();
    spark.sql("DESCRIBE TABLE " + ns + ".splits").collect();
    assertThat(stats.requests(resourcesRoute())).isZero();

    spark.sql("REFRESH TABLE " + ns + ".resources");
    assertThat(spark.sql("SELECT * FROM " + ns + ".labels").count()).isPositive();
    assertThat(stats.requests(LIST)).isEqualTo(2);
    assertThat(stats.requests(resourcesRoute())).isEqualTo(1);
  }

  @Test
  void aZeroTtlReadsAtEveryLookupAndDescribeOfAMetadataTableReadsNothing() {
    RequestStats stats = server.stats();
    stats.reset();
    String ns = "dm_uncached.`" + SampleProject.NAME + "`";
    spark.sql("DESCRIBE TABLE " + ns + ".labels").collect();
    assertThat(stats.requests(resourcesRoute())).isZero();
    stats.reset();
    queries("dm_uncached");
    assertThat(stats.requests(LIST)).isGreaterThan(8);
    assertThat(stats.requests(resourcesRoute())).isGreaterThanOrEqualTo(4);
  }
}
