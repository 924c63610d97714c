package io.datamint.spark.internal.read;

import java.util.Arrays;
import org.apache.spark.sql.SparkSessionExtensions;

/**
 * What the connector adds to a Spark session through {@code spark.sql.extensions}: the work of
 * {@code io.datamint.spark.DatamintSparkSessionExtensions}, the public class users name there, and
 * that name for the tools that configure their own sessions ({@code bin/datamint-sql}).
 */
public final class SessionExtensions {

  /** Spark's configuration key listing session extension classes (comma-separated). */
  public static final String CONF = "spark.sql.extensions";

  /**
   * The public class Spark instantiates for {@value #CONF}, by name: the API's entry point, which
   * this package does not import.
   */
  public static final String CLASS_NAME = "io.datamint.spark.DatamintSparkSessionExtensions";

  private SessionExtensions() {}

  /** Injects the optimizer rule of {@code array_contains(tags, ...)} pushdown. */
  public static void inject(SparkSessionExtensions extensions) {
    extensions.injectOptimizerRule(session -> new TagPushdownRule());
  }

  /**
   * The value of {@value #CONF} with {@value #CLASS_NAME} added: {@code configured} when it already
   * lists it, that class alone when {@code configured} is null or blank, otherwise {@code
   * configured} followed by that class.
   */
  public static String addedTo(String configured) {
    if (configured == null || configured.isBlank()) {
      return CLASS_NAME;
    }
    boolean listed =
        Arrays.stream(configured.split(",")).map(String::trim).anyMatch(CLASS_NAME::equals);
    return listed ? configured : configured + "," + CLASS_NAME;
  }
}
