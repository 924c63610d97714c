package io.datamint.spark;

import io.datamint.spark.internal.read.SessionExtensions;
import org.apache.spark.sql.SparkSessionExtensions;
import scala.Function1;
import scala.runtime.BoxedUnit;

/**
 * The connector's additions to Spark's optimizer, for {@code spark.sql.extensions}:
 *
 * <pre>
 * spark-submit --conf spark.sql.extensions=io.datamint.spark.DatamintSparkSessionExtensions ...
 * SparkSession.builder().config("spark.sql.extensions", DatamintSparkSessionExtensions.class.getName())
 * </pre>
 *
 * <p>It injects an optimizer rule that lets {@code array_contains(tags, 'x')} filters narrow a
 * datamint scan to the resources having those tags. Spark applies extensions only when it creates a
 * session, so the setting belongs in the session's configuration, not in a later {@code
 * spark.conf().set}. Without it every query still gives the same rows; Spark then evaluates {@code
 * array_contains} over all the selected resources itself.
 */
public final class DatamintSparkSessionExtensions
    implements Function1<SparkSessionExtensions, BoxedUnit> {

  /** Spark's configuration key listing session extension classes (comma-separated). */
  public static final String CONF = SessionExtensions.CONF;

  /** Spark instantiates the class by name, with this constructor. */
  public DatamintSparkSessionExtensions() {}

  @Override
  public BoxedUnit apply(SparkSessionExtensions extensions) {
    SessionExtensions.inject(extensions);
    return BoxedUnit.UNIT;
  }

  /**
   * The value of {@value #CONF} with this class added: {@code configured} when it already lists it,
   * this class alone when {@code configured} is null or blank, otherwise {@code configured}
   * followed by this class.
   */
  public static String addedTo(String configured) {
    return SessionExtensions.addedTo(configured);
  }
}
