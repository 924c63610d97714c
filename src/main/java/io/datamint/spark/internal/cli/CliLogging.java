package io.datamint.spark.internal.cli;

import java.net.URL;

/**
 * The Log4j 2 set-up the command-line tools share: their own configuration file and a failure-log
 * level.
 */
final class CliLogging {

  private CliLogging() {}

  /**
   * Points Log4j 2 at {@code resource} unless a configuration was chosen explicitly, and sets the
   * system property {@code failureLevelProperty} (read by that configuration) to {@code off}, or
   * {@code warn} when {@code verbose}, unless it is set already. Must run before any Log4j or Spark
   * class initialises logging.
   */
  static void use(String resource, String failureLevelProperty, boolean verbose) {
    if (System.getProperty(failureLevelProperty) == null) {
      System.setProperty(failureLevelProperty, verbose ? "warn" : "off");
    }
    if (System.getProperty("log4j2.configurationFile") != null
        || System.getProperty("log4j.configurationFile") != null
        || System.getenv("LOG4J_CONFIGURATION_FILE") != null) {
      return;
    }
    URL config = CliLogging.class.getResource(resource);
    if (config != null) {
      System.setProperty("log4j2.configurationFile", config.toString());
    }
  }
}
