package io.datamint.spark.decode;

/**
 * A file could not be decoded: it is truncated, corrupt, of an unsupported encoding, or declares a size over the
 * limits. The message names what was wrong (and, where it helps, what is supported); it becomes the row's
 * {@code _error} in PERMISSIVE mode.
 */
public final class DecodeException extends Exception {

  private static final long serialVersionUID = 1L;

  public DecodeException(String message) {
    super(message);
  }

  public DecodeException(String message, Throwable cause) {
    super(message, cause);
  }
}
