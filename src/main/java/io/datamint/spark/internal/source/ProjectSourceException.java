package io.datamint.spark.internal.source;

import io.datamint.spark.error.SourceException;

/**
 * A project could not be read: a missing or malformed mirror file, an unknown project, an API
 * error. The message names what was wrong (file and line, endpoint and status) and, where it helps,
 * what is accepted.
 */
public final class ProjectSourceException extends SourceException {

  private static final long serialVersionUID = 1L;

  public ProjectSourceException(String message) {
    super(message);
  }

  public ProjectSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
