package io.datamint.spark.internal.cli;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.PrefetchOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The parsed arguments of {@code bin/datamint-prefetch}; immutable.
 *
 * <pre>
 * datamint-prefetch --project NAME --out PATH [--server-url URL] [--api-key-env VAR] [--option KEY=VALUE ...]
 *                   [--concurrency N] [--master URL] [--conf KEY=VALUE ...] [-v]
 * </pre>
 *
 * <p>Options take their value as the next argument or after {@code =} ({@code --out=/data/m}). The
 * API key is never an argument: it is read from the environment variable {@code --api-key-env}
 * names ({@value #DEFAULT_API_KEY_ENV} by default), so that it does not show in the process list.
 *
 * @param project the project's name or id
 * @param out the mirror directory to write
 * @param serverUrl the API URL, or null for env {@code DATAMINT_API_URL}
 * @param apiKeyEnv the environment variable holding the API key
 * @param options the {@code --option} pairs (and {@code --concurrency}), in command-line order
 * @param master the Spark master URL
 * @param confs the {@code --conf} pairs
 * @param verbose whether errors are printed with their stack traces
 * @param help whether {@code --help} was given; nothing else is then required
 */
public record PrefetchCommandLine(
    String project,
    String out,
    String serverUrl,
    String apiKeyEnv,
    Map<String, String> options,
    String master,
    List<SqlCommandLine.Conf> confs,
    boolean verbose,
    boolean help) {

  /** The default master: a local Spark session using all cores. */
  public static final String DEFAULT_MASTER = "local[*]";

  /** Where the API key is read from unless {@code --api-key-env} says otherwise. */
  public static final String DEFAULT_API_KEY_ENV = DatamintOptions.ENV_API_KEY;

  /** The usage text printed by {@code --help} and after a usage error. */
  public static final String USAGE =
      String.join(
          "\n",
          "usage: datamint-prefetch --project NAME --out PATH [OPTIONS]",
          "",
          "Mirrors a Datamint project, or the part the filter options select, from the Datamint API to PATH in the",
          "project mirror format, downloading on the Spark executors. Files already there at the same version are",
          "skipped, so running it again fetches only what is missing, failed or changed.",
          "",
          "options:",
          "  --project NAME        the project's name (or id)                                      (required)",
          "  --out PATH            the mirror directory to write: a local path or a Hadoop URI      (required)",
          "  --server-url URL      the Datamint API (default: env DATAMINT_API_URL)",
          "  --api-key-env VAR     the environment variable holding the API key (default: DATAMINT_API_KEY)",
          "  --option KEY=VALUE    a read or prefetch option (repeatable), e.g. tags=chest,",
          "                        include_unannotated=false, prefetch_partitions=64, api_max_attempts=8",
          "  --concurrency N       downloads in flight per executor (option prefetch_concurrency, default "
              + PrefetchOptions.DEFAULT_CONCURRENCY
              + ")",
          "  --master URL          Spark master (default: local[*])",
          "  --conf KEY=VALUE      a Spark configuration property (repeatable)",
          "  -v, --verbose         print stack traces of errors",
          "  -h, --help            print this help",
          "",
          "The summary and the failed files go to standard output, the log to standard error.",
          "exit status: 0 every file mirrored; 1 error, the prefetch did not complete; 2 usage error;",
          "             3 the mirror was written but some files failed (run again to retry them)",
          "");

  /** Copies the collections. */
  public PrefetchCommandLine {
    options = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(options));
    confs = List.copyOf(confs);
    Objects.requireNonNull(master, "master");
  }

  /** A command line that cannot be used; the message names the offending argument. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses {@code args}.
   *
   * @throws UsageException for an unknown argument, a missing or malformed value, or a missing
   *     required option
   */
  public static PrefetchCommandLine parse(List<String> args) throws UsageException {
    String project = null;
    String out = null;
    String serverUrl = null;
    String apiKeyEnv = DEFAULT_API_KEY_ENV;
    Map<String, String> options = new LinkedHashMap<>();
    String master = DEFAULT_MASTER;
    List<SqlCommandLine.Conf> confs = new ArrayList<>();
    boolean verbose = false;
    for (int i = 0; i < args.size(); i++) {
      String arg = args.get(i);
      int eq = arg.indexOf('=');
      String name = arg.startsWith("--") && eq > 0 ? arg.substring(0, eq) : arg;
      String inline = name.equals(arg) ? null : arg.substring(eq + 1);
      switch (name) {
        case "-h", "--help" -> {
          return new PrefetchCommandLine(
              null,
              null,
              null,
              DEFAULT_API_KEY_ENV,
              Map.of(),
              DEFAULT_MASTER,
              List.of(),
              false,
              true);
        }
        case "-v", "--verbose" -> verbose = true;
        case "--project" ->
            project = nonBlank(name, inline != null ? inline : value(args, i++, name));
        case "--out" -> out = nonBlank(name, inline != null ? inline : value(args, i++, name));
        case "--server-url" ->
            serverUrl = nonBlank(name, inline != null ? inline : value(args, i++, name));
        case "--api-key-env" ->
            apiKeyEnv = nonBlank(name, inline != null ? inline : value(args, i++, name));
        case "--master" ->
            master = nonBlank(name, inline != null ? inline : value(args, i++, name));
        case "--concurrency" -> {
          String n = inline != null ? inline : value(args, i++, name);
          options.put(PrefetchOptions.PREFETCH_CONCURRENCY, n);
        }
        case "--option" -> {
          String[] pair = pair(name, inline != null ? inline : value(args, i++, name));
          options.put(pair[0], pair[1]);
        }
        case "--conf" -> {
          String[] pair = pair(name, inline != null ? inline : value(args, i++, name));
          confs.add(new SqlCommandLine.Conf(pair[0], pair[1]));
        }
        case "--api-key" ->
            throw new UsageException(
                "the API key is not taken on the command line, where other "
                    + "users can see it: set it in env "
                    + DEFAULT_API_KEY_ENV
                    + " (or in a variable named by --api-key-env)");
        default ->
            throw new UsageException(
                arg.startsWith("-")
                    ? "unknown option '" + name + "'"
                    : "unexpected argument '" + arg + "'");
      }
    }
    if (project == null) {
      throw new UsageException("--project NAME is required");
    }
    if (out == null) {
      throw new UsageException("--out PATH is required");
    }
    return new PrefetchCommandLine(
        project, out, serverUrl, apiKeyEnv, options, master, confs, verbose, false);
  }

  /**
   * The options of the prefetch: the {@code --option} pairs, then {@code --project}, {@code
   * --server-url} and the key from {@code env} (when set), which win.
   *
   * @throws UsageException when {@code --api-key-env} names a variable that is not set
   */
  public Map<String, String> prefetchOptions(Map<String, String> env) throws UsageException {
    Map<String, String> o = new LinkedHashMap<>(options);
    o.put(DatamintOptions.PROJECT, project);
    if (serverUrl != null) {
      o.put(DatamintOptions.SERVER_URL, serverUrl);
    }
    String key = env.get(apiKeyEnv);
    if (key != null && !key.isBlank()) {
      o.put(DatamintOptions.API_KEY, key);
    } else if (!apiKeyEnv.equals(DEFAULT_API_KEY_ENV)) {
      throw new UsageException(
          "--api-key-env " + apiKeyEnv + ": that environment variable is not set");
    }
    return o;
  }

  private static String value(List<String> args, int i, String name) throws UsageException {
    if (i + 1 >= args.size()) {
      throw new UsageException("option " + name + " requires a value");
    }
    return args.get(i + 1);
  }

  private static String nonBlank(String name, String value) throws UsageException {
    if (value.isBlank()) {
      throw new UsageException("option " + name + " requires a non-empty value");
    }
    return value;
  }

  private static String[] pair(String name, String text) throws UsageException {
    int eq = text.indexOf('=');
    if (eq <= 0 || text.substring(0, eq).isBlank()) {
      throw new UsageException("invalid " + name + " value '" + text + "' (expected KEY=VALUE)");
    }
    return new String[] {text.substring(0, eq).strip(), text.substring(eq + 1)};
  }
}
