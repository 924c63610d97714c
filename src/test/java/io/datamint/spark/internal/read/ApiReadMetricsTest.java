package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.api.client.ApiMetrics;
import io.datamint.spark.internal.decode.NativeLoads;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.SharedSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan's metrics of a read through a Datamint API that throttles and fails: each task counts
 * its own requests, retries, 429s and 5xx answers, the files it fetched and its decode time; the
 * driver reports the planning.
 */
class ApiReadMetricsTest {

  @TempDir Path tmp;

  @Test
  void aThrottledReadCountsItsRetriesAndItsDecodeTime() throws Exception {
    SampleProject.write(tmp.resolve("root/sample"), SampleProject.DEFAULT_SEED);
    try (DatamintApiServer server =
        DatamintApiServer.start(
            tmp.resolve("root"),
            0,
            Optional.empty(),
            FaultPlan.parse("rate429=0.3,retryAfter=0,rate500=0.15,seed=11"))) {
      Dataset<Row> images =
          SharedSpark.session()
              .read()
              .format("datamint")
              .option("server_url", server.url())
              .option("api_key", "k")
              .option("project", SampleProject.NAME)
              .option("api_max_attempts", "20")
              .load()
              .select("resource_id", "image", "_error");
      List<Row> rows = images.collectAsList();
      assertThat(rows).hasSize(13).allSatisfy(r -> assertThat(r.isNullAt(2)).isTrue());
      Map<String, Long> metrics = BatchScans.metrics(images);
      assertThat(metrics.get(ApiMetrics.FILES)).isEqualTo(13L);
      assertThat(metrics.get(ApiMetrics.REQUESTS)).isEqualTo(13L + metrics.get(ApiMetrics.RETRIES));
      assertThat(metrics.get(ApiMetrics.RETRIES))
          .isEqualTo(metrics.get(ApiMetrics.THROTTLED) + metrics.get(ApiMetrics.SERVER_ERRORS))
          .isPositive();
      assertThat(metrics.get(ApiMetrics.THROTTLED)).isPositive();
      assertThat(metrics.get(ApiMetrics.SERVER_ERRORS)).isPositive();
      assertThat(metrics.get(ApiMetrics.BACKOFF_NANOS)).isPositive();
      assertThat(metrics.get(ReadMetrics.DECODE_NANOS)).isPositive();
      assertThat(metrics.get(ReadMetrics.DECODED_BYTES)).isPositive();
      assertThat(
              metrics.get(ReadMetrics.IMAGE_ROWS)
                  + metrics.get(ReadMetrics.VOLUME_ROWS)
                  + metrics.get(ReadMetrics.VIDEO_ROWS))
          .isEqualTo(13L);
      assertThat(metrics.get(ReadMetrics.RESOURCES_PLANNED)).isEqualTo(13L);
      assertThat(metrics.get(ReadMetrics.PARTITIONS_PLANNED)).isPositive();
      assertThat(metrics.get(ReadMetrics.METADATA_REQUESTS)).isPositive();
      assertThat(metrics.get(ReadMetrics.METADATA_NANOS)).isPositive();
    }
  }

  @Test
  void aMirrorReadSendsNoRequestAndReportsTheExecutorsNativeLoads() throws Exception {
    Path mirror = SampleProject.write(tmp.resolve("s"), 5).dir();
    // as FFmpeg's first load in an executor would (this JVM's load, if any, is long reported)
    NativeLoads.loaded(7_000_000);
    Dataset<Row> images =
        SharedSpark.session().read().format("datamint").load(mirror.toString()).select("image");
    images.collectAsList();
    Map<String, Long> metrics = BatchScans.metrics(images);
    assertThat(metrics.get(ApiMetrics.REQUESTS)).isZero();
    assertThat(metrics.get(ApiMetrics.FILES)).isZero();
    assertThat(metrics.get(ReadMetrics.METADATA_REQUESTS)).isZero();
    assertThat(metrics.get(ReadMetrics.DECODE_NANOS)).isPositive();
    assertThat(metrics.get(ReadMetrics.NATIVE_LOAD_NANOS)).isGreaterThanOrEqualTo(7_000_000L);
    assertThat(NativeLoads.takePending()).isZero();
  }
}
