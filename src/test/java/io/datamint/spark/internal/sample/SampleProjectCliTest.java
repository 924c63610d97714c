package io.datamint.spark.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.ExternalTool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("tool")
class SampleProjectCliTest {

  private static final Path BASEDIR = Path.of(System.getProperty("datamint.test.basedir", "."));

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(String... args) {
    return SampleProjectCli.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void helpPrintsUsageAndSucceeds() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("Usage: datamint-sample DIR [--seed N]", "--seed N");
  }

  @Test
  void usageErrorsExitWithTwo() {
    assertThat(run()).isEqualTo(2);
    assertThat(run("--seed")).isEqualTo(2);
    assertThat(run("dir", "--seed", "x1")).isEqualTo(2);
    assertThat(run("dir", "--frobnicate")).isEqualTo(2);
    assertThat(run("a", "b")).isEqualTo(2);
    String messages = err.toString(StandardCharsets.UTF_8);
    assertThat(messages)
        .contains(
            "missing DIR",
            "--seed needs a value",
            "--seed must be an integer, got 'x1'",
            "unknown option '--frobnicate'",
            "only one DIR");
  }

  @Test
  void writesTheSampleWithTheGivenSeed(@TempDir Path tmp) throws IOException {
    assertThat(run(tmp.resolve("a").toString(), "--seed", "7")).isZero();
    assertThat(run("--seed=7", tmp.resolve("b").toString())).isZero();
    assertThat(Mirror.tree(tmp.resolve("a")).keySet())
        .isEqualTo(Mirror.tree(tmp.resolve("b")).keySet());
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("13 resources", "seed 7");
  }

  @Test
  void refusingToOverwriteExitsWithOne(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("data.csv"), "a,b");
    assertThat(run(tmp.toString())).isEqualTo(1);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("refusing to overwrite");
  }

  @Test
  void binScriptRunsTheGenerator(@TempDir Path tmp) {
    Path script = BASEDIR.resolve("bin/datamint-sample");
    assertThat(Files.isExecutable(script)).as(script + " is executable").isTrue();
    ExternalTool.assumeAvailable("bash");
    ExternalTool.Result help =
        ExternalTool.run(Duration.ofSeconds(60), script.toString(), "--help");
    assertThat(help.exitCode()).as(help.describe("failed")).isZero();
    assertThat(help.stdout()).contains("Usage: datamint-sample DIR [--seed N]");

    ExternalTool.Result bad =
        ExternalTool.run(Duration.ofSeconds(60), script.toString(), "--seed", "nope");
    assertThat(bad.exitCode()).as(bad.describe("should fail with a usage error")).isEqualTo(2);

    ExternalTool.Result ok =
        ExternalTool.run(
            Duration.ofSeconds(120),
            script.toString(),
            tmp.resolve("demo").toString(),
            "--seed",
            "7");
    assertThat(ok.exitCode()).as(ok.describe("failed")).isZero();
    assertThat(tmp.resolve("demo/project.json")).isRegularFile();
  }
}
