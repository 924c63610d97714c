package io.datamint.spark.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class ExternalToolTest {

  private static final String MISSING = "datamint-no-such-tool-4711";

  @Test
  void aMissingToolSkipsLocallyAndFailsOnCi() {
    assertThatThrownBy(
            () -> ExternalTool.assumeAvailable(MISSING, "apt-get install nothing", false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining(MISSING)
        .hasMessageContaining("skipping");
    assertThatThrownBy(() -> ExternalTool.assumeAvailable(MISSING, "apt-get install nothing", true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true");
  }

  @Test
  void runCapturesBothStreamsAndTheExitCode() {
    ExternalTool.assumeAvailable("sh");
    ExternalTool.Result r = ExternalTool.run("sh", "-c", "echo out; echo err >&2; exit 3");
    assertThat(r.exitCode()).isEqualTo(3);
    assertThat(r.stdout()).isEqualTo("out\n");
    assertThat(r.stderr()).isEqualTo("err\n");
    assertThatThrownBy(r::assertSuccess)
        .hasMessageContaining("exited with 3")
        .hasMessageContaining("err");
  }

  @Test
  void runFailsWhenTheTimeoutPasses() {
    ExternalTool.assumeAvailable("sleep");
    assertThatThrownBy(() -> ExternalTool.run(Duration.ofMillis(300), "sleep", "20"))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("did not finish within");
  }
}
