package io.datamint.spark.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code bin/datamint-bench partition-scaling} refuses wrong arguments before it fetches, builds or
 * starts anything: exit status 2 and a message naming what was wrong and what is accepted.
 */
@Tag("tool")
class BenchScriptArgumentsTest {

  private static final Path BASEDIR =
      Path.of(System.getProperty("datamint.test.basedir", System.getProperty("user.dir")));

  @Test
  void unknownOptionIsNamed() throws Exception {
    assertThat(refused("partition-scaling", "--cores", "2", "--workers", "2"))
        .contains("unknown argument '--workers'")
        .contains("--standalone-workers N[,N...]");
  }

  @Test
  void optionWithoutItsValueIsNamed() throws Exception {
    assertThat(refused("partition-scaling", "--standalone-workers"))
        .contains("--standalone-workers needs a value");
  }

  @Test
  void workerCountsMustBeAList() throws Exception {
    assertThat(refused("partition-scaling", "--standalone-workers", "two"))
        .contains("worker counts like 2 or 1,2, not 'two'");
    assertThat(refused("partition-scaling", "--cores", "0"))
        .contains("--cores needs a positive whole number, not '0'");
  }

  @Test
  void exactlyOneKindOfMaster() throws Exception {
    assertThat(refused("partition-scaling", "--cores", "1", "--standalone-workers", "2"))
        .contains("exactly one of --cores and --standalone-workers");
    assertThat(refused("partition-scaling", "--rounds", "3"))
        .contains("exactly one of --cores and --standalone-workers");
  }

  /** Runs the script; checks it exited with 2 and printed nothing on stdout; returns stderr. */
  private static String refused(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(BASEDIR.resolve("bin/datamint-bench").toString());
    command.addAll(List.of(args));
    Process process = new ProcessBuilder(command).directory(BASEDIR.toFile()).start();
    process.getOutputStream().close();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("bin/datamint-bench " + String.join(" ", args) + " did not stop");
    }
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.exitValue()).as(err).isEqualTo(2);
    assertThat(out).isEmpty();
    return err;
  }
}
