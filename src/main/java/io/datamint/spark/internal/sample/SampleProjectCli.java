package io.datamint.spark.internal.sample;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.nio.file.Paths;

/**
 * Command line of the sample generator, run by {@code bin/datamint-sample}: {@code datamint-sample
 * DIR [--seed N] [--annotators N] [--video-frames N] [--default-worklist W]} ({@link
 * SampleProfile}). Exit status 0 on success, 1 when the project cannot be written (for example DIR
 * holds other data), 2 on a usage error.
 */
public final class SampleProjectCli {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: datamint-sample DIR [--seed N] [--annotators N] [--video-frames N] [--default-worklist W]",
          "",
          "Writes a realistic sample Datamint project mirror (project '"
              + SampleProject.NAME
              + "') to DIR:",
          "CT volumes (NIfTI and DICOM), chest radiographs (PNG), ultrasound clips (MP4), their annotations,",
          "worklists and split history. DIR must not exist, be empty, or hold an earlier sample mirror.",
          "",
          "Options:",
          "  --seed N          seed of every id and pixel (a 64-bit integer; default "
              + SampleProject.DEFAULT_SEED
              + ");",
          "                    the same seed always writes identical files",
          "  --annotators N    annotators of the project, "
              + SampleProfile.MIN_ANNOTATORS
              + " to "
              + SampleProfile.MAX_ANNOTATORS
              + " (default "
              + SampleProfile.DEFAULT.annotators()
              + ": alice and bob);",
          "                    each one more adds masks, labels and categories on radiographs, a CT",
          "                    volume and both clips (frame masks and labels up to the last frame)",
          "  --video-frames N  frames of each ultrasound clip, "
              + SampleProfile.MIN_VIDEO_FRAMES
              + " to "
              + SampleProfile.MAX_VIDEO_FRAMES
              + " (default "
              + SampleProfile.DEFAULT.videoFrames()
              + ")",
          "  --default-worklist W  the project's default worklist (worklist_id): xray (default, chest",
          "                    X-ray review) or segmentation (CT and ultrasound, with the frame labels);",
          "                    the legacy SDK class DatamintDataset reads only the default worklist",
          "                    without --annotators, --video-frames and --default-worklist the sample is",
          "                    the default one, byte for byte",
          "  -h, --help        print this help");

  private SampleProjectCli() {}

  /** Runs the command and exits with its status. */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command, printing to the given streams; returns the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path dir = null;
    long seed = SampleProject.DEFAULT_SEED;
    int annotators = SampleProfile.DEFAULT.annotators();
    int videoFrames = SampleProfile.DEFAULT.videoFrames();
    SampleProfile.DefaultWorklist defaultWorklist = SampleProfile.DEFAULT.defaultWorklist();
    SampleProfile profile;
    try {
      for (int i = 0; i < args.length; i++) {
        String arg = args[i];
        String name = arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg;
        if (arg.equals("-h") || arg.equals("--help")) {
          out.println(USAGE);
          return 0;
        } else if (name.equals("--seed")
            || name.equals("--annotators")
            || name.equals("--video-frames")
            || name.equals("--default-worklist")) {
          String value;
          if (!name.equals(arg)) {
            value = arg.substring(name.length() + 1);
          } else if (i + 1 < args.length) {
            value = args[++i];
          } else {
            return usageError(err, name + " needs a value");
          }
          if (name.equals("--default-worklist")) {
            defaultWorklist = SampleProfile.DefaultWorklist.of(value);
            continue;
          }
          long number = integer(name, value);
          switch (name) {
            case "--seed" -> seed = number;
            case "--annotators" -> annotators = toInt(number);
            default -> videoFrames = toInt(number);
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
      profile = new SampleProfile(annotators, videoFrames, defaultWorklist);
    } catch (IllegalArgumentException e) {
      return usageError(err, e.getMessage());
    }
    if (dir == null) {
      return usageError(err, "missing DIR");
    }
    try {
      SampleProject.Summary s = SampleProject.write(dir, seed, profile);
      out.printf(
          "Wrote sample project '%s' (id %s, seed %d, %d annotators, %d-frame clips, default"
              + " worklist %s) to %s:"
              + " %d resources, %d annotations, %d split rows%n",
          SampleProject.NAME,
          s.projectId(),
          seed,
          profile.annotators(),
          profile.videoFrames(),
          profile.defaultWorklist().cliName(),
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

  /** {@code n} as an int, saturated (an out-of-range count stays out of range for its check). */
  private static int toInt(long n) {
    return (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, n));
  }

  /** The integer value of option {@code name}, or a message saying it must be one. */
  private static long integer(String name, String value) {
    try {
      return Long.parseLong(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be an integer, got '" + value + "'", e);
    }
  }

  private static int usageError(PrintStream err, String message) {
    err.println("datamint-sample: " + message);
    err.println(
        "Usage: datamint-sample DIR [--seed N] [--annotators N] [--video-frames N]"
            + " [--default-worklist W]   (--help for details)");
    return 2;
  }
}
