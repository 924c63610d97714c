package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.testing.ClusterDriver;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.StandaloneCluster;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cluster tier: a datamint read planned on a driver JVM and executed by executor JVMs of a
 * standalone Worker gives the same rows as the local read. This proves partitions and readers
 * serialize and carry everything they need.
 */
@Tag("cluster")
class ClusterReadTest {

  @TempDir Path tmp;

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void readsAMirrorOnAMultiJvmCluster() throws Exception {
    TestMirror m = TestMirror.in(tmp.resolve("p"));
    for (int i = 0; i < 12; i++) {
      m.image(
          "r" + i,
          "img" + i + ".png",
          i % 2 == 0 ? "CR" : "DX",
          "patient-" + (i % 4),
          "t" + (i % 3));
      m.label("a" + i, "r" + i, i % 2 == 0 ? "pneumonia" : "nodule", "alice@example.com");
    }
    String mirror = m.write().toString();
    String where = "modality = 'CR' OR array_contains(tags, 't1')";

    List<String> local =
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(mirror)
            .where(where)
            .select("resource_id", "modality", "tags", "annotations", "image.shape")
            .toJSON()
            .collectAsList();

    try (StandaloneCluster cluster = StandaloneCluster.start(1)) {
      ClusterDriver.Result result =
          ClusterDriver.run(cluster, ClusterReadDriver.class, mirror, where).assertSucceeded();
      List<JsonNode> partitions = result.jsonLines("partition");
      assertThat(partitions).as(result.describe()).hasSizeGreaterThan(1);
      for (JsonNode partition : partitions) {
        assertThat(partition.path("pid").asLong())
            .isNotIn(ProcessHandle.current().pid(), result.pid());
        assertThat(partition.path("executorId").asText()).isNotEqualTo("driver");
      }
      JsonNode rows = result.jsonLines("rows").get(0);
      assertThat(List.of(rows.path("json").asText().split("\n"))).isEqualTo(local).hasSize(8);
    }
  }
}
