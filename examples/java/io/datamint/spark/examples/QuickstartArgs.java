package io.datamint.spark.examples;

import io.datamint.spark.internal.sample.SampleProject;
import java.nio.file.Path;

/**
 * The command line of {@code bin/datamint-quickstart [DIR] [--seed N] [--master URL]}.
 *
 * <p>Without DIR the sample project goes to {@value #DEFAULT_DIR} under the repository ({@code
 * bin/datamint-quickstart} passes the repository root in the environment variable {@value
 * #HOME_ENV}; without it, under the working directory): one fixed place inside the build, written
 * anew by every run and removed by {@code mvn clean}.
 *
 * @param dir where the sample project is written
 * @param defaultDir whether {@code dir} is the default one (no DIR given)
 * @param seed the sample generator's seed
 * @param master the Spark master
 * @param help whether only the usage was asked for
 */
public record QuickstartArgs(Path dir, boolean defaultDir, long seed, String master, boolean help) {

  /** The usage line. */
  public static final String USAGE =
      "usage: bin/datamint-quickstart [DIR] [--seed N] [--master URL]";

  /** Where the sample project goes without DIR, relative to the repository. */
  public static final String DEFAULT_DIR = "target/quickstart-project";

  /**
   * The environment variable naming the repository root, set by {@code bin/datamint-quickstart}.
   */
  public static final String HOME_ENV = "DATAMINT_HOME";

  /**
   * Parses the arguments.
   *
   * @param args the command line
   * @param home the repository root that {@value #DEFAULT_DIR} is relative to
   * @throws IllegalArgumentException for an unknown flag, a second DIR, or a flag without its value
   */
  public static QuickstartArgs parse(String[] args, Path home) {
    Path dir = null;
    long seed = SampleProject.DEFAULT_SEED;
    String master = "local[*]";
    boolean help = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = seed(value(args, ++i, "--seed"));
        case "--master" -> master = value(args, ++i, "--master");
        case "-h", "--help" -> help = true;
        default -> {
          if (args[i].startsWith("-") || dir != null) {
            throw new IllegalArgumentException("unexpected argument \"" + args[i] + "\"; " + USAGE);
          }
          dir = Path.of(args[i]);
        }
      }
    }
    boolean defaultDir = dir == null;
    Path chosen = defaultDir ? home.resolve(DEFAULT_DIR) : dir;
    return new QuickstartArgs(chosen.toAbsolutePath().normalize(), defaultDir, seed, master, help);
  }

  /**
   * The repository root: the environment variable {@value #HOME_ENV}, else the working directory.
   */
  public static Path home() {
    String home = System.getenv(HOME_ENV);
    return Path.of(home == null || home.isBlank() ? "" : home);
  }

  private static long seed(String value) {
    try {
      return Long.parseLong(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--seed needs a whole number, not \"" + value + "\"; " + USAGE);
    }
  }

  private static String value(String[] args, int i, String flag) {
    if (i >= args.length) {
      throw new IllegalArgumentException(flag + " needs a value; " + USAGE);
    }
    return args[i];
  }
}
