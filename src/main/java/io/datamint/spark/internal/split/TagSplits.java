package io.datamint.spark.internal.split;

import io.datamint.spark.internal.api.model.Resource;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SDK v2.17's legacy tag split ({@code use_server_splits=True}, deprecated): every tag {@code
 * split:<name>} puts the resource in split {@code <name>}, so a resource may be in several splits;
 * untagged resources are in none.
 */
public final class TagSplits {

  /** {@code split_source} of tag splits. */
  public static final String SOURCE = "server_tags";

  /** The tag prefix. */
  public static final String PREFIX = "split:";

  /** The SDK's deprecation warning text. */
  public static final String DEPRECATION_WARNING =
      "use_server_splits and splitting by resource tags are deprecated"
          + " in favor of use_project_splits. Please migrate to project-scoped splits for better reproducibility and"
          + " management.";

  private TagSplits() {}

  /**
   * Resource id to its split names (tag order, a name repeated in the tags counted once), for
   * tagged resources in dataset order.
   *
   * @throws IllegalArgumentException with the SDK's message when no resource has a {@code split:*}
   *     tag
   */
  public static Map<String, List<String>> assign(List<Resource> resources) {
    LinkedHashMap<String, List<String>> result = new LinkedHashMap<>();
    for (Resource r : resources) {
      List<String> names = new ArrayList<>();
      for (String tag : r.tags() == null ? List.<String>of() : r.tags()) {
        if (tag != null && tag.startsWith(PREFIX)) {
          String name = tag.substring(PREFIX.length());
          if (!names.contains(name)) {
            names.add(name);
          }
        }
      }
      if (!names.isEmpty()) {
        result.merge(
            r.id(),
            names,
            (a, b) -> {
              List<String> merged = new ArrayList<>(a);
              b.stream().filter(n -> !merged.contains(n)).forEach(merged::add);
              return merged;
            });
      }
    }
    if (result.isEmpty()) {
      throw new IllegalArgumentException(
          "No resources have 'split:*' tags. Tag resources on the server first or"
              + " use local splitting (use_server_splits=False).");
    }
    result.replaceAll((id, names) -> Collections.unmodifiableList(names));
    return Collections.unmodifiableMap(result);
  }

  /** The split names in first-seen order (the SDK's result order) of an {@link #assign} result. */
  public static List<String> splitNames(Map<String, List<String>> assignment) {
    List<String> names = new ArrayList<>();
    for (List<String> splits : assignment.values()) {
      for (String name : splits) {
        if (!names.contains(name)) {
          names.add(name);
        }
      }
    }
    return names;
  }
}
