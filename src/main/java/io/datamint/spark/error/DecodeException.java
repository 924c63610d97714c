package io.datamint.spark.error;

/**
 * A file could not be decoded: it is unreadable, truncated, corrupt, of an unsupported encoding,
 * declares a size over the limits, or needs a library missing from the class path; or one of the
 * resource's masks or annotations is corrupt. The message names what was wrong (and, where it
 * helps, what is supported); it becomes the row's {@code _error} in PERMISSIVE mode.
 *
 * <p>It is a {@link DataException}, so unchecked; methods that throw it still declare it, to show
 * where bad data is found. Code must not turn other exceptions into it unless they come from a
 * third-party codec that reports a corrupt stream that way: a bug of the connector has to surface
 * as one.
 */
public final class DecodeException extends DataException {

  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
