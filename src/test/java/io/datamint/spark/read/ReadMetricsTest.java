package io.datamint.spark.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.execution.SparkPlan;
import org.apache.spark.sql.execution.datasources.v2.BatchScanExec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scan's Spark UI metrics: a metadata query reads no file; a pixel query reads exactly its resources'. */
class ReadMetricsTest {

  @TempDir Path tmp;

  private static long metric(Dataset<Row> df, String name) {
    df.collectAsList();
    SparkPlan plan = df.queryExecution().executedPlan();
    BatchScanExec scan = (BatchScanExec) plan.collectFirst(
        new scala.runtime.AbstractPartialFunction<SparkPlan, SparkPlan>() {
          @Override
          public boolean isDefinedAt(SparkPlan p) {
            return p instanceof BatchScanExec;
          }

          @Override
          public SparkPlan apply(SparkPlan p) {
            return p;
          }
        }).get();
    return scan.metrics().apply(name).value();
  }

  @Test
  void filesAreReadOnlyForFileColumns() throws Exception {
    Path mirror = SampleProject.write(tmp.resolve("s"), 5).dir();
    Dataset<Row> metadata = SharedSpark.session().read().format("datamint").load(mirror.toString())
        .where("modality = 'CR'").select("resource_id", "tags", "annotations");
    assertThat(metric(metadata, ReadMetrics.FILES_READ)).isZero();
    Dataset<Row> pixels = SharedSpark.session().read().format("datamint").load(mirror.toString())
        .where("modality = 'CR'").select("resource_id", "image");
    assertThat(metric(pixels, ReadMetrics.FILES_READ)).isEqualTo(3);
    assertThat(metric(pixels, ReadMetrics.BYTES_READ)).isPositive();
    assertThat(metric(pixels, ReadMetrics.ERROR_ROWS)).isZero();
  }
}
