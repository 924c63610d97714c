package io.datamint.spark.internal.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The parsed arguments of {@code bin/datamint-sql}; immutable.
 *
 * <pre>
 * datamint-sql [OPTIONS] "SQL; SQL; ..."
 * datamint-sql [OPTIONS] -f FILE
 * datamint-sql [OPTIONS] -          (reads the SQL from standard input)
 * </pre>
 *
 * <p>Options may come before or after the SQL and take their value either as the next argument or
 * after {@code =} ({@code --format=json}). {@code --} ends the options. An argument that starts
 * with {@code -} but contains white space before any {@code =} is taken as SQL, so that a script
 * starting with a {@code --} comment needs no {@code --} separator.
 *
 * @param confs the {@code --conf} pairs, in command-line order (later ones win)
 * @param format the output format; {@code table} by default
 * @param master the Spark master URL; {@code local[*]} by default
 * @param sql the SQL text (from the argument, {@code -f FILE} or standard input); empty with {@code
 *     --help}
 * @param verbose whether errors are reported with their stack trace
 * @param help whether {@code --help} was given; nothing else is then required
 */
public record SqlCommandLine(
    List<Conf> confs,
    OutputFormat format,
    String master,
    String sql,
    boolean verbose,
    boolean help) {

  /** The default master: a local Spark session using all cores. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** The usage text printed by {@code --help} and after a usage error. */
  public static final String USAGE =
      String.join(
          "\n",
          "usage: datamint-sql [OPTIONS] \"SQL; SQL; ...\"",
          "       datamint-sql [OPTIONS] -f FILE",
          "       datamint-sql [OPTIONS] -            (SQL from standard input)",
          "",
          "Runs the SQL statements with the datamint catalog and data source available and prints the",
          "result of the last statement (the plan of an EXPLAIN as plain text).",
          "",
          "options:",
          "  --conf KEY=VALUE       a Spark configuration property (repeatable; later ones win)",
          "  --format table|json    output format (default: table); json prints one object per row",
          "  --master URL           Spark master (default: local[*])",
          "  -f, --file FILE        read the SQL from FILE ('-' for standard input)",
          "  -v, --verbose          print stack traces of errors",
          "  -h, --help             print this help",
          "",
          "exit status: 0 success, 1 SQL or Spark error, 2 usage error",
          "");

  /** One {@code --conf KEY=VALUE} pair. */
  public record Conf(String key, String value) {
    /** Checks that key and value are present and the key is not blank. */
    public Conf {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(value, "value");
      if (key.isBlank()) {
        throw new IllegalArgumentException("blank configuration key");
      }
    }
  }

  /** Copies the confs and checks that nothing is missing. */
  public SqlCommandLine {
    confs = List.copyOf(confs);
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(master, "master");
    Objects.requireNonNull(sql, "sql");
  }

  /** The value of the last {@code --conf} for {@code key}, if any. */
  public Optional<String> conf(String key) {
    Optional<String> value = Optional.empty();
    for (Conf conf : confs) {
      if (conf.key().equals(key)) {
        value = Optional.of(conf.value());
      }
    }
    return value;
  }

  /** A command line that cannot be used; the message names the offending argument. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    /** Creates the exception with a message meant for the user. */
    public UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses {@code args}; the SQL is read from the file of {@code -f} or, for {@code -}, from {@code
   * stdin} (as UTF-8).
   *
   * @throws UsageException for an unknown option, a missing or invalid value, no SQL or more than
   *     one source of SQL, or an unreadable SQL file
   */
  public static SqlCommandLine parse(List<String> args, Supplier<InputStream> stdin)
      throws UsageException {
    List<Conf> confs = new ArrayList<>();
    OutputFormat format = OutputFormat.TABLE;
    String master = DEFAULT_MASTER;
    String file = null;
    String sqlArgument = null;
    boolean verbose = false;
    boolean optionsEnded = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      if (optionsEnded || !isOption(arg)) {
        if (sqlArgument != null) {
          throw new UsageException(
              "unexpected argument '" + abbreviate(arg) + "': give the SQL as one argument");
        }
        sqlArgument = arg;
        continue;
      }
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      String inlineValue = name.equals(arg) ? null : arg.substring(eq + 1);
      switch (name) {
        case "--":
          optionsEnded = true;
          break;
        case "-h":
        case "--help":
          return new SqlCommandLine(List.of(), OutputFormat.TABLE, DEFAULT_MASTER, "", false, true);
        case "-v":
        case "--verbose":
          verbose = true;
          break;
        case "--conf":
          confs.add(parseConf(inlineValue != null ? inlineValue : valueOf(args, i++, name)));
          break;
        case "--format":
          String formatName = inlineValue != null ? inlineValue : valueOf(args, i++, name);
          try {
            format = OutputFormat.fromName(formatName);
          } catch (IllegalArgumentException e) {
            throw new UsageException(
                "invalid --format value '" + formatName + "' (expected table or json)");
          }
          break;
        case "--master":
          master = inlineValue != null ? inlineValue : valueOf(args, i++, name);
          if (master.isBlank()) {
            throw new UsageException("option --master requires a non-empty URL");
          }
          break;
        case "-f":
        case "--file":
          if (file != null) {
            throw new UsageException("option " + name + " given more than once");
          }
          file = inlineValue != null ? inlineValue : valueOf(args, i++, name);
          break;
        default:
          throw new UsageException("unknown option '" + name + "'");
      }
    }
    if (file != null && sqlArgument != null) {
      throw new UsageException(
          "give the SQL either with -f FILE or as an argument, not both (unexpected argument '"
              + abbreviate(sqlArgument)
              + "')");
    }
    String source = file != null ? file : sqlArgument;
    if (source == null) {
      throw new UsageException("no SQL given: pass \"SQL; ...\", -f FILE, or - for standard input");
    }
    String sql = source.equals("-") ? readStdin(stdin) : file != null ? readFile(file) : source;
    return new SqlCommandLine(confs, format, master, sql, verbose, false);
  }

  /**
   * Whether {@code arg} is meant as an option: a dash, then no white space before any {@code =}.
   */
  private static boolean isOption(String arg) {
    if (arg.length() < 2 || arg.charAt(0) != '-') {
      return false; // includes "-", which means standard input
    }
    int eq = arg.indexOf('=');
    String name = eq < 0 ? arg : arg.substring(0, eq);
    return name.chars().noneMatch(Character::isWhitespace);
  }

  private static String valueOf(List<String> args, int optionIndex, String name)
      throws UsageException {
    if (optionIndex + 1 >= args.size()) {
      throw new UsageException("option " + name + " requires a value");
    }
    return args.get(optionIndex + 1);
  }

  private static Conf parseConf(String pair) throws UsageException {
    int eq = pair.indexOf('=');
    if (eq <= 0 || pair.substring(0, eq).isBlank()) {
      throw new UsageException("invalid --conf value '" + pair + "' (expected KEY=VALUE)");
    }
    return new Conf(pair.substring(0, eq).strip(), pair.substring(eq + 1));
  }

  private static String readStdin(Supplier<InputStream> stdin) throws UsageException {
    try {
      return new String(stdin.get().readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException e) {
      throw new UsageException("cannot read SQL from standard input: " + e.getMessage());
    }
  }

  private static String readFile(String file) throws UsageException {
    try {
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (IOException | UncheckedIOException | java.nio.file.InvalidPathException e) {
      throw new UsageException("cannot read SQL file '" + file + "': " + describe(e));
    }
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }

  private static String abbreviate(String text) {
    String line = text.strip().replaceAll("\\s+", " ");
    return line.length() <= 40 ? line : line.substring(0, 37) + "...";
  }
}
