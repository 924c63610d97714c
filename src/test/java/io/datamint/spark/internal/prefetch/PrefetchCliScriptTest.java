package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.prefetch.PrefetchReport;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/datamint-prefetch} as a real process, on the class path the build wrote. */
@Tag("tool")
class PrefetchCliScriptTest {

  private static final Path BASEDIR =
      Path.of(System.getProperty("datamint.test.basedir", System.getProperty("user.dir")));
  private static final long TIMEOUT_SECONDS = 180;
  private static final int FILES = 13 + 19;

  @TempDir Path tmp;
  PrefetchFixture fx;

  @BeforeEach
  void start() throws IOException {
    assumeTrue(
        Files.isRegularFile(BASEDIR.resolve("target/classpath.txt")), "needs target/classpath.txt");
    fx = PrefetchFixture.start(tmp);
  }

  @AfterEach
  void stop() {
    if (fx != null) {
      fx.close();
    }
  }

  private ProcessBuilder prefetch(String serverUrl, Path out, String... more) {
    List<String> command =
        new ArrayList<>(
            List.of(
                BASEDIR.resolve("bin/datamint-prefetch").toString(),
                "--project",
                SampleProject.NAME,
                "--out",
                out.toString(),
                "--server-url",
                serverUrl,
                "--master",
                "local[2]",
                "--conf",
                "spark.ui.enabled=false"));
    command.addAll(List.of(more));
    ProcessBuilder builder =
        new ProcessBuilder(command)
            .directory(BASEDIR.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .redirectOutput(tmp.resolve("stdout").toFile())
            .redirectError(tmp.resolve("stderr").toFile());
    builder.environment().put("DATAMINT_API_KEY", "secret-key-123");
    builder.environment().remove("DATAMINT_API_URL");
    return builder;
  }

  private int runToEnd(ProcessBuilder builder) throws Exception {
    Process process = builder.start();
    try {
      assertThat(process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS))
          .as("finished within %d s; stderr:%n%s", TIMEOUT_SECONDS, read("stderr"))
          .isTrue();
    } finally {
      process.descendants().forEach(ProcessHandle::destroyForcibly);
      process.destroyForcibly();
    }
    return process.exitValue();
  }

  private String read(String name) throws IOException {
    Path file = tmp.resolve(name);
    return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
  }

  @Test
  void printsTheSummaryAndTheFailedFilesAndExitsWith3() throws Exception {
    String missing = fx.resourceIds().get(3);
    Files.delete(fx.source.resolve("files/resources/" + missing));
    Path out = tmp.resolve("out");

    int status =
        runToEnd(
            prefetch(fx.url(), out, "--concurrency", "3", "--option", "prefetch_partitions=3"));

    String stdout = read("stdout");
    String stderr = read("stderr");
    assertThat(status).as("exit status; stderr:%n%s", stderr).isEqualTo(3);
    assertThat(stdout)
        .contains("prefetched project " + SampleProject.NAME)
        .contains("13 resources, 32 files: 31 downloaded, 0 skipped (unchanged), 1 failed")
        .contains("3 tasks, 3 downloads in flight per executor")
        .contains("failed files")
        .contains("resource " + missing + ": GET /resources/" + missing + "/file")
        .contains("404");
    assertThat(stderr)
        .contains("INFO DatamintPrefetch: prefetch of project " + SampleProject.NAME)
        .contains("PrefetchPartitionReader: prefetch partition")
        .contains("WARN PrefetchPartitionReader: prefetch: resource " + missing + " failed");
    assertThat(stdout + stderr).doesNotContain("secret-key-123");
    assertThat(out.resolve("resources.jsonl")).exists();
    assertThat(PrefetchFixture.files(out.resolve("files"))).hasSize(FILES - 1);
  }

  @Test
  void aKilledRunIsResumedWhereItStopped() throws Exception {
    Path out = tmp.resolve("out");
    Path records = out.resolve(".prefetch/resources");
    int seenAtKill;
    try (DatamintApiServer slow =
        DatamintApiServer.start(fx.root, 0, Optional.empty(), FaultPlan.parse("slowMs=150"))) {
      Process process =
          prefetch(slow.url(), out, "--concurrency", "1", "--option", "prefetch_partitions=1")
              .start();
      try {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (count(records) < 3 && process.isAlive() && System.nanoTime() < deadline) {
          Thread.sleep(50);
        }
        assertThat(process.isAlive()).as("still running; stderr:%n%s", read("stderr")).isTrue();
      } finally {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
      }
      seenAtKill = count(records);
    }
    assertThat(seenAtKill).isBetween(3, FILES - 1);
    assertThat(out.resolve("resources.jsonl")).doesNotExist(); // metadata comes last

    SharedSpark.session();
    PrefetchReport resumed = fx.prefetch(out);
    assertThat(resumed.failures()).isEmpty();
    assertThat(resumed.skipped()).isGreaterThanOrEqualTo(seenAtKill);
    assertThat(resumed.downloaded()).isPositive();
    assertThat(resumed.downloaded() + resumed.skipped()).isEqualTo(FILES);
    assertThat(PrefetchFixture.files(out.resolve("files")))
        .isEqualTo(PrefetchFixture.files(fx.source.resolve("files")));
    for (String file : PrefetchFixture.files(fx.source.resolve("files"))) {
      assertThat(Files.readAllBytes(out.resolve("files").resolve(file)))
          .isEqualTo(Files.readAllBytes(fx.source.resolve("files").resolve(file)));
    }
  }

  @Test
  void usageErrorsAndBadOptionsExitWith2BeforeSparkStarts() throws Exception {
    Path out = tmp.resolve("out");
    assertThat(runToEnd(prefetch(fx.url(), out, "--option", "tagz=chest"))).isEqualTo(2);
    assertThat(read("stderr"))
        .contains("unknown option \"tagz\"")
        .contains("did you mean \"tags\"");
    assertThat(runToEnd(prefetch(fx.url(), out, "--api-key", "k"))).isEqualTo(2);
    assertThat(read("stderr"))
        .contains("not taken on the command line")
        .contains("usage: datamint-prefetch");
    assertThat(runToEnd(prefetch(fx.url(), out, "--api-key-env", "NO_SUCH_VARIABLE_42")))
        .isEqualTo(2);
    assertThat(read("stderr")).contains("NO_SUCH_VARIABLE_42");
    assertThat(runToEnd(prefetch(fx.url(), out, "--concurrency", "none"))).isEqualTo(2);
    assertThat(read("stderr")).contains("prefetch_concurrency").contains("positive");
    assertThat(read("stderr")).doesNotContain("SparkContext");
    assertThat(out).doesNotExist();
  }

  @Test
  void printsProgressLinesAgainstASlowServerAndABoundedLogUnderRetries() throws Exception {
    Path out = tmp.resolve("out");
    try (DatamintApiServer slow =
        DatamintApiServer.start(
            fx.root,
            0,
            Optional.empty(),
            FaultPlan.parse("slowMs=250,rate429=0.4,retryAfter=0,rate500=0.1,seed=3"))) {
      int status =
          runToEnd(
              prefetch(
                  slow.url(),
                  out,
                  "--concurrency",
                  "1",
                  "--option",
                  "prefetch_partitions=1",
                  "--option",
                  "prefetch_progress_interval=1s",
                  "--option",
                  "api_max_attempts=30",
                  "--conf",
                  "spark.executor.heartbeatInterval=500ms"));
      String stderr = read("stderr");
      assertThat(status).as("exit status; stderr:%n%s", stderr).isZero();
      List<String> progress =
          stderr.lines().filter(l -> l.contains("PrefetchProgress: prefetch progress: ")).toList();
      // the lines move while the one task runs: some show part of the files done, with a rate
      assertThat(progress)
          .as("progress lines in%n%s", stderr)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .containsPattern(" ([1-9]|[12][0-9]|3[01]) of 32 files, ")
                      .containsPattern(" [0-9.]+ MB/s, ETA \\d+ s"));
      // the retries are many (the partition's line counts them), their log lines few: a first
      // line per client (the driver's metadata, the downloads), then summaries by cause and
      // endpoint when the work is done (the run is shorter than two 30 s intervals), no WARN since
      // no request failed for good
      assertThat(stderr).containsPattern("\\d+ API requests, [1-9]\\d* retries");
      List<String> retryLines = stderr.lines().filter(l -> l.contains(" RetryLog: ")).toList();
      assertThat(retryLines).as("retry lines in%n%s", stderr).hasSizeBetween(2, 6);
      assertThat(retryLines)
          .anySatisfy(
              l ->
                  assertThat(l)
                      .containsPattern(
                          "INFO RetryLog: API retries in the last \\d+ s: .*\\d+ x 429 on GET"
                              + " /resources/\\{id\\}/file"))
          .noneSatisfy(l -> assertThat(l).contains("WARN"));
      assertThat(stderr).doesNotContain("WARNING: Using incubator modules");
      assertThat(read("stdout"))
          .containsPattern("MB/s over [0-9.]+ s of transfer; Spark's job overhead");
    }
  }

  private static int count(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(dir)) {
      return (int) files.filter(p -> p.getFileName().toString().endsWith(".json")).count();
    }
  }
}
