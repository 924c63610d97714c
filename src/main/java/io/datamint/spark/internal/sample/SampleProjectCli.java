package io.datamint.spark.internal.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Command line of the sample generator, run by {@code bin/datamint-sample}: {@code datamint-sample
 * DIR [--seed N]}. Exit status 0 on success, 1 when the project cannot be written (for example DIR
 * holds other data), 2 on a usage error.
 */
public final class SampleProjectCli {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: datamint-sample DIR [--seed N]",
          "",
          "Writes a realistic sample Datamint project mirror (project '"
              + SampleProject.NAME
              + "') to DIR:",
          "CT volumes (NIfTI and DICOM), chest radiographs (PNG), ultrasound clips (MP4), their annotations,",
          "worklists and split history. DIR must not exist, be empty, or hold an earlier sample mirror.",
          "",
          "Options:",
          "  --seed N    seed of every id and pixel (a 64-bit integer; default "
              + SampleProject.DEFAULT_SEED
              + ");",
          "              the same seed always writes identical files",
          "  -h, --help  print this help");

  private SampleProjectCli() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command, printing to the given streams; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path dir = null;
    long seed = SampleProject.DEFAULT_SEED;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("-h") || arg.equals("--help")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--seed") || arg.startsWith("--seed=")) {
        String value;
        if (arg.startsWith("--seed=")) {
          value = arg.substring("--seed=".length());
        } else if (i + 1 < args.length) {
          value = args[++i];
        } else {
          return usageError(err, "--seed needs a value");
        }
        try {
          seed = Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
          return usageError(err, "--seed must be an integer, got '" + value + "'");
        }
      } else if (arg.startsWith("-") && arg.length() > 1) {
        return usageError(err, "unknown option '" + arg + "'");
      } else if (dir == null) {
        if (arg.isBlank()) {
          return usageError(err, "DIR must not be empty");
        }
        dir = Paths.get(arg);
      } else {
        return usageError(err, "only one DIR may be given, got '" + dir + "' and '" + arg + "'");
      }
    }
    if (dir == null) {
      return usageError(err, "missing DIR");
    }
    try {
      SampleProject.Summary s = SampleProject.write(dir, seed);
      out.printf(
          "Wrote sample project '%s' (id %s, seed %d) to %s: %d resources, %d annotations, %d split rows%n",
          SampleProject.NAME,
          s.projectId(),
          seed,
          dir.toAbsolutePath().normalize(),
          s.resources(),
          s.annotations(),
          s.splitRows());
      return 0;
    } catch (IllegalStateException | IOException | java.io.UncheckedIOException e) {
      err.println("datamint-sample: " + e.getMessage());
      return 1;
    }
  }

  private static int usageError(PrintStream err, String message) {
    err.println("datamint-sample: " + message);
    err.println("Usage: datamint-sample DIR [--seed N]   (--help for details)");
    return 2;
  }
}
