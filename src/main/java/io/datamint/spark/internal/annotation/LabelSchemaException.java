package io.datamint.spark.internal.annotation;

import io.datamint.spark.error.SourceException;

/**
 * The project's worklists cannot give one label schema (ambiguous specs, conflicting segmentation
 * groups, an unknown worklist). The SDK raises {@code DatamintDatasetException} in the same cases.
 */
public final class LabelSchemaException extends SourceException {

  private static final long serialVersionUID = 1L;

  /** An exception with this message. */
  public LabelSchemaException(String message) {
    super(message);
  }
}
