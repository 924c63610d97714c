package io.datamint.spark.internal.config;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.LoggerFactory;

/**
 * Reports {@code spark.datamint.*} session conf keys that name no option: one warning per key for
 * the life of the JVM, naming the closest valid key, instead of failing every read. A session conf
 * is shared by every read of an application and often set far from the read (a cluster's defaults,
 * a notebook's first cell), so a stale or misspelled key there should not stop reads that never use
 * it; read options still fail ({@link DatamintOptions}).
 */
final class UnknownConfKeys {

  /** The JVM's reporter, logging through SLF4J. */
  static final UnknownConfKeys JVM =
      new UnknownConfKeys(LoggerFactory.getLogger(DatamintOptions.class)::warn);

  private final Set<String> reported = ConcurrentHashMap.newKeySet();
  private final Consumer<String> sink;

  /** A reporter writing its warnings to {@code sink}. */
  UnknownConfKeys(Consumer<String> sink) {
    this.sink = sink;
  }

  /**
   * Warns about {@code confKey} unless it was warned about before.
   *
   * @param confKey the full conf key, e.g. {@code spark.datamint.tag}
   * @param closest the closest valid option name, or null when none is close
   * @return whether a warning was written
   */
  boolean report(String confKey, String closest) {
    if (!reported.add(confKey)) {
      return false;
    }
    sink.accept(
        "ignoring Spark conf "
            + confKey
            + ": no datamint option is named \""
            + confKey.substring(DatamintOptions.CONF_PREFIX.length())
            + "\""
            + (closest == null
                ? ""
                : "; did you mean " + DatamintOptions.CONF_PREFIX + closest + "?")
            + " (this warning is written once per JVM)");
    return true;
  }
}
