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

  /**
   * Parses a worklist; the API's {@code worklist_id} / {@code worklist_name} keys are accepted for
   * {@code id} / {@code name}. A group entry without an integer {@code index} is an error naming
   * the label.
   */
  public static Worklist fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a worklist must be a JSON object");
    }
    String id = Json.firstText(json, "id", "worklist_id");
    if (id == null) {
      throw new IllegalArgumentException("a worklist needs a non-null \"id\"");
    }
    List<AnnotationSpec> specs = new ArrayList<>();
    JsonNode specNodes = json.get("annotations");
    if (specNodes != null && specNodes.isArray()) {
      for (JsonNode spec : specNodes) {
        specs.add(AnnotationSpec.fromJson(spec));
      }
    }
    Map<String, Integer> groups = new LinkedHashMap<>();
    JsonNode groupNodes = json.path("segmentation_group").path("groups");
    if (groupNodes.isObject()) {
      for (Map.Entry<String, JsonNode> group : groupNodes.properties()) {
        Long index = Json.integer(group.getValue(), "index");
        if (index == null) {
          throw new IllegalArgumentException(
              "segmentation group \"" + group.getKey() + "\" needs an integer \"index\"");
        }
        groups.put(group.getKey(), Math.toIntExact(index));
      }
    }
    return new Worklist(
        id,
        Json.firstText(json, "name", "worklist_name"),
        Collections.unmodifiableList(specs),
        Collections.unmodifiableMap(groups));
  }
}
