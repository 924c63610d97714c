package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The label sets found in the data (SDK inferred mode, reference §2.2): sorted sets of the
 * identifiers of {@code label} annotations (image scope when the frame index is null), of the
 * {@code (identifier, text_value)} pairs of {@code category} annotations, and of the identifiers of
 * {@code segmentation} annotations.
 *
 * <p>Sorted by {@link String#compareTo}, which orders UTF-16 code units: the same as Python's code
 * point order for text in the Basic Multilingual Plane (it can differ only when supplementary
 * characters meet characters in U+E000..U+FFFF). Annotations without an identifier are ignored
 * (Python would fail to sort None).
 */
final class DataLabels {

  final SortedSet<String> imageLabels = new TreeSet<>();
  final SortedSet<String> frameLabels = new TreeSet<>();
  final SortedSet<CategoryValue> imageCategories = new TreeSet<>();
  final SortedSet<CategoryValue> frameCategories = new TreeSet<>();
  final SortedSet<String> segmentations = new TreeSet<>();

  DataLabels(Iterable<Annotation> annotations) {
    for (Annotation a : annotations) {
      String id = a.identifier();
      if (id == null || a.annotationType() == null) {
        continue;
      }
      boolean image = a.frameIndex() == null;
      switch (a.annotationType()) {
        case "label" -> (image ? imageLabels : frameLabels).add(id);
        case "category" ->
            (image ? imageCategories : frameCategories).add(new CategoryValue(id, a.textValue()));
        case "segmentation" -> segmentations.add(id);
        default -> {}
      }
    }
  }
}
