package io.datamint.spark.internal.annotation;

import io.datamint.spark.internal.api.model.Worklist;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The segmentation labels of the selected worklists' segmentation groups (reference §2.2): groups
 * merged across worklists, code = the group's {@code index}, gaps (null) where no group has that
 * index.
 *
 * <p>Conflicts fail: one name with two indexes, or one index held by two names. A malformed group
 * (a null or non-positive index, or one above {@link #MAX_INDEX}) is logged and gives no
 * segmentation labels at all, as the SDK does for any exception here; the SDK's parse of a
 * non-integer index already fails in {@link Worklist#fromJson}.
 */
final class SegmentationGroups {

  /**
   * The largest index accepted; a larger one is malformed (it would allocate a huge label list).
   */
  static final int MAX_INDEX = 65_535;

  private static final Logger LOG = LoggerFactory.getLogger(SegmentationGroups.class);

  private SegmentationGroups() {}

  /** Position {@code i} holds the name of code {@code i+1}, or null for a gap. */
  static List<String> labels(List<Worklist> worklists) {
    Map<String, Integer> indexByName = new LinkedHashMap<>();
    Map<Integer, String> nameByIndex = new HashMap<>();
    int max = 0;
    for (Worklist worklist : worklists) {
      Map<String, Integer> groups =
          worklist.segmentationGroup() == null ? Map.of() : worklist.segmentationGroup();
      for (Map.Entry<String, Integer> group : groups.entrySet()) {
        String name = group.getKey();
        Integer index = group.getValue();
        if (name == null || index == null || index < 1 || index > MAX_INDEX) {
          LOG.warn(
              "worklist {}: malformed segmentation group {} -> {} (an index must be in 1..{}); "
                  + "no segmentation labels are defined, as in the SDK",
              worklist.id(),
              name,
              index,
              MAX_INDEX);
          return List.of();
        }
        Integer known = indexByName.get(name);
        if (known != null && !known.equals(index)) {
          throw new LabelSchemaException(
              "segmentation group \""
                  + name
                  + "\" has index "
                  + known
                  + " in one worklist and "
                  + index
                  + " in worklist "
                  + worklist.id());
        }
        String holder = nameByIndex.get(index);
        if (holder != null && !holder.equals(name)) {
          throw new LabelSchemaException(
              "segmentation index "
                  + index
                  + " is used by group \""
                  + holder
                  + "\" and by group \""
                  + name
                  + "\" (worklist "
                  + worklist.id()
                  + ")");
        }
        indexByName.put(name, index);
        nameByIndex.put(index, name);
        max = Math.max(max, index);
      }
    }
    List<String> labels = new ArrayList<>(Collections.nCopies(max, (String) null));
    nameByIndex.forEach((index, name) -> labels.set(index - 1, name));
    return labels;
  }
}
