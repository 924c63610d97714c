package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.testing.ClusterDriver;
import io.datamint.spark.testing.StandaloneCluster;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bytedeco.javacpp.Loader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster tier: executor JVMs launched by a standalone Worker load the FFmpeg natives into a
 * JavaCPP cache set with {@code
 * spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=...} and decode the same pixels
 * as this JVM. Exclude with {@code -DexcludedGroups=cluster}.
 */
@Tag("cluster")
class VideoOnExecutorsTest {

  @Test
  @Timeout(value = 240, unit = TimeUnit.SECONDS)
  void executorsLoadTheNativesAndDecode(@TempDir Path tmp) throws Exception {
    Path cache = tmp.resolve("executor-javacpp-cache");
    byte[] clip = NativeProbe.clip();
    long expected =
        NativeProbe.checksum(new VideoDecoder().decode(clip, clip.length, DecodeLimits.defaults()));

    try (StandaloneCluster cluster = StandaloneCluster.start(1)) {
      ClusterDriver.Result result =
          ClusterDriver.run(cluster, ExecutorDecode.class, cache.toString()).assertSucceeded();
      List<JsonNode> probes = result.jsonLines("probe");
      assertThat(probes).as(result.describe()).hasSize(2);
      long driverPid = result.jsonLines("driver").get(0).path("pid").asLong();
      for (JsonNode probe : probes) {
        assertThat(probe.path("pid").asLong()).isNotIn(driverPid, ProcessHandle.current().pid());
        assertThat(cluster.workerPids()).doesNotContain(probe.path("pid").asLong());
        // the given directory is the base: one flat directory per FFmpeg build and platform below
        // it
        assertThat(Path.of(probe.path("cacheDir").asText()).toRealPath())
            .isEqualTo(cache.resolve(NativeCache.directoryName(Loader.getPlatform())).toRealPath());
        assertThat(probe.path("frames").asInt()).isEqualTo(12);
        assertThat(probe.path("checksum").asLong()).isEqualTo(expected);
        System.out.println("[video-executor] " + probe);
      }
    }
  }
}
