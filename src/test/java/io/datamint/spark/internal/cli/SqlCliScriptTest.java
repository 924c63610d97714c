package io.datamint.spark.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/datamint-sql} as a real process, on the class path the build wrote. */
@Tag("tool")
class SqlCliScriptTest {

  private static final long TIMEOUT_SECONDS = 180;

  private static final Path BASEDIR =
      Path.of(System.getProperty("datamint.test.basedir", System.getProperty("user.dir")));

  @Test
  void jsonOutputIsExactlyTheRowsWithNoLogsOnStdout(@TempDir Path dir) throws Exception {
    assertThat(BASEDIR.resolve("target/classes")).isDirectory();
    assertThat(BASEDIR.resolve("target/classpath.txt")).isRegularFile();
    assertThat(runScript(dir, "--format", "json", "SELECT 1 AS a, 'x' AS b"))
        .isEqualTo("{\"a\":1,\"b\":\"x\"}\n");
  }

  @Test
  void theScriptsSessionPushesTagFilters(@TempDir Path dir) throws Exception {
    String mirror =
        io.datamint.spark.testing.TestMirror.in(dir.resolve("p"))
            .image("r1", "a.png", "CR", "p1", "chest")
            .image("r2", "b.png", "DX", "p2", "knee")
            .write()
            .toString();
    // the view needs Spark's session catalog, whose warehouse directory would otherwise land in the
    // repository
    assertThat(
            runScript(
                dir,
                "--conf",
                "spark.sql.warehouse.dir=" + dir.resolve("warehouse").toUri(),
                "CREATE TEMPORARY VIEW res USING datamint OPTIONS (path '"
                    + mirror
                    + "'); "
                    + "EXPLAIN SELECT resource_id FROM res WHERE array_contains(tags, 'chest')"))
        .as("the plan, with the tag pushed through the session extensions the script sets")
        .contains("PushedTags=[chest]");
  }

  /**
   * Runs {@code bin/datamint-sql args} in {@code dir}; returns its stdout after checking it exited
   * with 0.
   */
  private static String runScript(Path dir, String... args) throws Exception {
    Path script = BASEDIR.resolve("bin/datamint-sql");
    assertThat(script).isExecutable();
    Path stdout = dir.resolve("stdout");
    Path stderr = dir.resolve("stderr");
    List<String> command = new ArrayList<>(List.of(script.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(BASEDIR.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .start();
    try {
      boolean finished = process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS);
      assertThat(finished)
          .as("bin/datamint-sql finished within %d s; stderr:%n%s", TIMEOUT_SECONDS, read(stderr))
          .isTrue();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    assertThat(process.exitValue()).as("exit status; stderr:%n%s", read(stderr)).isEqualTo(0);
    return read(stdout);
  }

  @Test
  void launcherJvmFlagsMatchThePom() throws IOException {
    String pom = Files.readString(BASEDIR.resolve("pom.xml"), StandardCharsets.UTF_8);
    Matcher flags =
        Pattern.compile("<spark\\.jvm\\.flags>(.*?)</spark\\.jvm\\.flags>").matcher(pom);
    assertThat(flags.find()).as("pom property spark.jvm.flags").isTrue();
    assertThat(
            Files.readString(BASEDIR.resolve("bin/lib/jvm-flags"), StandardCharsets.UTF_8).strip())
        .isEqualTo(flags.group(1).strip());
  }

  private static String read(Path file) throws IOException {
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }
}
