package io.datamint.spark.testing;

import io.datamint.spark.DatamintSparkSessionExtensions;
import org.apache.spark.sql.SparkSession;

/**
 * The one SparkSession of a test JVM: {@code local[2]}, UI off, few shuffle partitions, and the
 * connector's session extensions ({@code spark.sql.extensions}, as the README tells users), so
 * tests see tag pushdown.
 *
 * <p>The master is {@code local[2]} unless the system property {@code datamint.test.master} says
 * otherwise (the benchmarks use {@code local[1]}). Every test that needs Spark calls {@link
 * #session()}; the session lives until the JVM exits, so the start-up cost (about five seconds) is
 * paid once per surefire fork, not once per test class.
 */
public final class SharedSpark {

  private static SparkSession session;

  private SharedSpark() {}

  /** Returns the shared session, starting it on first use. */
  public static synchronized SparkSession session() {
    if (session == null) {
      session =
          SparkSession.builder()
              .master(System.getProperty("datamint.test.master", "local[2]"))
              .appName("datamint-spark-tests")
              .config("spark.ui.enabled", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.sql.session.timeZone", "UTC")
              .config(
                  DatamintSparkSessionExtensions.CONF,
                  DatamintSparkSessionExtensions.class.getName())
              .getOrCreate();
    }
    return session;
  }
}
