package io.datamint.spark.internal.prefetch;

import io.datamint.spark.DatamintPrefetch;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.ClusterSession;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Driver main for {@link ClusterPrefetchTest}: prefetches a project on a standalone cluster.
 * Arguments: the API URL, the project name and the output path. Emits one {@code report} line with
 * the counts.
 */
public final class ClusterPrefetchDriver {

  private ClusterPrefetchDriver() {}

  public static void main(String[] args) throws Exception {
    try (SparkSession spark = ClusterSession.connect()) {
      PrefetchReport report =
          DatamintPrefetch.run(
              spark,
              Map.of(
                  "server_url",
                  args[0],
                  "api_key",
                  "k",
                  "project",
                  args[1],
                  "prefetch_partitions",
                  "4",
                  "prefetch_concurrency",
                  "2"),
              args[2]);
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("downloaded", report.downloaded());
      fields.put("skipped", report.skipped());
      fields.put("failed", report.failed());
      fields.put("partitions", report.partitions());
      fields.put("bytes", report.bytesDownloaded());
      fields.put(
          "metricFiles", report.metrics().getOrDefault(PrefetchMetrics.FILES_DOWNLOADED, -1L));
      ClusterSession.emit("report", fields);
    }
  }
}
