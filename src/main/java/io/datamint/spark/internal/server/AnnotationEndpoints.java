package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.server.MirrorIndex.Located;
import io.datamint.spark.internal.server.MirrorIndex.MirrorProject;
import io.datamint.spark.internal.source.mirror.MirrorLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code POST /annotations/search}, {@code GET /annotations/{id}} and {@code GET
 * /annotations/{resource_id}/annotations/{annotation_id}/file}.
 */
final class AnnotationEndpoints {

  private final MirrorIndex index;

  AnnotationEndpoints(MirrorIndex index) {
    this.index = index;
  }

  /**
   * A bare list page of annotations in annotations.jsonl order (projects in root order). Body keys:
   * {@code resource_ids} (list) or {@code resource_id} (one id or a list), optional {@code
   * annotation_worklist_id} and {@code status} filters, {@code load_ai_segmentations} ({@code
   * false}, as the legacy v2.17 {@code DatamintDataset} sends it without {@code all_annotations},
   * leaves out the segmentations a model made, {@code is_model}; absent or {@code true}, no
   * filter), and {@code offset}/{@code limit} as strings (numbers accepted too). Without a resource
   * filter every annotation matches.
   */
  ApiResponse search(ApiRequest request, List<String> params) {
    JsonNode body = request.jsonBody();
    Set<String> resources = ids(body, "resource_ids");
    Set<String> single = ids(body, "resource_id");
    if (resources == null) {
      resources = single;
    } else if (single != null) {
      resources.addAll(single);
    }
    String worklist = Json.text(body, "annotation_worklist_id");
    String status = Json.text(body, "status");
    boolean modelSegmentations = !"false".equals(Json.text(body, "load_ai_segmentations"));
    long offset = ApiRequest.nonNegative("offset", Json.text(body, "offset"), 0);
    long limit = ApiRequest.nonNegative("limit", Json.text(body, "limit"), Long.MAX_VALUE);
    ArrayNode page = Json.MAPPER.createArrayNode();
    long skipped = 0;
    for (MirrorProject p : index.projects()) {
      for (ObjectNode a : resources == null ? p.annotations() : index.annotationsOf(p, resources)) {
        if (page.size() >= limit) {
          return ApiResponse.json(200, page);
        }
        if (resources != null && !resources.contains(Json.text(a, "resource_id"))) {
          continue;
        }
        if (worklist != null && !worklist.equals(Json.text(a, "annotation_worklist_id"))) {
          continue;
        }
        if (status != null && !status.equals(Json.text(a, "status"))) {
          continue;
        }
        if (!modelSegmentations
            && "segmentation".equals(Json.firstText(a, "annotation_type", "type"))
            && "true".equals(Json.text(a, "is_model"))) {
          continue;
        }
        if (skipped < offset) {
          skipped++;
          continue;
        }
        page.add(a);
      }
    }
    return ApiResponse.json(200, page);
  }

  /** One annotation object, bare, as in annotations.jsonl. */
  ApiResponse get(ApiRequest request, List<String> params) {
    return ApiResponse.json(200, index.annotation(params.get(0)).node());
  }

  /** The mask file of a segmentation annotation of the resource. */
  ApiResponse file(ApiRequest request, List<String> params) {
    String resourceId = params.get(0);
    index.resource(resourceId);
    Located annotation = index.annotation(params.get(1));
    if (!resourceId.equals(Json.text(annotation.node(), "resource_id"))) {
      throw ApiException.notFound("annotation " + params.get(1) + " of resource " + resourceId);
    }
    Path file =
        annotation
            .project()
            .dir()
            .resolve(MirrorLayout.ANNOTATION_FILES)
            .resolve(ResourceEndpoints.fileName("annotation", params.get(1)));
    if (!Files.isRegularFile(file)) {
      throw ApiException.notFound("file of annotation " + params.get(1));
    }
    return ResourceEndpoints.fileResponse(request, file, null);
  }

  private static Set<String> ids(JsonNode body, String field) {
    JsonNode value = body.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    Set<String> out = new HashSet<>();
    if (value.isArray()) {
      for (JsonNode id : value) {
        if (!id.isTextual()) {
          throw ApiException.invalid(field + " must hold string ids");
        }
        out.add(id.asText());
      }
    } else if (value.isTextual()) {
      out.add(value.asText());
    } else {
      throw ApiException.invalid(field + " must be a string id or a list of them");
    }
    return out;
  }
}
