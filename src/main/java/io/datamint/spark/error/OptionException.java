package io.datamint.spark.error;

/**
 * An option name or value was rejected; the message names the option, the value and what is
 * accepted. Raised on the driver, before any data is read.
 */
public abstract class OptionException extends DatamintException {

  private static final long serialVersionUID = 1L;

  protected OptionException(String message) {
    super(message);
  }

  protected OptionException(String message, Throwable cause) {
    super(message, cause);
  }
}
