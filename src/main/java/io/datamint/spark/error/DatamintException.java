package io.datamint.spark.error;

/**
 * The base of every error the connector reports to its users. It has three families, each with its
 * own subclass:
 *
 * <ul>
 *   <li>{@link OptionException}: a read, catalog or prefetch option was rejected (at {@code
 *       load()});
 *   <li>{@link SourceException}: the project could not be read from its mirror or Datamint server
 *       (a missing or malformed metadata file, an HTTP error, worklists that give no label schema);
 *   <li>{@link DataException}: one resource's data cannot be turned into its rows (a corrupt or
 *       unsupported file, a corrupt mask or annotation, a library the format needs missing from the
 *       class path).
 * </ul>
 *
 * <p>Only data errors are ever turned into a row's {@code _error} (or a dropped row, per the read
 * mode); a fetch of one resource's file that fails with a source error counts as that resource's
 * data error. Anything that is not a {@code DatamintException} while rows are produced is a bug in
 * the connector and fails the task (see {@code docs/architecture.md}, "Errors"). The messages name
 * what was wrong and, where it helps, what is accepted.
 */
public abstract class DatamintException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  protected DatamintException(String message) {
    super(message);
  }

  protected DatamintException(String message, Throwable cause) {
    super(message, cause);
  }
}
