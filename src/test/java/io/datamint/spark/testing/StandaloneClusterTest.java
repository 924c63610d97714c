package io.datamint.spark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Cluster tier: starts a real standalone Master and Worker (separate JVMs), runs a driver JVM
 * against them and checks that the tasks ran in executor JVMs launched by the Worker. Exclude with
 * {@code -DexcludedGroups=cluster}.
 */
@Tag("cluster")
class StandaloneClusterTest {

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void tasksRunInExecutorJvmsOfTheWorker() throws Exception {
    long testPid = ProcessHandle.current().pid();
    List<Long> started = new ArrayList<>();

    try (StandaloneCluster cluster = StandaloneCluster.start(1)) {
      started.add(cluster.masterPid());
      started.addAll(cluster.workerPids());
      assertThat(cluster.masterState().path("aliveworkers").asInt()).isEqualTo(1);

      ClusterDriver.Result result =
          ClusterDriver.run(cluster, ExecutorPidProbe.class).assertSucceeded();
      started.add(result.pid());

      List<JsonNode> partitions = result.jsonLines("partition");
      List<JsonNode> drivers = result.jsonLines("driver");
      assertThat(drivers).as(result.describe()).hasSize(1);
      JsonNode driver = drivers.get(0);
      assertThat(driver.path("pid").asLong()).isEqualTo(result.pid()).isNotEqualTo(testPid);
      assertThat(driver.path("executorId").asText()).isEqualTo("driver");
      assertThat(driver.path("master").asText()).isEqualTo(cluster.masterUrl());

      assertThat(partitions).as(result.describe()).hasSize(4);
      long sum = 0;
      long count = 0;
      Set<Long> executorPids = new HashSet<>();
      for (JsonNode p : partitions) {
        long pid = p.path("pid").asLong();
        assertThat(pid).isNotIn(testPid, result.pid(), cluster.masterPid());
        assertThat(cluster.workerPids()).doesNotContain(pid);
        assertThat(p.path("parentPid").asLong())
            .as("executor JVM must be a child of the Worker")
            .isIn(cluster.workerPids());
        assertThat(p.path("executorId").asText()).isNotEqualTo("driver").isNotBlank();
        executorPids.add(pid);
        sum += p.path("sum").asLong();
        count += p.path("count").asLong();
      }
      assertThat(sum).isEqualTo(999L * 1000L / 2);
      assertThat(count).isEqualTo(1000L);
      started.addAll(executorPids);
    }

    // close() must leave nothing behind: Master, Worker, executors and driver are all gone.
    for (long pid : started) {
      assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))
          .as("process %d still alive after close()", pid)
          .isFalse();
    }
  }
}
