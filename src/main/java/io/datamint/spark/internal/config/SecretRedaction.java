package io.datamint.spark.internal.config;

import java.util.Map;

/**
 * Keeps the API key out of Spark's UI and event log when it is put where Spark itself shows values:
 * the Spark conf ({@code spark.datamint.api_key}, {@code spark.sql.catalog.<name>.api_key}), which
 * the Environment tab lists, and SQL {@code OPTIONS (api_key '...')}, which plans print. Spark
 * hides a value only when its key matches {@code spark.redaction.regex}, whose default does not
 * match {@code api_key}; this pattern adds it. It must be set when the application starts (the
 * connector cannot change it later); the command-line tools do so, and the README shows it for
 * spark-submit. A key passed as a read option or through {@code DATAMINT_API_KEY} needs none of
 * this.
 */
public final class SecretRedaction {

  /** The Spark conf key of the redaction pattern. */
  public static final String REDACTION_REGEX_CONF = "spark.redaction.regex";

  /** Spark's default pattern plus {@code api_key}. */
  public static final String REDACTION_REGEX =
      "(?i)secret|password|token|access[.]?key|api[_.]?key";

  private SecretRedaction() {}

  /**
   * Sets {@link #REDACTION_REGEX} in a session's start-up conf unless the user chose a pattern
   * already.
   */
  public static void protect(Map<String, String> sparkConf) {
    sparkConf.putIfAbsent(REDACTION_REGEX_CONF, REDACTION_REGEX);
  }
}
