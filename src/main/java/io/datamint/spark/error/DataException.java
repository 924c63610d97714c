package io.datamint.spark.error;

/**
 * One resource's data cannot be turned into its rows: its file is unreadable, truncated, corrupt,
 * of an unsupported encoding or over the size limits, one of its masks or annotations is corrupt,
 * or a library its format needs is missing. The read mode decides what it becomes: the row's {@code
 * _error} ({@code PERMISSIVE}), a dropped row ({@code DROPMALFORMED}) or a failed query naming the
 * resource ({@code FAILFAST}).
 */
public abstract class DataException extends DatamintException {

  private static final long serialVersionUID = 1L;

  protected DataException(String message) {
    super(message);
  }

  protected DataException(String message, Throwable cause) {
    super(message, cause);
  }
}
