package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.adaptive.AdaptiveSparkPlanExec;
import org.apache.spark.sql.functions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's Spark UI metrics: a metadata query reads no file; a pixel query reads exactly its
 * resources'.
 */
class ReadMetricsTest {

  @TempDir Path tmp;

  private static long metric(Dataset<Row> df, String name) {
    df.collectAsList();
    return BatchScans.metrics(df).get(name);
  }

  @Test
  void filesAreReadOnlyForFileColumns() throws Exception {
    Path mirror = SampleProject.write(tmp.resolve("s"), 5).dir();
    Dataset<Row> metadata =
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(mirror.toString())
            .where("modality = 'CR'")
            .select("resource_id", "tags", "annotations");
    assertThat(metric(metadata, ReadMetrics.FILES_READ)).isZero();
    Dataset<Row> pixels =
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(mirror.toString())
            .where("modality = 'CR'")
            .select("resource_id", "image");
    assertThat(metric(pixels, ReadMetrics.FILES_READ)).isEqualTo(3);
    assertThat(metric(pixels, ReadMetrics.BYTES_READ)).isPositive();
    assertThat(metric(pixels, ReadMetrics.ERROR_ROWS)).isZero();
  }

  @Test
  void metricsAreFoundInsideAnAdaptivePlan() throws Exception {
    Path mirror = SampleProject.write(tmp.resolve("s"), 5).dir();
    SparkSession adaptive = SharedSpark.session().newSession();
    adaptive.conf().set("spark.sql.adaptive.enabled", "true");
    Dataset<Row> perModality =
        adaptive
            .read()
            .format("datamint")
            .load(mirror.toString())
            .where("modality = 'CR'")
            .groupBy("modality")
            .agg(functions.count("image.dtype"));
    assertThat(perModality.collectAsList()).extracting(r -> r.getLong(1)).containsExactly(3L);
    assertThat(perModality.queryExecution().executedPlan())
        .isInstanceOf(AdaptiveSparkPlanExec.class);
    assertThat(BatchScans.of(perModality)).hasSize(1);
    assertThat(BatchScans.metrics(perModality))
        .containsEntry(ReadMetrics.FILES_READ, 3L)
        .containsEntry(ReadMetrics.ERROR_ROWS, 0L);
  }
}
