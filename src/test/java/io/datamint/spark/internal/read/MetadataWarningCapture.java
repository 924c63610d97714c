package io.datamint.spark.internal.read;

import io.datamint.spark.internal.source.JsonItems;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * The warnings the metadata parsers log (one per field of a listing) while open: attached to the
 * logger of {@link JsonItems}, which reports every listing's problems of non-essential fields.
 */
final class MetadataWarningCapture implements AutoCloseable {

  private final List<String> warnings = new CopyOnWriteArrayList<>();
  private final Logger logger = (Logger) LogManager.getLogger(JsonItems.class.getName());
  private final AbstractAppender appender =
      new AbstractAppender("metadata-warnings", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
          if (event.getLevel() == Level.WARN) {
            warnings.add(event.getMessage().getFormattedMessage());
          }
        }
      };

  MetadataWarningCapture() {
    appender.start();
    logger.addAppender(appender);
  }

  /** The warnings logged so far. */
  List<String> warnings() {
    return List.copyOf(warnings);
  }

  @Override
  public void close() {
    logger.removeAppender(appender);
    appender.stop();
  }
}
