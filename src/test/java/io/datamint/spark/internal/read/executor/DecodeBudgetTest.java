package io.datamint.spark.internal.read.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.read.executor.DecodeBudget.TaskSlots;
import org.junit.jupiter.api.Test;

/** The default decode budget: a quarter of the heap per task slot, unless the option is given. */
class DecodeBudgetTest {

  private static final long MIB = 1L << 20;

  @Test
  void aQuarterOfTheHeapPerTaskSlot() {
    DecodeLimits one = DecodeBudget.fromHeap(512 * MIB, TaskSlots.of("local[1]", null, 1, 8));
    assertThat(one.maxDecodedBytes()).isEqualTo(128 * MIB);
    assertThat(one.describe())
        .isEqualTo(
            "the limit of 134217728 decoded bytes (the default budget: a quarter of this"
                + " executor's 512 MiB heap shared by 1 task slot (master local[1]); set the option"
                + " max_decoded_bytes to change it)");
    DecodeLimits four =
        DecodeBudget.fromHeap(8192 * MIB, TaskSlots.of("spark://m:7077", "4", 1, 16));
    assertThat(four.maxDecodedBytes()).isEqualTo(512 * MIB);
    assertThat(four.origin())
        .contains("8192 MiB heap shared by 4 task slots (spark.executor.cores 4)");
  }

  @Test
  void aHugeHeapIsCappedAtTheLargestArray() {
    DecodeLimits limits = DecodeBudget.fromHeap(64L << 30, TaskSlots.of("local", null, 1, 2));
    assertThat(limits.maxDecodedBytes()).isEqualTo(DecodeLimits.DEFAULT_MAX_DECODED_BYTES);
    assertThat(limits.origin()).contains("capped at 2g");
  }

  @Test
  void taskSlotsComeFromTheExecutorCoresTheMasterOrTheProcessors() {
    assertThat(TaskSlots.of("yarn", "8", 2, 64))
        .isEqualTo(new TaskSlots(4, "spark.executor.cores 8 / spark.task.cpus 2"));
    assertThat(TaskSlots.of("local[*]", null, 1, 6)).isEqualTo(new TaskSlots(6, "master local[*]"));
    assertThat(TaskSlots.of("local[3,2]", null, 1, 6).count()).isEqualTo(3);
    assertThat(TaskSlots.of("local", null, 1, 6).count()).isEqualTo(1);
    assertThat(TaskSlots.of("k8s://x", null, 1, 6))
        .isEqualTo(new TaskSlots(6, "6 processors, spark.executor.cores not set"));
    assertThat(TaskSlots.of("local[2]", null, 4, 6).count()).isEqualTo(1); // never 0
  }

  @Test
  void theOptionWhenGivenIsTheLimitWhateverTheHeap() {
    long twoGiB = DecodeLimits.DEFAULT_MAX_DECODED_BYTES;
    DecodeLimits given = DecodeBudget.limits(twoGiB);
    assertThat(given.maxDecodedBytes()).isEqualTo(twoGiB);
    assertThat(given.origin()).isEqualTo("option max_decoded_bytes");
    DecodeLimits heap = DecodeBudget.limits(null);
    assertThat(heap.maxDecodedBytes())
        .isLessThanOrEqualTo(Runtime.getRuntime().maxMemory() / DecodeBudget.HEAP_SHARE);
    assertThat(heap.origin()).startsWith("the default budget: a quarter of this executor's");
  }
}
