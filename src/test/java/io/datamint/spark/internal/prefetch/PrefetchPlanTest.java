package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.prefetch.PrefetchFileResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Partitions of about equal weight, heaviest files first within each. */
class PrefetchPlanTest {

  private static PrefetchTask task(String id, Long size) {
    return new PrefetchTask(
        PrefetchFileResult.Kind.RESOURCE, id, null, size, new SdkVersion("{}", "h"));
  }

  private static long weight(List<PrefetchTask> tasks) {
    return tasks.stream().mapToLong(PrefetchTask::weight).sum();
  }

  @Test
  void balancesByBytesAndCountsSmallFilesToo() {
    List<PrefetchTask> tasks = new ArrayList<>();
    tasks.add(task("big", 100L << 20));
    for (int i = 0; i < 40; i++) {
      tasks.add(task("small-" + i, 1L << 20));
    }
    tasks.add(task("unknown", null));
    List<List<PrefetchTask>> parts = PrefetchPlan.balance(tasks, 3);
    assertThat(parts).hasSize(3);
    assertThat(parts.stream().mapToInt(List::size).sum()).isEqualTo(tasks.size());
    assertThat(parts.get(0).get(0).resourceId()).isEqualTo("big");
    assertThat(parts.get(0)).hasSize(1); // the big file alone outweighs the rest split in two
    long a = weight(parts.get(1));
    long b = weight(parts.get(2));
    assertThat(Math.abs(a - b)).isLessThanOrEqualTo((1L << 20) + PrefetchTask.PER_FILE_WEIGHT);
    for (List<PrefetchTask> part : parts) {
      for (int i = 1; i < part.size(); i++) {
        assertThat(part.get(i - 1).weight()).isGreaterThanOrEqualTo(part.get(i).weight());
      }
    }
  }

  @Test
  void neverMorePartitionsThanFiles() {
    assertThat(PrefetchPlan.balance(List.of(task("a", 1L), task("b", 2L)), 16)).hasSize(2);
    assertThat(PrefetchPlan.balance(List.of(task("a", 1L)), 0)).hasSize(1);
    assertThat(PrefetchPlan.balance(List.of(), 4)).isEmpty();
  }
}
