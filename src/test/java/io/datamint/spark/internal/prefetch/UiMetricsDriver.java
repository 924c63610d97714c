package io.datamint.spark.internal.prefetch;

import io.datamint.spark.DatamintPrefetch;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.ClusterSession;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Driver main for {@link UiMetricsTest}, in a JVM of its own because the shared test session runs
 * without the UI: a local session with the UI on, a read of the project's images through the API
 * and a prefetch of it, then the answer of the UI's REST API ({@code
 * /api/v1/applications/{id}/sql?details=true}) written to a file. Arguments: the API URL, the
 * prefetch's output path, the file to write.
 */
public final class UiMetricsDriver {

  private UiMetricsDriver() {}

  public static void main(String[] args) throws Exception {
    try (SparkSession spark =
        SparkSession.builder()
            .master("local[2]")
            .appName("datamint-ui-metrics")
            .config("spark.ui.enabled", "true")
            .config("spark.ui.port", "0")
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1")
            .getOrCreate()) {
      Map<String, String> api =
          Map.of(
              "server_url",
              args[0],
              "api_key",
              "k",
              "project",
              SampleProject.NAME,
              "api_max_attempts",
              "30");
      long rows =
          spark
              .read()
              .format("datamint")
              .options(api)
              .load()
              .select("image")
              .collectAsList()
              .size();
      PrefetchReport report = DatamintPrefetch.run(spark, api, args[1]);
      String ui = spark.sparkContext().uiWebUrl().get();
      String app = spark.sparkContext().applicationId();
      HttpClient http = HttpClient.newHttpClient();
      String body = "";
      for (int attempt = 0; attempt < 50; attempt++) { // the SQL store is written asynchronously
        body =
            http.send(
                    HttpRequest.newBuilder(
                            URI.create(ui + "/api/v1/applications/" + app + "/sql?details=true"))
                        .build(),
                    HttpResponse.BodyHandlers.ofString())
                .body();
        if (body.contains("API retries") && body.contains("files downloaded")) {
          break;
        }
        Thread.sleep(200);
      }
      Files.writeString(Path.of(args[2]), body);
      ClusterSession.emit(
          "done",
          Map.of(
              "rows",
              rows,
              "downloaded",
              report.downloaded(),
              "failed",
              report.failed(),
              "ui",
              ui));
    }
  }
}
