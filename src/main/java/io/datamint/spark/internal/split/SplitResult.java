package io.datamint.spark.internal.split;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a single-membership split (local, patient-wise or project-scoped): for each split,
 * in the SDK's result order, its resource ids in the SDK's within-split order, and the inverse map
 * resource id to split name. Resources in no split (dropped by the {@code skip} strategy or without
 * a project assignment) are absent.
 */
public final class SplitResult {

  private final Map<String, List<String>> splits;
  private final Map<String, String> assignments;
  private final String source;

  SplitResult(LinkedHashMap<String, List<String>> splits, String source) {
    LinkedHashMap<String, List<String>> copy = new LinkedHashMap<>();
    LinkedHashMap<String, String> inverse = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> e : splits.entrySet()) {
      copy.put(e.getKey(), Collections.unmodifiableList(new ArrayList<>(e.getValue())));
      for (String id : e.getValue()) {
        inverse.put(id, e.getKey());
      }
    }
    this.splits = Collections.unmodifiableMap(copy);
    this.assignments = Collections.unmodifiableMap(inverse);
    this.source = source;
  }

  /** Split name to its resource ids, in result order; empty splits of a local split are kept. */
  public Map<String, List<String>> splits() {
    return splits;
  }

  /** Resource id to split name, for every assigned resource. */
  public Map<String, String> assignments() {
    return assignments;
  }

  /** The split of a resource, or null when it is in none. */
  public String splitOf(String resourceId) {
    return assignments.get(resourceId);
  }

  /**
   * The SDK's {@code split_source}: {@code local}, {@code local_by_patient} or {@code project_api}.
   */
  public String source() {
    return source;
  }

  @Override
  public String toString() {
    return source + splits;
  }
}
