package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
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

  /**
   * The project's resources as a bare list in resources.jsonl order: all of them without {@code
   * offset} and {@code limit} (the SDK's un-paged {@code get_project_resources}), else the page
   * {@code [offset, offset + limit)} as the SDK's GET paging asks for it ({@code limit} alone
   * starts at 0, {@code offset} alone runs to the end). The body is written from the file as it is
   * sent, never built whole.
   */
  ApiResponse resources(ApiRequest request, List<String> params) {
    ResourceLines lines = index.project(params.get(0)).resources();
    long offset = request.intParam("offset", 0);
    long limit = request.intParam("limit", Long.MAX_VALUE);
    int from = (int) Math.min(offset, lines.size());
    int to = (int) Math.min(lines.size(), from + Math.min(limit, lines.size()));
    return ApiResponse.jsonStream(
        200, lines.listLength(from, to), out -> lines.writeList(out, from, to));
  }
}
