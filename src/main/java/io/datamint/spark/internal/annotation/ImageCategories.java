package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code image_categories} target (reference §2.8-2.9): per annotator one category code, or
 * merged.
 */
public final class ImageCategories {

  private ImageCategories() {}

  /**
   * The code of each annotator ({@link AuthorKey#ofLabel}), in first-seen order: that of the
   * annotator's first image-level {@code category} annotation whose {@code (identifier,
   * text_value)} pair is known. Later ones are ignored, even for other identifiers; unknown pairs
   * are skipped, so an annotator may be absent.
   *
   * @param annotations one resource's filtered annotations, in annotation order
   */
  public static Map<String, Integer> perAnnotator(
      List<Annotation> annotations, LabelSchema schema) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (Annotation a : annotations) {
      if (!"category".equals(a.annotationType()) || a.frameIndex() != null) {
        continue;
      }
      int code = schema.imageCategoryCode(a.identifier(), a.textValue());
      if (code >= 0) {
        out.putIfAbsent(AuthorKey.ofLabel(a), code);
      }
    }
    return out;
  }

  /** {@code MODE}: the most frequent code, the lowest on a tie, -1 when there are no annotators. */
  public static int mode(Collection<Integer> codes) {
    Map<Integer, Integer> counts = new LinkedHashMap<>();
    int best = -1;
    int bestCount = 0;
    for (int code : codes) {
      int c = counts.merge(code, 1, Integer::sum);
      if (c > bestCount || (c == bestCount && code < best)) {
        best = code;
        bestCount = c;
      }
    }
    return best;
  }

  /**
   * {@code UNION} / {@code INTERSECTION}: each code as a one-hot vector of length {@code count},
   * combined by any / all into an int32 multi-hot vector; zeros when there are no annotators.
   *
   * @param count the number of image categories
   * @throws IllegalArgumentException for {@code MODE} (see {@link #mode}) or a code outside {@code
   *     [0, count)}
   */
  public static int[] multiHot(Collection<Integer> codes, MergeStrategy strategy, int count) {
    if (strategy == MergeStrategy.MODE) {
      throw new IllegalArgumentException(
          "the mode of image categories is one code: use ImageCategories.mode");
    }
    int[] hits = new int[count];
    for (int code : codes) {
      if (code < 0 || code >= count) {
        throw new IllegalArgumentException(
            "image category code " + code + " is outside [0, " + count + ")");
      }
      hits[code]++;
    }
    int n = codes.size();
    int[] merged = new int[count];
    for (int i = 0; i < count && n > 0; i++) {
      merged[i] = (strategy == MergeStrategy.UNION ? hits[i] > 0 : hits[i] == n) ? 1 : 0;
    }
    return merged;
  }
}
