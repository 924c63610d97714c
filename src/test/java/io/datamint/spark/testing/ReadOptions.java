package io.datamint.spark.testing;

import java.util.LinkedHashMap;
import java.util.Map;

/** Read options written inline in tests as {@code "key", "value", "key", "value", ...}. */
public final class ReadOptions {

  private ReadOptions() {}

  /** The pairs as an ordered map; a key given twice keeps its last value. */
  public static Map<String, String> of(String... keysAndValues) {
    if (keysAndValues.length % 2 != 0) {
      throw new IllegalArgumentException(
          "options come in key, value pairs; got " + keysAndValues.length + " strings");
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      out.put(keysAndValues[i], keysAndValues[i + 1]);
    }
    return out;
  }
}
