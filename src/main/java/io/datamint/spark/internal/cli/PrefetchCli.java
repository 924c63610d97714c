package io.datamint.spark.internal.cli;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.InvalidOptionException;
import io.datamint.spark.internal.config.SecretRedaction;
import io.datamint.spark.internal.prefetch.ProjectPrefetch;
import io.datamint.spark.prefetch.PrefetchReport;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bin/datamint-prefetch}: mirrors a project from the Datamint API with {@link
 * ProjectPrefetch} (what {@code io.datamint.spark.DatamintPrefetch} runs) in a Spark session of its
 * own, prints the report's summary and failed files on standard output, and logs progress (the
 * plan, a progress line every {@code prefetch_progress_interval} with files and bytes done, rate
 * and ETA, one line per finished task, retry summaries, failed files) on standard error.
 *
 * <p>Exit status: {@value #EXIT_OK} when every file is in the mirror, {@value #EXIT_FAILED_FILES}
 * when the mirror was written but some files failed, {@value #EXIT_ERROR} when the prefetch could
 * not complete (the API or the output could not be used; the message says why), {@value
 * #EXIT_USAGE} for a usage error or a bad option, found before Spark starts.
 */
public final class PrefetchCli {

  public static final int EXIT_OK = 0;
  public static final int EXIT_ERROR = 1;
  public static final int EXIT_USAGE = 2;
  public static final int EXIT_FAILED_FILES = 3;

  /** The Log4j 2 configuration used by {@link #main}, a class-path resource. */
  public static final String LOG_CONFIG_RESOURCE =
      "/io/datamint/spark/internal/cli/datamint-prefetch-log4j2.properties";

  static final String FAILURE_LOG_LEVEL = "datamint.prefetch.failureLogLevel";
  private static final String LOOPBACK = "127.0.0.1";

  /** How often running tasks report to the driver (Spark's default is 10 s). */
  static final String PROGRESS_HEARTBEAT = "2s";

  private PrefetchCli() {}

  /**
   * Runs the command line with its own Spark session (stopped before returning) and returns the
   * exit status.
   *
   * @param env the environment the API URL and key are read from
   */
  public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
    PrefetchCommandLine line;
    Map<String, String> options;
    try {
      line = PrefetchCommandLine.parse(List.of(args));
      if (line.help()) {
        out.print(PrefetchCommandLine.USAGE);
        out.flush();
        return EXIT_OK;
      }
      options = line.prefetchOptions(env);
    } catch (PrefetchCommandLine.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(PrefetchCommandLine.USAGE);
      err.flush();
      return EXIT_USAGE;
    }
    if (line.options().keySet().stream()
        .anyMatch(k -> k.toLowerCase(Locale.ROOT).equals(DatamintOptions.API_KEY))) {
      err.println(
          "warning: an API key given with --option is visible to other users of this machine; set env "
              + PrefetchCommandLine.DEFAULT_API_KEY_ENV
              + " instead");
    }
    try {
      ProjectPrefetch.validate(options);
    } catch (InvalidOptionException e) {
      err.println("error: " + e.getMessage());
      err.println("(see datamint-prefetch --help)");
      err.flush();
      return EXIT_USAGE;
    }
    SparkSession spark;
    try {
      SparkSession.Builder builder = SparkSession.builder();
      sessionConfig(line).forEach(builder::config);
      spark = builder.getOrCreate();
    } catch (Exception e) {
      err.println("error: cannot start Spark: " + SqlCli.errorMessage(e));
      if (line.verbose()) {
        e.printStackTrace(err);
      }
      err.flush();
      return EXIT_ERROR;
    }
    try {
      if (spark.sparkContext().uiWebUrl().isDefined()) {
        err.println(
            "datamint-prefetch: progress in the Spark UI at "
                + spark.sparkContext().uiWebUrl().get()
                + " (SQL tab)");
        err.flush();
      }
      PrefetchReport report = ProjectPrefetch.run(spark, options, line.out());
      out.print(report.summary());
      out.flush();
      return report.complete() ? EXIT_OK : EXIT_FAILED_FILES;
    } catch (InvalidOptionException e) {
      err.println("error: " + e.getMessage());
      err.flush();
      return EXIT_USAGE;
    } catch (Exception e) {
      err.println("error: " + SqlCli.errorMessage(e));
      if (line.verbose()) {
        e.printStackTrace(err);
      }
      err.flush();
      return EXIT_ERROR;
    } finally {
      try {
        spark.stop();
      } catch (RuntimeException e) {
        // the report is out; a failure to shut down does not change it
      }
    }
  }

  /**
   * The Spark configuration: CLI defaults, then the {@code --conf} pairs, the connector's session
   * extensions, then loopback for a local master.
   */
  static Map<String, String> sessionConfig(PrefetchCommandLine line) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("spark.master", line.master());
    config.put("spark.app.name", "datamint-prefetch");
    config.put("spark.sql.session.timeZone", "UTC");
    // running tasks report their files and bytes with each heartbeat: the progress lines' source
    config.put("spark.executor.heartbeatInterval", PROGRESS_HEARTBEAT);
    for (SqlCommandLine.Conf conf : line.confs()) {
      config.put(conf.key(), conf.value());
    }
    SqlCli.withSessionExtensions(config);
    if (SqlCli.isLocal(config.get("spark.master"))) {
      config.putIfAbsent("spark.driver.host", LOOPBACK);
      config.putIfAbsent("spark.driver.bindAddress", LOOPBACK);
    }
    SecretRedaction.protect(config); // a key passed with --conf stays out of the UI and event log
    return config;
  }

  /**
   * Points Log4j 2 at {@value #LOG_CONFIG_RESOURCE} unless a configuration was chosen explicitly;
   * must run before Spark initialises logging.
   */
  static void useCliLogConfig(boolean verbose) {
    CliLogging.use(LOG_CONFIG_RESOURCE, FAILURE_LOG_LEVEL, verbose);
  }

  /** Entry point of {@code bin/datamint-prefetch}. */
  public static void main(String[] args) {
    PrintStream results =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    System.setOut(System.err); // only the summary goes to standard output
    useCliLogConfig(List.of(args).contains("-v") || List.of(args).contains("--verbose"));
    int status;
    try {
      status = run(args, System.getenv(), results, System.err);
    } catch (RuntimeException | Error e) {
      System.err.println("error: " + SqlCli.errorMessage(e));
      e.printStackTrace(System.err);
      status = EXIT_ERROR;
    }
    results.flush();
    System.exit(status);
  }
}
