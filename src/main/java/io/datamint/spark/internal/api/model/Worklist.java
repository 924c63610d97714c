package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An annotation worklist: its annotation schema ({@link AnnotationSpec}s in spec order) and its
 * segmentation group, the label name to 1-based code map ({@code {"groups": {"<label>": {"index":
 * n}}}}).
 */
public record Worklist(
    String id, String name, List<AnnotationSpec> specs, Map<String, Integer> segmentationGroup) {

  private static final String GROUP_SHAPE = "{\"groups\": {\"<label>\": {\"index\": <int>}}}";

  /** Parses a worklist, its problems of non-essential fields not reported. */
  public static Worklist fromJson(JsonNode json) {
    return fromJson(json, MetadataIssues.ofListing("a worklist"));
  }

  /**
   * Parses a worklist; the API's {@code worklist_id} / {@code worklist_name} keys are accepted for
   * {@code id} / {@code name}. The id, the specs and the segmentation group are essential: a
   * malformed group structure, or an index that is not a whole number from 0, is an error naming
   * the field's path.
   */
  public static Worklist fromJson(JsonNode json, MetadataIssues issues) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a worklist must be a JSON object");
    }
    JsonFields f = new JsonFields(json, issues);
    String idField = f.present("id") ? "id" : "worklist_id";
    if (!f.present(idField)) {
      throw new IllegalArgumentException("a worklist needs a non-null \"id\"");
    }
    String id = f.requiredText(idField, "worklist");
    List<AnnotationSpec> specs = new ArrayList<>();
    JsonNode specNodes = f.requiredList("annotations", "a list of annotation specs");
    if (specNodes != null) {
      for (int i = 0; i < specNodes.size(); i++) {
        JsonNode spec = specNodes.get(i);
        if (!spec.isObject()) {
          throw JsonFields.wrongType(
              f.name("annotations[" + i + "]"), spec, "an annotation spec object");
        }
        specs.add(AnnotationSpec.fromJson(f.within("annotations[" + i + "]", spec)));
      }
    }
    return new Worklist(
        id,
        f.firstText("name", "worklist_name"),
        Collections.unmodifiableList(specs),
        Collections.unmodifiableMap(segmentationGroup(f)));
  }

  /** The {@code segmentation_group}'s label to index map (empty when there is none). */
  private static Map<String, Integer> segmentationGroup(JsonFields f) {
    Map<String, Integer> groups = new LinkedHashMap<>();
    JsonNode group = f.requiredObject("segmentation_group", GROUP_SHAPE);
    if (group == null) {
      return groups;
    }
    JsonFields g = f.within("segmentation_group", group);
    JsonNode labels = g.requiredObject("groups", "an object of label to {\"index\": <int>}");
    if (labels == null) {
      return groups;
    }
    JsonFields l = g.within("groups", labels);
    for (Map.Entry<String, JsonNode> label : labels.properties()) {
      String name = "\"" + label.getKey() + "\"";
      JsonNode entry = label.getValue();
      if (!entry.isObject()) {
        throw JsonFields.wrongType(l.name(name), entry, "{\"index\": <int>}");
      }
      Integer index = l.within(name, entry).requiredIndex("index", Integer.MAX_VALUE);
      if (index == null) {
        throw new IllegalArgumentException(
            "segmentation group \"" + label.getKey() + "\" needs an integer \"index\"");
      }
      groups.put(label.getKey(), index);
    }
    return groups;
  }
}
