package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The annotation types the SDK knows (its {@code AnnotationType} enum, v2.45.0). The SDK refuses
 * any other type and fails the whole dataset; the connector keeps the resource and the annotation
 * (it stays in the {@code annotations} column) and leaves it out of every target, which only ever
 * read {@code segmentation}, {@code label}, {@code category} and {@code square}. {@link #unknown}
 * counts what was left out, for one summarised warning per read.
 */
public final class AnnotationTypes {

  /** The SDK's {@code AnnotationType} values. */
  public static final Set<String> KNOWN =
      Set.of(
          "segmentation",
          "area",
          "distance",
          "angle",
          "point",
          "line",
          "region",
          "square",
          "circle",
          "category",
          "label",
          "integer",
          "float",
          "text",
          "spline");

  private AnnotationTypes() {}

  /** Whether the SDK knows this type (a null type is unknown). */
  public static boolean isKnown(String type) {
    return type != null && KNOWN.contains(type);
  }

  /**
   * The unknown types among these annotations and how many annotations have each, sorted by type (a
   * missing type is shown as {@code <none>}).
   */
  public static Map<String, Integer> unknown(Iterable<Annotation> annotations) {
    Map<String, Integer> counts = new TreeMap<>();
    for (Annotation a : annotations) {
      if (!isKnown(a.annotationType())) {
        counts.merge(a.annotationType() == null ? "<none>" : a.annotationType(), 1, Integer::sum);
      }
    }
    return counts;
  }

  /**
   * The warning for these counts: {@code "type" x N, ...} and what was done with them; null when
   * there are none.
   */
  public static String warning(Map<String, Integer> unknown) {
    if (unknown.isEmpty()) {
      return null;
    }
    StringBuilder types = new StringBuilder();
    unknown.forEach(
        (type, n) ->
            types
                .append(types.length() == 0 ? "" : ", ")
                .append('"')
                .append(type)
                .append("\" x ")
                .append(n));
    return "annotation types the Datamint SDK does not know: "
        + types
        + "; their resources are kept and the annotations stay in the annotations column, "
        + "but no target (labels, categories, masks, boxes) uses them (the SDK would fail the"
        + " whole dataset)";
  }
}
