package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.testing.ClusterDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The metrics as users find them: in the Spark UI's REST API ({@code /sql?details=true}), on the
 * scan nodes of a read and of a prefetch through a local Datamint API that throttles (429) and
 * fails (500), run in a driver JVM with the UI on ({@link UiMetricsDriver}).
 */
class UiMetricsTest {

  private static final Path BASEDIR =
      Path.of(System.getProperty("datamint.test.basedir", System.getProperty("user.dir")));

  @TempDir Path tmp;

  /** The metrics of the first scan node whose metrics include {@code marker}, by name. */
  private static Map<String, String> scanMetrics(JsonNode executions, String marker) {
    for (JsonNode execution : executions) {
      for (JsonNode node : execution.path("nodes")) {
        Map<String, String> metrics = new LinkedHashMap<>();
        for (JsonNode metric : node.path("metrics")) {
          metrics.put(metric.path("name").asText(), metric.path("value").asText());
        }
        if (metrics.containsKey(marker)) {
          return metrics;
        }
      }
    }
    throw new AssertionError("no scan node with the metric " + marker + " in " + executions);
  }

  private static long number(String value) {
    return Long.parseLong(value.replace(",", "").trim());
  }

  @Test
  void theReadAndThePrefetchShowTheirRetries429sAndDecodeTime() throws Exception {
    try (PrefetchFixture fx =
        PrefetchFixture.start(
            tmp, FaultPlan.parse("rate429=0.25,retryAfter=0,rate500=0.15,seed=5"))) {
      Path rest = tmp.resolve("sql.json");
      ClusterDriver.Result result =
          ClusterDriver.run(
                  UiMetricsDriver.class, fx.url(), tmp.resolve("out").toString(), rest.toString())
              .assertSucceeded();
      assertThat(result.stdout()).contains("\"rows\":13", "\"downloaded\":32", "\"failed\":0");
      JsonNode executions = new ObjectMapper().readTree(Files.readString(rest));
      // kept for people (docs/metrics.md quotes such a run)
      Path kept = BASEDIR.resolve("target/ui-metrics/sql.json");
      Files.createDirectories(kept.getParent());
      Files.copy(rest, kept, java.nio.file.StandardCopyOption.REPLACE_EXISTING);

      Map<String, String> read = scanMetrics(executions, "decode time");
      assertThat(read.get("decode time")).matches("\\d+\\.\\d (ms|s).*");
      assertThat(read.get("decode time")).doesNotStartWith("0.0 ms");
      assertThat(number(read.get("files fetched through the API"))).isEqualTo(13);
      assertThat(number(read.get("API retries"))).isPositive();
      assertThat(number(read.get("API 429 answers (throttled)"))).isPositive();
      assertThat(number(read.get("API 5xx answers"))).isPositive();
      assertThat(number(read.get("resources planned (driver)"))).isEqualTo(13);
      assertThat(read).containsKeys("API backoff time", "planning time (driver)");

      Map<String, String> prefetch = scanMetrics(executions, "files downloaded");
      assertThat(number(prefetch.get("files downloaded"))).isEqualTo(32);
      assertThat(number(prefetch.get("files fetched through the API"))).isEqualTo(32);
      assertThat(number(prefetch.get("API retries"))).isPositive();
      assertThat(number(prefetch.get("API 429 answers (throttled)"))).isPositive();
      assertThat(number(prefetch.get("bytes downloaded"))).isPositive();
    }
  }
}
