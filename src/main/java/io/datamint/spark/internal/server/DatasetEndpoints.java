package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.server.MirrorIndex.MirrorProject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /datasets}: the legacy v2.17 {@code DatamintDataset}'s list of datasets ({@code
 * DatasetInfo}), from which it takes its project's dataset ({@code project.dataset_id}) and that
 * dataset's {@code updated_at}, the version of its local copy. A mirror has no dataset objects:
 * each distinct {@code dataset_id} of the projects is one dataset, made from the projects that name
 * it (in root order): the first one's name, creator, creation time and description, the resources
 * of all of them, and as {@code updated_at} the latest {@code created_at} of those projects, their
 * resources and annotations (the mirror keeps no other change times). Projects without a {@code
 * dataset_id} belong to no dataset. Paged by {@code offset}/{@code limit} in the envelope of {@code
 * GET /projects}, {@code {"data": [...]}}, which the SDK reads as it reads a bare list.
 */
final class DatasetEndpoints {

  private static final Set<String> PARAMS = Set.of("offset", "limit");

  private final MirrorIndex index;

  DatasetEndpoints(MirrorIndex index) {
    this.index = index;
  }

  ApiResponse list(ApiRequest request, List<String> params) {
    request.onlyParams(PARAMS);
    long offset = request.intParam("offset", 0);
    long limit = request.intParam("limit", Long.MAX_VALUE);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode data = body.putArray("data");
    datasets().values().stream().skip(offset).limit(limit).forEach(data::add);
    return ApiResponse.json(200, body);
  }

  /** The datasets by id, in the order their first project comes in the root. */
  private Map<String, ObjectNode> datasets() {
    Map<String, ObjectNode> datasets = new LinkedHashMap<>();
    for (MirrorProject p : index.projects()) {
      String id = Json.text(p.project(), "dataset_id");
      if (id == null) {
        continue;
      }
      ObjectNode d = datasets.computeIfAbsent(id, k -> newDataset(k, p));
      ArrayNode ids = (ArrayNode) d.get("resource_ids");
      String updated = Json.text(d, "updated_at");
      for (int i = 0; i < p.resources().size(); i++) {
        ObjectNode r = p.resources().node(i);
        ids.add(Json.text(r, "id"));
        updated = later(updated, Json.text(r, "created_at"));
        if (Json.text(d, "customer_id").isEmpty() && Json.text(r, "customer_id") != null) {
          d.put("customer_id", Json.text(r, "customer_id"));
        }
      }
      for (ObjectNode a : p.annotations()) {
        updated = later(updated, Json.text(a, "created_at"));
      }
      d.put("updated_at", later(updated, Json.text(p.project(), "created_at")));
      d.put("total_resource", ids.size());
    }
    return datasets;
  }

  private static ObjectNode newDataset(String id, MirrorProject p) {
    ObjectNode d = Json.MAPPER.createObjectNode();
    d.put("id", id);
    d.put("name", orEmpty(Json.text(p.project(), "name")));
    d.put("created_at", orEmpty(Json.text(p.project(), "created_at")));
    d.put("created_by", orEmpty(Json.text(p.project(), "created_by")));
    // the SDK's DatasetInfo requires strings here; a mirror project may have no description
    d.put("description", orEmpty(Json.text(p.project(), "description")));
    d.put("customer_id", "");
    d.putNull("updated_at");
    d.put("total_resource", 0);
    d.putArray("resource_ids");
    return d;
  }

  /** The later of two ISO-8601 UTC timestamps of the mirror's one format (text order). */
  private static String later(String a, String b) {
    if (a == null) {
      return b;
    }
    return b == null || a.compareTo(b) >= 0 ? a : b;
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
