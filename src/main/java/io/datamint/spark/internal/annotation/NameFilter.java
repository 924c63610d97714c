package io.datamint.spark.internal.annotation;

import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One include/exclude option pair of the SDK (annotators, segmentation names, image or frame label
 * names). A null list is an option not given; an empty include list keeps nothing. Giving both is
 * an error, as in the SDK (the options layer reports it naming the two options).
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
   * A filter that keeps only the names in {@code include}, or drops the names in {@code exclude};
   * with neither, it keeps every name. The options layer checks that a user did not give both (the
   * SDK refuses that too).
   *
   * @throws IllegalArgumentException when both lists are given
   */
  public static NameFilter of(List<String> include, List<String> exclude) {
    if (include != null && exclude != null) {
      throw new IllegalArgumentException(
          "an include list and an exclude list are mutually exclusive");
    }
    if (include == null && exclude == null) {
      return NONE;
    }
    return new NameFilter(
        include == null ? null : new HashSet<>(include),
        exclude == null ? null : new HashSet<>(exclude));
  }

  /** Whether the name passes (a null name is never in a list). */
  public boolean keeps(String name) {
    if (include != null) {
      return include.contains(name);
    }
    return exclude == null || !exclude.contains(name);
  }
}
