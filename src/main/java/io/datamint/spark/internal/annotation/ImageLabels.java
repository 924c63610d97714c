package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code image_labels} target (reference §2.8-2.9): per annotator an int32 multi-hot vector of
 * length {@code imageLabels().size()}, from the image-level {@code label} annotations (frame index
 * null).
 */
public final class ImageLabels {

  private ImageLabels() {}

  /**
   * The vector of each annotator ({@link AuthorKey#ofLabel}), in first-seen order. An annotator
   * whose labels are all unknown still gets a zero vector; an annotator with no image-level label
   * is absent.
   *
   * @param annotations one resource's filtered annotations
   */
  public static Map<String, int[]> perAnnotator(List<Annotation> annotations, LabelSchema schema) {
    int length = schema.imageLabels().size();
    Map<String, int[]> out = new LinkedHashMap<>();
    for (Annotation a : annotations) {
      if (!"label".equals(a.annotationType()) || a.frameIndex() != null) {
        continue;
      }
      int[] vector = out.computeIfAbsent(AuthorKey.ofLabel(a), k -> new int[length]);
      int code = schema.imageLabelCode(a.identifier());
      if (code >= 0) {
        vector[code] = 1;
      }
    }
    return out;
  }

  /**
   * The merged vector: {@code UNION} any, {@code INTERSECTION} all, {@code MODE} at least half
   * (ties positive); zeros when there are no annotators.
   *
   * @param length the number of image labels
   */
  public static int[] merge(Collection<int[]> vectors, MergeStrategy strategy, int length) {
    int[] merged = new int[length];
    int n = vectors.size();
    if (n == 0) {
      return merged;
    }
    int[] counts = new int[length];
    for (int[] v : vectors) {
      if (v.length != length) {
        throw new IllegalArgumentException(
            "an image label vector has length " + v.length + ", not " + length);
      }
      for (int i = 0; i < length; i++) {
        counts[i] += v[i] != 0 ? 1 : 0;
      }
    }
    for (int i = 0; i < length; i++) {
      boolean positive =
          switch (strategy) {
            case UNION -> counts[i] > 0;
            case INTERSECTION -> counts[i] == n;
            case MODE -> 2L * counts[i] >= n;
          };
      merged[i] = positive ? 1 : 0;
    }
    return merged;
  }
}
