package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DataException;
import io.datamint.spark.error.DecodeException;

/**
 * A {@link DecodeException} thrown through an interface that cannot declare it ({@link
 * java.util.Iterator} in {@link VideoFrames}). The message is the cause's.
 */
final class UncheckedDecodeException extends DataException {

  private static final long serialVersionUID = 1L;

  public UncheckedDecodeException(DecodeException cause) {
    super(cause.getMessage(), cause);
  }

  /** The decode failure. */
  @Override
  public synchronized DecodeException getCause() {
    return (DecodeException) super.getCause();
  }
}
