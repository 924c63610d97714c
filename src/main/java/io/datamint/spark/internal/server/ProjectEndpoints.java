package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.server.MirrorIndex.MirrorProject;
import java.util.List;

/** {@code GET /projects}, {@code GET /projects/{id}} and {@code GET /projects/{id}/resources}. */
final class ProjectEndpoints {

  private final MirrorIndex index;

  ProjectEndpoints(MirrorIndex index) {
    this.index = index;
  }

  /**
   * All projects (archived ones too), paged by {@code offset}/{@code limit}, as {@code {"data":
   * [...]}}.
   */
  ApiResponse list(ApiRequest request, List<String> params) {
    long offset = request.intParam("offset", 0);
    long limit = request.intParam("limit", Long.MAX_VALUE);
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode data = body.putArray("data");
    index.projects().stream().skip(offset).limit(limit).forEach(p -> data.add(p.project()));
    return ApiResponse.json(200, body);
  }

  /** One project object, bare. */
  ApiResponse get(ApiRequest request, List<String> params) {
    return ApiResponse.json(200, index.project(params.get(0)).project());
  }

  /** The project's resources as a bare list in resources.jsonl order (no paging, as the API). */
  ApiResponse resources(ApiRequest request, List<String> params) {
    MirrorProject p = index.project(params.get(0));
    ArrayNode list = Json.MAPPER.createArrayNode();
    p.resources().forEach(list::add);
    return ApiResponse.json(200, list);
  }
}
