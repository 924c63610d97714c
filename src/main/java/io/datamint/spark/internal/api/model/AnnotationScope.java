package io.datamint.spark.internal.api.model;

/** Whether an annotation applies to the whole resource or to one frame (slice) of it. */
public enum AnnotationScope {
  IMAGE("image"),
  FRAME("frame");

  private final String value;

  AnnotationScope(String value) {
    this.value = value;
  }

  /** The JSON value, {@code image} or {@code frame}. */
  public String value() {
    return value;
  }
}
