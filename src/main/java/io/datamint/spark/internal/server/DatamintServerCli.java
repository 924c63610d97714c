package io.datamint.spark.internal.server;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * Command line of {@code bin/datamint-server}: {@code datamint-server --mirror ROOT --port PORT
 * [--faults SPEC] [--api-key KEY]}. Prints {@code datamint-server listening on
 * http://127.0.0.1:PORT (N projects)} when ready and serves until killed (SIGTERM and Ctrl-C stop
 * it cleanly). Exit status 2 on a usage error, 1 when the mirror cannot be served.
 */
public final class DatamintServerCli {

  static final String USAGE =
      String.join(
          "\n",
          "Usage: datamint-server --mirror ROOT --port PORT [--faults SPEC] [--api-key KEY]",
          "",
          "Serves the Datamint REST API over a mirror root on 127.0.0.1 until killed.",
          "",
          "Options:",
          "  --mirror ROOT   a mirror root (one project mirror directory per project) or one project mirror",
          "  --port PORT     the port (0 picks a free one; the ready line shows it)",
          "  --faults SPEC   inject faults: " + FaultPlan.grammar(),
          "  --api-key KEY   accept only requests carrying this key (apikey header or Authorization: Bearer);",
          "                  without it any key, or none, is accepted",
          "  -h, --help      print this help");

  /** Parsed arguments. */
  record Options(Path mirror, int port, FaultPlan faults, Optional<String> apiKey) {}

  private DatamintServerCli() {}

  /**
   * Runs the server until the JVM is stopped; exits 2 on a usage error and 1 when it cannot start.
   */
  public static void main(String[] args) {
    Options options;
    try {
      options = parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println("datamint-server: " + e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (options == null) {
      System.out.println(USAGE);
      return;
    }
    DatamintApiServer server;
    try {
      server =
          DatamintApiServer.start(
              options.mirror(), options.port(), options.apiKey(), options.faults());
    } catch (Exception e) {
      System.err.println(
          "datamint-server: cannot serve " + options.mirror() + ": " + e.getMessage());
      System.exit(1);
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  stopped.countDown();
                },
                "datamint-server-shutdown"));
    PrintStream out = System.out;
    out.println(
        "datamint-server listening on "
            + server.url()
            + " ("
            + server.projectCount()
            + " projects)");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Parses the arguments; null means help was asked. */
  static Options parse(String[] args) {
    Path mirror = null;
    Integer port = null;
    FaultPlan faults = FaultPlan.NONE;
    Optional<String> apiKey = Optional.empty();
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      switch (arg) {
        case "-h", "--help" -> {
          return null;
        }
        case "--mirror" -> mirror = Path.of(value(args, ++i, arg));
        case "--port" -> {
          String v = value(args, ++i, arg);
          try {
            port = Integer.parseInt(v);
          } catch (NumberFormatException e) {
            port = -1;
          }
          if (port < 0 || port > 65535) {
            throw new IllegalArgumentException(
                "--port must be a port number from 0 to 65535, not \"" + v + "\"");
          }
        }
        case "--faults" -> faults = FaultPlan.parse(value(args, ++i, arg));
        case "--api-key" -> {
          String key = value(args, ++i, arg);
          if (key.isEmpty()) {
            throw new IllegalArgumentException("--api-key must not be empty");
          }
          apiKey = Optional.of(key);
        }
        default -> throw new IllegalArgumentException("unknown argument \"" + arg + "\"");
      }
    }
    if (mirror == null) {
      throw new IllegalArgumentException("--mirror ROOT is required");
    }
    if (port == null) {
      throw new IllegalArgumentException("--port PORT is required");
    }
    return new Options(mirror, port, faults, apiKey);
  }

  private static String value(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException(option + " needs a value");
    }
    return args[i];
  }
}
