package io.datamint.spark.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs external programs (dcmdump, ffprobe, a Python with nibabel...) from tests, with a timeout
 * and captured output, and decides what a test does when a program is missing: it is skipped with a
 * message naming the program and how to install it, except on CI ({@code CI=true}), where a missing
 * program fails the test so that checks cannot be skipped silently.
 */
public final class ExternalTool {

  /**
   * The Python with nibabel and pydicom (the distribution one; a pyenv python on PATH may lack
   * them).
   */
  public static final String PYTHON =
      System.getProperty(
          "datamint.test.python",
          System.getenv().getOrDefault("DATAMINT_TEST_PYTHON", "/usr/bin/python3"));

  /** Default time limit of one run. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

  /** The outcome of one run. */
  public record Result(List<String> command, int exitCode, String stdout, String stderr) {

    /**
     * Fails the calling test unless the exit code is 0; the message shows the command and its
     * output.
     */
    public Result assertSuccess() {
      if (exitCode != 0) {
        fail(describe("exited with " + exitCode));
      }
      return this;
    }

    /** The command, a verdict, and both outputs, for failure messages. */
    public String describe(String verdict) {
      return String.join(" ", command)
          + " "
          + verdict
          + "\n--- stdout ---\n"
          + stdout
          + "\n--- stderr ---\n"
          + stderr;
    }
  }

  private ExternalTool() {}

  /** Whether this run is on CI, where missing tools fail instead of skipping. */
  public static boolean onCi() {
    return "true".equalsIgnoreCase(System.getenv("CI"));
  }

  /** Whether {@code tool} (a name looked up on PATH, or a path) is an executable file. */
  public static boolean isAvailable(String tool) {
    if (tool.contains(File.separator)) {
      return Files.isExecutable(Path.of(tool));
    }
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Skips the calling test when {@code tool} is missing (fails it on CI).
   *
   * @param tool a program name on PATH or a path, e.g. {@code dcmdump}
   * @param installHint how to get it, e.g. {@code apt-get install dcmtk}
   */
  public static void assumeAvailable(String tool, String installHint) {
    assumeAvailable(tool, installHint, onCi());
  }

  /**
   * {@link #assumeAvailable(String, String)} with the CI decision given (for testing this class).
   */
  static void assumeAvailable(String tool, String installHint, boolean ci) {
    if (!isAvailable(tool)) {
      missing(tool + " is not installed (" + installHint + ")", ci);
    }
  }

  /** {@link #assumeAvailable(String, String)} with a generic hint. */
  public static void assumeAvailable(String tool) {
    assumeAvailable(tool, "install it or put it on PATH");
  }

  /**
   * Skips (fails on CI) unless {@link #PYTHON} exists and imports every module in {@code modules}.
   */
  public static void assumePythonModules(String... modules) {
    assumeAvailable(PYTHON, "set DATAMINT_TEST_PYTHON to a Python 3 interpreter");
    String imports = "import " + String.join(", ", modules);
    Result r = run(Duration.ofSeconds(30), PYTHON, "-c", imports);
    if (r.exitCode() != 0) {
      missing(
          PYTHON
              + " cannot '"
              + imports
              + "' (apt-get install python3-nibabel python3-pydicom): "
              + r.stderr().strip(),
          onCi());
    }
  }

  /**
   * Skips the calling test with {@code message}, or fails it when {@code ci} (a missing tool or
   * corpus file).
   */
  static void missing(String message, boolean ci) {
    if (ci) {
      fail(message + "; CI=true, so this check may not be skipped");
    }
    Assumptions.abort(message + "; skipping");
  }

  /** Runs {@code command} with {@link #DEFAULT_TIMEOUT}. */
  public static Result run(String... command) {
    return run(DEFAULT_TIMEOUT, command);
  }

  /**
   * Runs {@code command} and captures its output; fails the test when it does not finish within
   * {@code timeout}.
   */
  public static Result run(Duration timeout, String... command) {
    return run(timeout, List.of(command));
  }

  /**
   * Runs {@code command} and captures its output; fails the test when it does not finish within
   * {@code timeout}.
   */
  public static Result run(Duration timeout, List<String> command) {
    Path out = null;
    Path err = null;
    try {
      out = Files.createTempFile("external-tool", ".out");
      err = Files.createTempFile("external-tool", ".err");
      Process p =
          new ProcessBuilder(new ArrayList<>(command))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .redirectInput(ProcessBuilder.Redirect.PIPE)
              .start();
      p.getOutputStream().close();
      if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        fail(
            String.join(" ", command)
                + " did not finish within "
                + timeout
                + "\n--- stdout ---\n"
                + text(out)
                + "\n--- stderr ---\n"
                + text(err));
      }
      return new Result(List.copyOf(command), p.exitValue(), text(out), text(err));
    } catch (IOException e) {
      return fail("cannot run " + String.join(" ", command) + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return fail("interrupted while running " + String.join(" ", command), e);
    } finally {
      deleteQuietly(out);
      deleteQuietly(err);
    }
  }

  /** The file's text; undecodable bytes become U+FFFD rather than failing. */
  private static String text(Path file) throws IOException {
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private static void deleteQuietly(Path file) {
    if (file != null) {
      try {
        Files.deleteIfExists(file);
      } catch (IOException ignored) {
        // a leftover temporary file is harmless
      }
    }
  }
}
