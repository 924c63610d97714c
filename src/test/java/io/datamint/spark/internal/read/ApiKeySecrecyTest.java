package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.testing.ClusterDriver;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API key never shows. A driver JVM with the Spark UI and an event log ({@link
 * ApiKeySecrecyDriver}) reads the sample project through the local API server; its log (the
 * connector at DEBUG), exception traces, explain output, row errors, UI pages, UI REST answers and
 * event log are then searched for every key it was given.
 */
class ApiKeySecrecyTest {

  private static final String OPTION_KEY = "dmk-option-5b9e1d";
  private static final String REJECTED_KEY = "dmk-rejected-0c3b77";
  private static final String CONF_KEY = "dmk-conf-a47c20";
  private static final String SQL_KEY = "dmk-sql-e6f813";
  private static final List<String> KEYS = List.of(OPTION_KEY, REJECTED_KEY, CONF_KEY, SQL_KEY);

  @TempDir static Path tmp;
  static Path root;

  @BeforeAll
  static void sample() throws IOException {
    root = tmp.resolve("mirrors");
    SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
  }

  /**
   * Runs the driver in {@code mode}; returns every file a person could read afterwards, as one text
   * per file.
   */
  private static List<Artifact> run(String mode) throws IOException {
    Path out = tmp.resolve("out-" + mode);
    Path events = Files.createDirectories(tmp.resolve("events-" + mode));
    ClusterDriver.Result result;
    // one server takes any key, through faults (so retries are logged); the other wants a key
    // nobody is given
    try (DatamintApiServer server =
            DatamintApiServer.start(
                root,
                0,
                Optional.empty(),
                FaultPlan.parse("rate500=0.1,rate429=0.1,retryAfter=0,seed=5"));
        DatamintApiServer strict =
            DatamintApiServer.start(root, 0, Optional.of("dmk-the-right-one"), FaultPlan.NONE)) {
      Properties p = new Properties();
      p.setProperty("url", server.url());
      p.setProperty("strictUrl", strict.url());
      p.setProperty("project", SampleProject.NAME);
      p.setProperty("out", out.toString());
      p.setProperty("events", events.toString());
      p.setProperty("optionKey", OPTION_KEY);
      p.setProperty("rejectedKey", REJECTED_KEY);
      p.setProperty("confKey", CONF_KEY);
      p.setProperty("sqlKey", SQL_KEY);
      Path args = tmp.resolve("args-" + mode + ".properties"); // holds the keys; not searched
      try (Writer w = Files.newBufferedWriter(args)) {
        p.store(w, null);
      }
      result = ClusterDriver.run(ApiKeySecrecyDriver.class, mode, args.toString());
    }
    assertThat(result.exitCode()).as("driver failed; see %s", result.stderrFile()).isZero();
    List<Path> files = new ArrayList<>(List.of(result.stdoutFile(), result.stderrFile()));
    try (Stream<Path> walk = Stream.concat(Files.walk(out), Files.walk(events))) {
      walk.filter(Files::isRegularFile).forEach(files::add);
    }
    List<Artifact> artifacts = new ArrayList<>();
    for (Path f : files) {
      artifacts.add(
          new Artifact(f, new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1)));
    }
    return artifacts;
  }

  private record Artifact(Path file, String text) {}

  private static void assertNoKeyIn(List<Artifact> artifacts) {
    List<String> leaks = new ArrayList<>();
    for (Artifact a : artifacts) {
      for (String key : KEYS) {
        int at = a.text().indexOf(key);
        if (at >= 0) {
          leaks.add(
              a.file().getFileName()
                  + ": ..."
                  + a.text()
                      .substring(Math.max(0, at - 200), Math.min(a.text().length(), at + 40))
                      .replace('\n', ' ')
                  + "...");
        }
      }
    }
    assertThat(leaks).as("places that show an API key").isEmpty();
  }

  private static String all(List<Artifact> artifacts) {
    StringBuilder b = new StringBuilder();
    artifacts.forEach(a -> b.append(a.text()).append('\n'));
    return b.toString();
  }

  @Test
  void aKeyGivenAsAReadOptionNeverShowsWithSparksDefaults() throws IOException {
    List<Artifact> artifacts = run("option");
    assertNoKeyIn(artifacts);
    // the search looked at real material: reads, plans, retries, the rejection, the UI and the
    // event log
    assertThat(all(artifacts))
        .contains(
            "rows: 13",
            "ReadColumns",
            "retrying",
            "API key rejected (401)",
            "SparkListenerSQLExecutionStart",
            "BatchScan",
            "datamint-key-secrecy-option")
        .doesNotContain("the rejected key was accepted");
  }

  @Test
  void keysInTheSparkConfAndSqlOptionsNeverShowWithTheRecommendedRedaction() throws IOException {
    List<Artifact> artifacts = run("conf");
    assertNoKeyIn(artifacts);
    assertThat(all(artifacts))
        .contains(
            "rows: 13",
            "spark.datamint.api_key",
            "CreateTempViewUsing",
            "SparkListenerEnvironmentUpdate",
            "datamint-key-secrecy-conf");
  }
}
