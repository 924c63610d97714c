package io.datamint.spark.internal.cli;

import io.datamint.spark.internal.config.SecretRedaction;
import io.datamint.spark.internal.read.SessionExtensions;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.apache.spark.SparkException;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.parser.ParseException;

/**
 * {@code bin/datamint-sql}: runs SQL statements in a Spark session and prints the result of the
 * last one.
 *
 * <p>{@link #main} starts its own session; an instance runs statements in any given session and
 * prints to any given streams, which is how the tests drive it.
 *
 * <h2>Output streams</h2>
 *
 * <p>Standard output carries results only. After parsing the arguments and before anything touches
 * Log4j, {@code main} points Log4j 2 at {@value #LOG_CONFIG_RESOURCE} (level WARN, one console
 * appender on {@code SYSTEM_ERR}) unless the user chose a configuration with {@code
 * -Dlog4j2.configurationFile} or {@code LOG4J_CONFIGURATION_FILE}; Spark sees a non-default
 * configuration and leaves it alone. The loggers that would repeat a failed statement with stack
 * traces (executor, task set manager, Spark context) are off unless {@code --verbose}. As a second
 * guard it keeps the real standard output for results and re-points {@link System#out} at standard
 * error, so stray {@code println}s of libraries cannot reach the results either.
 *
 * <h2>Exit status</h2>
 *
 * <p>{@value #EXIT_OK} on success, {@value #EXIT_ERROR} when a statement fails (the message goes to
 * standard error as {@code error: <message>}, with the stack trace only under {@code --verbose}),
 * {@value #EXIT_USAGE} for a usage error.
 */
public final class SqlCli {

  /** Exit status: every statement ran. */
  public static final int EXIT_OK = 0;

  /** Exit status: a statement, or starting Spark, failed. */
  public static final int EXIT_ERROR = 1;

  /** Exit status: the command line could not be used. */
  public static final int EXIT_USAGE = 2;

  /** The configuration key of the {@code datamint} catalog. */
  public static final String CATALOG_CONF = "spark.sql.catalog.datamint";

  /**
   * The catalog class registered as {@value #CATALOG_CONF} by default, when it is on the classpath:
   * the public API's class, named here and not imported.
   */
  public static final String CATALOG_CLASS = "io.datamint.spark.catalog.DatamintCatalog";

  /** The Log4j 2 configuration used by {@link #main}, a class-path resource. */
  public static final String LOG_CONFIG_RESOURCE =
      "/io/datamint/spark/internal/cli/datamint-sql-log4j2.properties";

  /**
   * The system property read by {@value #LOG_CONFIG_RESOURCE} for the level of failure-echoing
   * loggers.
   */
  static final String FAILURE_LOG_LEVEL = "datamint.sql.failureLogLevel";

  private static final String LOOPBACK = "127.0.0.1";

  private final SparkSession spark;
  private final PrintStream out;
  private final PrintStream err;
  private final boolean verbose;

  /**
   * Creates a runner over {@code spark} that prints results to {@code out} and errors to {@code
   * err}.
   *
   * @param verbose whether errors are reported with their stack trace
   */
  public SqlCli(SparkSession spark, PrintStream out, PrintStream err, boolean verbose) {
    this.spark = Objects.requireNonNull(spark, "spark");
    this.out = Objects.requireNonNull(out, "out");
    this.err = Objects.requireNonNull(err, "err");
    this.verbose = verbose;
  }

  /**
   * Runs the statements of {@code script} in order and prints the result of the last one in {@code
   * format}; a last statement without a result set (a command such as {@code CREATE VIEW}) prints
   * nothing. In the table format, the plan of a last {@code EXPLAIN} is printed as text, line by
   * line, not in a table cell.
   *
   * <p>Commands run when their statement is reached; a query that is not the last statement is only
   * analysed (so errors such as unknown tables are still reported), never executed.
   *
   * @return {@link #EXIT_OK}, or {@link #EXIT_ERROR} after reporting the first failure to the error
   *     stream
   */
  public int execute(String script, OutputFormat format) {
    List<String> statements = SqlScript.split(script);
    Dataset<Row> last = null;
    for (int i = 0; i < statements.size(); i++) {
      try {
        last = spark.sql(statements.get(i));
      } catch (Exception e) {
        report(e, i, statements);
        return EXIT_ERROR;
      }
    }
    if (last != null) {
      try {
        if (format == OutputFormat.TABLE
            && ResultPrinter.isExplainResult(
                statements.get(statements.size() - 1), last.schema())) {
          ResultPrinter.printPlan(last, out);
        } else {
          ResultPrinter.print(last, format, out);
        }
      } catch (Exception e) {
        out.flush();
        report(e, statements.size() - 1, statements);
        return EXIT_ERROR;
      }
    }
    return EXIT_OK;
  }

  private void report(Exception e, int index, List<String> statements) {
    err.println("error: " + errorMessage(e));
    if (verbose) {
      err.println("in statement " + (index + 1) + " of " + statements.size() + ":");
      err.println(statements.get(index));
      e.printStackTrace(err);
    }
    err.flush();
  }

  /**
   * The message reported for {@code failure}: the message of the Spark exception without the query
   * plan (for an {@link AnalysisException}) and without the wrapping of a failed job, followed by
   * one {@code caused by:} line for each cause whose message is not already part of it.
   */
  public static String errorMessage(Throwable failure) {
    Throwable primary = failure;
    while (primary instanceof SparkException
        && primary.getCause() != null
        && String.valueOf(primary.getMessage()).contains("Job aborted due to stage failure")) {
      primary = primary.getCause();
    }
    String message =
        primary instanceof AnalysisException analysis && !(primary instanceof ParseException)
            ? analysis.getSimpleMessage()
            : primary.getMessage();
    StringBuilder text =
        new StringBuilder(
            message == null || message.isBlank() ? primary.getClass().getName() : message.strip());
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    seen.add(primary);
    for (Throwable cause = primary.getCause(); cause != null && seen.add(cause); ) {
      String causeMessage = cause.getMessage();
      if (causeMessage != null && !causeMessage.isBlank()) {
        String firstLine = causeMessage.strip().lines().findFirst().orElse("");
        if (!text.toString().contains(firstLine)) {
          text.append("\n  caused by: ")
              .append(cause.getClass().getSimpleName())
              .append(": ")
              .append(firstLine);
        }
      }
      cause = cause.getCause();
    }
    return text.toString();
  }

  /**
   * The Spark configuration for {@code commandLine}, in the order it is applied: the CLI defaults
   * (UI off, UTC session time zone, the master), then the {@code --conf} pairs, which override
   * them; the connector's session extensions, added to any the user listed; then, where the user
   * set nothing, the driver address 127.0.0.1 for a local master and the {@code datamint} catalog
   * if {@code classPresent} says {@value #CATALOG_CLASS} is available.
   */
  public static Map<String, String> sessionConfig(
      SqlCommandLine commandLine, Predicate<String> classPresent) {
    Map<String, String> config = new LinkedHashMap<>();
    config.put("spark.master", commandLine.master());
    config.put("spark.app.name", "datamint-sql");
    config.put("spark.ui.enabled", "false");
    config.put("spark.sql.session.timeZone", "UTC");
    for (SqlCommandLine.Conf conf : commandLine.confs()) {
      config.put(conf.key(), conf.value());
    }
    withSessionExtensions(config);
    if (isLocal(config.get("spark.master"))) {
      config.putIfAbsent("spark.driver.host", LOOPBACK);
      config.putIfAbsent("spark.driver.bindAddress", LOOPBACK);
    }
    if (!config.containsKey(CATALOG_CONF) && classPresent.test(CATALOG_CLASS)) {
      config.put(CATALOG_CONF, CATALOG_CLASS);
    }
    SecretRedaction.protect(config); // keys in OPTIONS or --conf stay out of plans and the UI
    return config;
  }

  /**
   * Adds the connector's session extensions ({@value SessionExtensions#CLASS_NAME}, for tag
   * pushdown) to {@value SessionExtensions#CONF} in {@code config}, after any extensions the user
   * configured.
   */
  static void withSessionExtensions(Map<String, String> config) {
    config.put(
        SessionExtensions.CONF, SessionExtensions.addedTo(config.get(SessionExtensions.CONF)));
  }

  /** Whether {@code master} runs Spark inside this JVM or on this machine only. */
  static boolean isLocal(String master) {
    return master.equals("local")
        || master.startsWith("local[")
        || master.startsWith("local-cluster[");
  }

  /** Whether {@code className} can be loaded, without initialising it. */
  static boolean classPresent(String className) {
    try {
      Class.forName(className, false, SqlCli.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /**
   * Runs the command line {@code args} with its own Spark session, reading {@code -} from {@code
   * stdin}, and returns the exit status. The session is stopped before returning. Logging is left
   * as it is; only {@link #main} installs the CLI's Log4j configuration.
   *
   * <p>The session comes from {@code SparkSession.builder().getOrCreate()}: in a JVM that already
   * has an active session this reuses (ignoring static confs) and then stops that session, so tests
   * should use {@link #execute} on their own session instead.
   */
  public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    return run(args, stdin, out, err, false);
  }

  private static int run(
      String[] args, InputStream stdin, PrintStream out, PrintStream err, boolean configureLogs) {
    SqlCommandLine commandLine;
    try {
      commandLine = SqlCommandLine.parse(List.of(args), () -> stdin);
    } catch (SqlCommandLine.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(SqlCommandLine.USAGE);
      err.flush();
      return EXIT_USAGE;
    }
    if (commandLine.help()) {
      out.print(SqlCommandLine.USAGE);
      out.flush();
      return EXIT_OK;
    }
    if (SqlScript.split(commandLine.sql()).isEmpty()) {
      err.println("error: no SQL statements to run");
      err.flush();
      return EXIT_USAGE;
    }

    if (configureLogs) {
      useCliLogConfig(commandLine.verbose()); // before Spark initialises Log4j
    }
    SparkSession spark;
    try {
      SparkSession.Builder builder = SparkSession.builder();
      sessionConfig(commandLine, SqlCli::classPresent).forEach(builder::config);
      spark = builder.getOrCreate();
    } catch (Exception e) {
      err.println("error: cannot start Spark: " + errorMessage(e));
      if (commandLine.verbose()) {
        e.printStackTrace(err);
      }
      err.flush();
      return EXIT_ERROR;
    }
    try {
      return new SqlCli(spark, out, err, commandLine.verbose())
          .execute(commandLine.sql(), commandLine.format());
    } finally {
      out.flush();
      try {
        spark.stop();
      } catch (RuntimeException e) {
        // The results are out; a failure to shut down cleanly does not change the outcome.
      }
    }
  }

  /**
   * Points Log4j 2 at {@value #LOG_CONFIG_RESOURCE} unless a configuration was chosen explicitly,
   * and sets the level of the loggers that would repeat a failure with stack traces ({@code off},
   * or {@code warn} when {@code verbose}). Must run before any Log4j or Spark class initialises
   * logging.
   */
  public static void useCliLogConfig(boolean verbose) {
    CliLogging.use(LOG_CONFIG_RESOURCE, FAILURE_LOG_LEVEL, verbose);
  }

  /**
   * Entry point of {@code bin/datamint-sql}; exits with the status of {@link #run(String[],
   * InputStream, PrintStream, PrintStream)}, with the Log4j configuration of {@link
   * #LOG_CONFIG_RESOURCE}.
   */
  public static void main(String[] args) {
    PrintStream results =
        new PrintStream(
            new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
            false,
            StandardCharsets.UTF_8);
    System.setOut(System.err);
    int status;
    try {
      status = run(args, System.in, results, System.err, true);
    } catch (RuntimeException | Error e) {
      // Not a failed statement (those are reported by execute) but a bug or a broken class path.
      System.err.println("error: " + errorMessage(e));
      e.printStackTrace(System.err);
      status = EXIT_ERROR;
    }
    results.flush();
    System.exit(status); // also ends Spark's non-daemon threads
  }
}
