package io.datamint.spark.internal.config;

import io.datamint.spark.error.OptionException;

/**
 * An option name or value was rejected at {@code load()}; the message names it and what is
 * accepted.
 */
public final class InvalidOptionException extends OptionException {

  private static final long serialVersionUID = 1L;

  public InvalidOptionException(String message) {
    super(message);
  }
}
