package io.datamint.spark.annotation;

import io.datamint.spark.config.InvalidOptionException;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One include/exclude option pair of the SDK (annotators, segmentation names, image or frame label names). A null
 * list is an option not given; an empty include list keeps nothing. Giving both is an error, as in the SDK.
 */
public final class NameFilter implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Keeps every name. */
  public static final NameFilter NONE = new NameFilter(null, null);

  private final Set<String> include;
  private final Set<String> exclude;

  private NameFilter(Set<String> include, Set<String> exclude) {
    this.include = include;
    this.exclude = exclude;
  }

  /**
   * The filter of one option pair.
   *
   * @param includeOption the include option's name, for the error message (e.g. {@code include_annotators})
   * @param include the names to keep, or null
   * @param excludeOption the exclude option's name
   * @param exclude the names to drop, or null
   * @throws InvalidOptionException when both lists are given
   */
  public static NameFilter of(String includeOption, List<String> include, String excludeOption,
      List<String> exclude) {
    if (include != null && exclude != null) {
      throw new InvalidOptionException("options \"" + includeOption + "\" and \"" + excludeOption
          + "\" are mutually exclusive: set only one of them");
    }
    if (include == null && exclude == null) {
      return NONE;
    }
    return new NameFilter(include == null ? null : new HashSet<>(include),
        exclude == null ? null : new HashSet<>(exclude));
  }

  /** {@code include_annotators} / {@code exclude_annotators}. */
  public static NameFilter annotators(List<String> include, List<String> exclude) {
    return of("include_annotators", include, "exclude_annotators", exclude);
  }

  /** {@code include_segmentation_names} / {@code exclude_segmentation_names}. */
  public static NameFilter segmentationNames(List<String> include, List<String> exclude) {
    return of("include_segmentation_names", include, "exclude_segmentation_names", exclude);
  }

  /** {@code include_image_label_names} / {@code exclude_image_label_names}. */
  public static NameFilter imageLabelNames(List<String> include, List<String> exclude) {
    return of("include_image_label_names", include, "exclude_image_label_names", exclude);
  }

  /** {@code include_frame_label_names} / {@code exclude_frame_label_names}. */
  public static NameFilter frameLabelNames(List<String> include, List<String> exclude) {
    return of("include_frame_label_names", include, "exclude_frame_label_names", exclude);
  }

  /** Whether the name passes (a null name is never in a list). */
  public boolean keeps(String name) {
    if (include != null) {
      return include.contains(name);
    }
    return exclude == null || !exclude.contains(name);
  }
}
