package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A decoder call that never returns ends its row, and every other outcome passes unchanged. */
@Tag("spark-independent")
class DecodeTimeLimitTest {

  private static final DecodeTimeLimit SHORT = DecodeTimeLimit.of(Duration.ofMillis(300));

  @Test
  void aCallThatNeverReturnsIsStoppedAndBecomesTheRowsError() throws Exception {
    AtomicReference<Thread> worker = new AtomicReference<>();
    assertThatThrownBy(
            () ->
                SHORT.run(
                    "JPEG 2000 frame 4",
                    () -> {
                      worker.set(Thread.currentThread());
                      long spins = 0;
                      while (spins >= 0) { // ignores interrupts, as the decoders guarded do
                        spins = spins + 1 == Long.MAX_VALUE ? 0 : spins + 1;
                      }
                      return spins;
                    }))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("JPEG 2000 frame 4 did not finish decoding within 0 s")
        .hasMessageContaining("its data is taken to be corrupt");
    worker.get().join(10_000);
    if (Runtime.version().feature() < 20) {
      assertThat(worker.get().getState())
          .as("a worker stopped by Thread.stop goes back to its pool, waiting")
          .isIn(Thread.State.WAITING, Thread.State.TIMED_WAITING, Thread.State.TERMINATED);
      assertThat(SHORT.run("next frame", () -> "decoded")).isEqualTo("decoded");
    }
  }

  @Test
  void resultsAndFailuresInTimePassUnchanged() throws Exception {
    assertThat(SHORT.run("frame", () -> 42)).isEqualTo(42);
    DecodeException decode = new DecodeException("frame 1 is corrupt");
    assertThatThrownBy(
            () ->
                SHORT.run(
                    "frame",
                    () -> {
                      throw decode;
                    }))
        .isSameAs(decode);
    IllegalStateException runtime = new IllegalStateException("library bug");
    assertThatThrownBy(
            () ->
                SHORT.run(
                    "frame",
                    () -> {
                      throw runtime;
                    }))
        .isSameAs(runtime);
    StackOverflowError error = new StackOverflowError();
    assertThatThrownBy(
            () ->
                SHORT.run(
                    "frame",
                    () -> {
                      throw error;
                    }))
        .isSameAs(error);
  }

  @Test
  void theCallRunsWithTheCallersContextClassLoader() throws Exception {
    ClassLoader mine = new ClassLoader(getClass().getClassLoader()) {};
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(mine);
    try {
      assertThat(SHORT.run("frame", () -> Thread.currentThread().getContextClassLoader()))
          .isSameAs(mine);
    } finally {
      thread.setContextClassLoader(previous);
    }
  }

  @Test
  void theLimitGrowsWithTheSamples() {
    assertThat(DecodeTimeLimit.forSamples(0).limit()).isEqualTo(Duration.ofSeconds(30));
    assertThat(DecodeTimeLimit.forSamples(512L * 512).limit())
        .isEqualTo(Duration.ofSeconds(30).plusNanos(512L * 512 * 5_000));
  }
}
