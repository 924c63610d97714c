package io.datamint.spark.error;

/**
 * The project could not be read from where it lives: a missing or malformed mirror file (named with
 * its line), an unknown project, an HTTP error of the Datamint API, project metadata that gives no
 * consistent label schema. On the driver it fails {@code load()}; on an executor, fetching one
 * resource's file, it is that resource's error.
 */
public abstract class SourceException extends DatamintException {

  private static final long serialVersionUID = 1L;

  protected SourceException(String message) {
    super(message);
  }

  protected SourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
