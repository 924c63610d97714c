package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;

/** The SDK's author keys, which differ between targets (reference §9.4). */
public final class AuthorKey {

  /** The key of annotations without an author. */
  public static final String UNKNOWN = "unknown";

  private AuthorKey() {}

  /**
   * Key of image labels, image categories and frame labels: {@code created_by}, else {@code
   * "unknown"}.
   */
  public static String ofLabel(Annotation annotation) {
    return annotation.createdBy() != null ? annotation.createdBy() : UNKNOWN;
  }

  /**
   * Key of segmentations: {@code created_by}, else {@code created_by_model}, else {@code
   * "unknown"}.
   */
  public static String ofSegmentation(Annotation annotation) {
    if (annotation.createdBy() != null) {
      return annotation.createdBy();
    }
    return annotation.createdByModel() != null ? annotation.createdByModel() : UNKNOWN;
  }
}
