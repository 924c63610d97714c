package io.datamint.spark.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The standalone cluster the benchmark harness starts from an installation ({@code
 * bin/datamint-bench partition-scaling --standalone-workers 2}): every Worker registers, and the
 * Master, the Workers and whatever they started are gone after {@link InstalledCluster#close()},
 * and after a start that fails.
 */
class InstalledClusterIT {

  @Test
  void twoWorkersRegisterAndEveryDaemonStopsOnClose(@TempDir Path logs) throws Exception {
    SparkInstallation spark = firstInstallation();
    List<Long> pids;
    try (InstalledCluster cluster = InstalledCluster.start(spark, logs, 2, 1, "1g")) {
      pids = cluster.daemonPids();
      assertThat(pids).hasSize(3);
      assertThat(cluster.masterUrl()).startsWith("spark://127.0.0.1:");
      for (long pid : pids) {
        assertThat(alive(pid)).as("daemon %d while the cluster runs", pid).isTrue();
      }
    }
    for (long pid : pids) {
      assertThat(alive(pid)).as("daemon %d after close()", pid).isFalse();
    }
    assertThat(logs.resolve("work")).isDirectory();
    assertThat(logs.resolve("work-1")).isDirectory();
  }

  @Test
  void aFailedStartLeavesNoProcessBehind(@TempDir Path logs) throws Exception {
    SparkInstallation spark = firstInstallation();
    Set<Long> before = children();
    assertThatThrownBy(() -> InstalledCluster.start(spark, logs, 1, 1, "lots"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("exited with");
    assertThat(children()).as("child processes left by the failed start").isSubsetOf(before);
  }

  private static SparkInstallation firstInstallation() {
    List<SparkInstallation> installations = SparkSubmitIT.installations();
    assumeFalse(installations.isEmpty(), "no Spark installations given (bin/test gives them)");
    return installations.get(0);
  }

  private static boolean alive(long pid) {
    return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
  }

  private static Set<Long> children() {
    return ProcessHandle.current()
        .children()
        .filter(ProcessHandle::isAlive)
        .map(ProcessHandle::pid)
        .collect(Collectors.toSet());
  }
}
