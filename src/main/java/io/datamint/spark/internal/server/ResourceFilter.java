package io.datamint.spark.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The filters of {@code GET /resources} as the SDK's {@code ResourcesApi.get_list} sends them:
 * {@code status}, {@code filename}, {@code modality}, {@code mimetype} as plain values and {@code
 * project} / {@code tags} as JSON strings {@code {"items": [...], "filterType":
 * "intersection"|"union"}}.
 */
final class ResourceFilter {

  /** The query parameters {@code GET /resources} understands (paging included). */
  static final Set<String> PARAMS =
      Set.of("status", "project", "tags", "filename", "modality", "mimetype", "offset", "limit");

  /** One {@code {"items": [...], "filterType": ...}} filter. */
  private record ItemFilter(Set<String> items, boolean all) {

    boolean accepts(Set<String> values) {
      return all ? values.containsAll(items) : items.stream().anyMatch(values::contains);
    }
  }

  private final String status;
  private final String filename;
  private final String modality;
  private final String mimetype;
  private final ItemFilter projects;
  private final ItemFilter tags;

  private ResourceFilter(ApiRequest request) {
    this.status = blankToNull(request.param("status"));
    this.filename = blankToNull(request.param("filename"));
    this.modality = blankToNull(request.param("modality"));
    this.mimetype = blankToNull(request.param("mimetype"));
    this.projects = items("project", request.param("project"));
    this.tags = items("tags", request.param("tags"));
  }

  static ResourceFilter of(ApiRequest request) {
    return new ResourceFilter(request);
  }

  /** Whether the resource {@code r} of the project named {@code projectName} passes. */
  boolean accepts(String projectName, JsonNode r) {
    if (!matches(status, Json.text(r, "status"))
        || !matches(filename, Json.text(r, "filename"))
        || !matches(modality, Json.text(r, "modality"))
        || !matches(mimetype, Json.text(r, "mimetype"))) {
      return false;
    }
    if (projects != null) {
      Set<String> names = new HashSet<>();
      names.add(projectName);
      JsonNode listed = r.get("projects");
      if (listed != null && listed.isArray()) {
        listed.forEach(p -> names.add(Json.text(p, "name")));
      }
      if (!projects.accepts(names)) {
        return false;
      }
    }
    if (tags != null) {
      List<String> own = Json.strings(r, "tags");
      return tags.accepts(own == null ? Set.of() : new HashSet<>(own));
    }
    return true;
  }

  private static boolean matches(String wanted, String actual) {
    return wanted == null || wanted.equals(actual);
  }

  private static String blankToNull(String value) {
    return value == null || value.isEmpty() ? null : value;
  }

  private static ItemFilter items(String name, String json) {
    if (json == null || json.isEmpty()) {
      return null;
    }
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(json);
    } catch (JsonProcessingException e) {
      throw ApiException.invalid(
          name + " must be JSON {\"items\": [...], \"filterType\": ...}, not " + json);
    }
    JsonNode items = node == null ? null : node.get("items");
    if (items == null || !items.isArray()) {
      throw ApiException.invalid(
          name + " must be JSON {\"items\": [...], \"filterType\": ...}, not " + json);
    }
    Set<String> values = new LinkedHashSet<>();
    items.forEach(i -> values.add(i.asText()));
    String type = Json.text(node, "filterType");
    if (type == null || type.equals("union")) {
      return new ItemFilter(values, false);
    }
    if (type.equals("intersection")) {
      return new ItemFilter(values, true);
    }
    throw ApiException.unsupported(
        name + " filterType '" + type + "' (supported: intersection, union)");
  }
}
