package io.datamint.spark.bench;

import io.datamint.spark.DatamintPrefetch;
import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.api.client.DatamintApiClient;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.apache.spark.sql.SparkSession;

/**
 * Prefetch throughput from the local API server with a fixed latency injected into every request:
 * one download at a time on the driver (what the SDK's {@code prefetch()} does), beside the
 * prefetch job with 1, 4 and 16 downloads in flight per executor, and a second run over an
 * up-to-date mirror (everything skipped).
 */
final class PrefetchBenchmark {

  /** One measured prefetch. */
  record Result(String run, int concurrency, long files, long bytes, double seconds) {}

  private PrefetchBenchmark() {}

  static List<Result> run(
      SparkSession spark, Path work, int resources, int fileBytes, long latencyMs)
      throws Exception {
    Path root = work.resolve("prefetch-source");
    TestMirror mirror =
        TestMirror.in(root.resolve("project"))
            .project(
                "{\"id\": \"bench-prefetch\", \"name\": \"bench-prefetch\", \"worklist_id\": null}");
    for (int i = 0; i < resources; i++) {
      mirror.resourceLine(
          String.format(
              "{\"id\": \"r-%04d\", \"filename\": \"r-%04d.png\", \"mimetype\": "
                  + "\"image/png\", \"size\": %d, \"created_at\": \"2026-01-01T00:00:00.000Z\", \"deleted_at\": null}",
              i, i, fileBytes));
    }
    Path dir = mirror.write();
    Random random = new Random(7);
    Files.createDirectories(dir.resolve("files/resources"));
    byte[] bytes = new byte[fileBytes];
    for (int i = 0; i < resources; i++) {
      random.nextBytes(bytes);
      Files.write(dir.resolve(String.format("files/resources/r-%04d", i)), bytes);
    }
    List<Result> results = new ArrayList<>();
    try (DatamintApiServer server =
        DatamintApiServer.start(
            root, 0, Optional.empty(), FaultPlan.parse("slowMs=" + latencyMs + ",slowRate=1"))) {
      results.add(sequential(server, work.resolve("sequential"), resources));
      for (int concurrency : new int[] {1, 4, 16}) {
        Path out = work.resolve("prefetch-" + concurrency);
        results.add(prefetch(spark, server, out, concurrency, "prefetch job"));
        if (concurrency == 16) {
          results.add(prefetch(spark, server, out, concurrency, "prefetch job, mirror up to date"));
        }
      }
    }
    return results;
  }

  /**
   * The SDK's way: list the resources, then download each file in turn, written through a temporary
   * name.
   */
  private static Result sequential(DatamintApiServer server, Path out, int expected)
      throws IOException {
    Files.createDirectories(out);
    try (ApiClients.Lease lease =
        ApiClients.acquire(ApiSettings.of(server.url(), null).withMaxConcurrentRequests(1))) {
      return sequential(lease.client(), out, expected);
    }
  }

  private static Result sequential(DatamintApiClient client, Path out, int expected)
      throws IOException {
    long started = System.nanoTime();
    String projectId =
        io.datamint.spark.internal.api.model.Json.text(client.findProject("bench-prefetch"), "id");
    long total = 0;
    int files = 0;
    for (var resource : client.projectResources(projectId)) {
      String id = io.datamint.spark.internal.api.model.Json.text(resource, "id");
      Path tmp = out.resolve(id + ".tmp");
      total +=
          client.downloadResource(
              id,
              (body, length) -> {
                try (OutputStream o = Files.newOutputStream(tmp)) {
                  return body.transferTo(o);
                }
              });
      Files.move(
          tmp,
          out.resolve(id),
          StandardCopyOption.REPLACE_EXISTING,
          StandardCopyOption.ATOMIC_MOVE);
      files++;
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    if (files != expected) {
      throw new IllegalStateException(
          "the sequential download fetched " + files + " of " + expected + " files");
    }
    return new Result(
        "one download at a time on the driver (SDK prefetch())", 1, files, total, seconds);
  }

  private static Result prefetch(
      SparkSession spark, DatamintApiServer server, Path out, int concurrency, String label) {
    PrefetchReport report =
        DatamintPrefetch.run(
            spark,
            Map.of(
                "server_url",
                server.url(),
                "project",
                "bench-prefetch",
                "worklists",
                "none",
                "prefetch_concurrency",
                Integer.toString(concurrency),
                "api_max_concurrent_requests",
                Integer.toString(concurrency),
                "prefetch_partitions",
                "1"),
            out.toString());
    if (!report.complete()) {
      throw new IllegalStateException(
          "the prefetch failed for " + report.failed() + " files: " + report.failures());
    }
    return new Result(
        label,
        concurrency,
        report.downloaded() + report.skipped(),
        report.bytesDownloaded(),
        report.elapsed().toNanos() / 1e9);
  }
}
