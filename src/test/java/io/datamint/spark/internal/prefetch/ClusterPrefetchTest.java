package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.ClusterDriver;
import io.datamint.spark.testing.StandaloneCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster tier: a prefetch planned on a driver JVM whose downloads run in the executor JVMs of a
 * standalone Worker, which proves that its partitions and reader factory carry everything the
 * downloads need; then, on the same cluster, a read through the API (files downloaded and decoded
 * by the executors) equal to a read of the mirror.
 */
@Tag("cluster")
class ClusterPrefetchTest {

  @TempDir Path tmp;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void downloadsOnExecutors() throws Exception {
    try (PrefetchFixture fx = PrefetchFixture.start(tmp);
        StandaloneCluster cluster = StandaloneCluster.start(1)) {
      Path out = tmp.resolve("out");
      ClusterDriver.Result result =
          ClusterDriver.run(
                  cluster,
                  ClusterPrefetchDriver.class,
                  fx.url(),
                  SampleProject.NAME,
                  out.toString())
              .assertSucceeded();
      JsonNode report = result.jsonLines("report").get(0);
      assertThat(report.path("downloaded").asLong()).as(result.describe()).isEqualTo(32);
      assertThat(report.path("failed").asLong()).isZero();
      assertThat(report.path("partitions").asInt()).isEqualTo(4);
      assertThat(report.path("metricFiles").asLong()).isEqualTo(32);
      assertThat(PrefetchFixture.files(out.resolve("files")))
          .isEqualTo(PrefetchFixture.files(fx.source.resolve("files")));
      for (String file : PrefetchFixture.files(fx.source.resolve("files"))) {
        assertThat(Files.readAllBytes(out.resolve("files").resolve(file)))
            .isEqualTo(Files.readAllBytes(fx.source.resolve("files").resolve(file)));
      }

      // on the same cluster: the executors read through the API with their own clients, as from the
      // mirror
      ClusterDriver.Result read =
          ClusterDriver.run(
                  cluster, ClusterApiReadDriver.class, fx.url(), SampleProject.NAME, out.toString())
              .assertSucceeded();
      String fromApi = read.jsonLines("api").get(0).path("rows").asText();
      assertThat(fromApi.split("\n")).as(read.describe()).hasSize(13);
      assertThat(fromApi).contains("\"pixels\":\"").doesNotContain("\"_error\"");
      assertThat(fromApi).isEqualTo(read.jsonLines("mirror").get(0).path("rows").asText());
      for (String executor : read.jsonLines("executors").get(0).path("ids").asText().split(",")) {
        assertThat(executor)
            .doesNotStartWith("driver@")
            .doesNotEndWith("@" + ProcessHandle.current().pid())
            .doesNotEndWith("@" + read.pid());
      }
    }
  }
}
