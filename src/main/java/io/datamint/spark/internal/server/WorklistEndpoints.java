package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.server.MirrorIndex.MirrorProject;
import java.util.List;

/**
 * {@code GET /projects/{id}/worklists}, {@code GET /annotationsets/{worklist_id}} and {@code GET
 * /annotationsets/{worklist_id}/segmentation-group}. The mirror keeps each worklist's segmentation
 * group inside the worklist; as on the API, it is served only by the segmentation-group endpoint.
 */
final class WorklistEndpoints {

  private static final String GROUP = "segmentation_group";

  private final MirrorIndex index;

  WorklistEndpoints(MirrorIndex index) {
    this.index = index;
  }

  /**
   * The project's worklists as a bare list, keyed {@code worklist_id}/{@code worklist_name} as the
   * API does (the SDK renames them to {@code id}/{@code name} and warns when both are present),
   * with their specs and {@code annotators}.
   */
  ApiResponse ofProject(ApiRequest request, List<String> params) {
    MirrorProject p = index.project(params.get(0));
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (ObjectNode w : p.worklists()) {
      ObjectNode item = list.addObject();
      item.put("worklist_id", Json.firstText(w, "worklist_id", "id"));
      item.put("worklist_name", Json.firstText(w, "worklist_name", "name"));
      w.fields()
          .forEachRemaining(
              e -> {
                String key = e.getKey();
                if (!key.equals("id")
                    && !key.equals("name")
                    && !key.equals(GROUP)
                    && !item.has(key)) {
                  item.set(key, e.getValue());
                }
              });
      requireAnnotators(item);
    }
    return ApiResponse.json(200, list);
  }

  /** One worklist with its {@code annotations} specs, keyed {@code id}/{@code name}. */
  ApiResponse get(ApiRequest request, List<String> params) {
    ObjectNode w = index.worklist(params.get(0)).node();
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("id", Json.firstText(w, "id", "worklist_id"));
    out.put("name", Json.firstText(w, "name", "worklist_name"));
    w.fields()
        .forEachRemaining(
            e -> {
              String key = e.getKey();
              if (!key.equals("worklist_id")
                  && !key.equals("worklist_name")
                  && !key.equals(GROUP)
                  && !out.has(key)) {
                out.set(key, e.getValue());
              }
            });
    requireAnnotators(out);
    return ApiResponse.json(200, out);
  }

  /**
   * The SDK's {@code AnnotationWorklist} requires {@code annotators} (and {@code name}, which it
   * takes from {@code worklist_name} in a project's list): a mirror worklist without them gets an
   * empty list, as the API answers for a worklist nobody is assigned to.
   */
  private static void requireAnnotators(ObjectNode worklist) {
    if (!worklist.has("annotators") || worklist.get("annotators").isNull()) {
      worklist.putArray("annotators");
    }
  }

  /**
   * {@code {"groups": {...}}}: the worklist's segmentation group, or empty groups when it has none.
   */
  ApiResponse segmentationGroup(ApiRequest request, List<String> params) {
    ObjectNode w = index.worklist(params.get(0)).node();
    JsonNode group = w.get(GROUP);
    ObjectNode out;
    if (group != null && group.isObject()) {
      out = ((ObjectNode) group).deepCopy();
      if (!out.has("groups")) {
        out.putObject("groups");
      }
    } else {
      out = Json.MAPPER.createObjectNode();
      out.putObject("groups");
    }
    return ApiResponse.json(200, out);
  }
}
