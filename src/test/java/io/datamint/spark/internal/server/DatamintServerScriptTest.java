package io.datamint.spark.internal.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.ExternalTool;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real {@code bin/datamint-server} script as a process. */
@Tag("tool")
class DatamintServerScriptTest {

  private static final Path BASEDIR = Path.of(System.getProperty("datamint.test.basedir", "."));
  private static final Pattern READY =
      Pattern.compile(
          "datamint-server listening on (http://127\\.0\\.0\\.1:\\d+) \\((\\d+) projects\\)");

  @TempDir Path root;

  @Test
  void servesUntilKilled() throws Exception {
    Path script = BASEDIR.resolve("bin/datamint-server");
    assumeTrue(
        Files.isRegularFile(BASEDIR.resolve("target/classpath.txt")), "needs target/classpath.txt");
    assertThat(Files.isExecutable(script)).isTrue();
    SampleProject.write(root.resolve("sample"), 42);
    Process process =
        new ProcessBuilder(
                script.toString(), "--mirror", root.toString(), "--port", "0", "--api-key", "k-123")
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String line =
          CompletableFuture.supplyAsync(
                  () -> {
                    try {
                      return out.readLine();
                    } catch (java.io.IOException e) {
                      return null;
                    }
                  })
              .get(90, TimeUnit.SECONDS);
      assertThat(line).isNotNull();
      Matcher m = READY.matcher(line);
      assertThat(m.matches()).as(line).isTrue();
      assertThat(m.group(2)).isEqualTo("1");
      HttpResponse<byte[]> r =
          ServerTestSupport.get(
              m.group(1) + "/projects?offset=0&limit=1",
              "apikey",
              "k-123",
              "Authorization",
              "Bearer k-123");
      assertThat(r.statusCode()).isEqualTo(200);
      assertThat(ServerTestSupport.json(r).get("data").get(0).get("name").asText())
          .isEqualTo(SampleProject.NAME);
    } finally {
      process.destroy();
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    }
    assertThat(process.isAlive()).isFalse();
  }

  @Test
  void usageErrorsExitWith2() {
    assumeTrue(
        Files.isRegularFile(BASEDIR.resolve("target/classpath.txt")), "needs target/classpath.txt");
    ExternalTool.Result result =
        ExternalTool.run(
            Duration.ofSeconds(60),
            BASEDIR.resolve("bin/datamint-server").toString(),
            "--mirror",
            root.toString(),
            "--port",
            "0",
            "--faults",
            "rate429=lots");
    assertThat(result.exitCode()).isEqualTo(2);
    assertThat(result.stderr()).contains("bad fault spec").contains("Usage: datamint-server");
  }
}
