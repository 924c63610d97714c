package io.datamint.spark.internal.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.api.model.Project;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.SplitAssignment;
import io.datamint.spark.internal.api.model.Worklist;
import io.datamint.spark.internal.source.JsonItems;
import io.datamint.spark.internal.source.ProjectSource;
import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.source.api.ApiProjectSource;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One read of a project from the API, keeping the JSON exactly as the server sent it (for the
 * mirror's metadata files) and answering the {@link ProjectSource} questions from it, so that the
 * resources are selected from the very data that is written: the project ({@code GET
 * /projects/{id}}), its resources in API order, the annotations of all of them, the worklists in
 * mirror form and the current split assignments. Split assignments as of another instant are asked
 * of the server.
 */
final class ProjectFetch implements ProjectSource {

  private final ApiProjectSource api;
  private final JsonNode projectJson;
  private final List<JsonNode> resourcesJson;
  private final List<Resource> resources;
  private final List<JsonNode> annotationsJson;
  private final List<Annotation> annotations;
  private final List<JsonNode> worklistsJson;
  private final List<JsonNode> splitsJson;

  private ProjectFetch(ApiProjectSource api) {
    this.api = api;
    this.projectJson = api.fetchProjectJson();
    this.resourcesJson = List.copyOf(api.resourcesJson());
    this.resources =
        JsonItems.parse(
            "GET /projects/" + api.projectId() + "/resources",
            resourcesJson,
            Resource::fromJson,
            Resource::id,
            "resource");
    this.annotationsJson = List.copyOf(api.annotationsJson(resources));
    this.annotations =
        JsonItems.parse(
            "POST /annotations/search",
            annotationsJson,
            Annotation::fromJson,
            Annotation::id,
            "annotation");
    this.worklistsJson = List.copyOf(api.worklistsJson());
    this.splitsJson = List.copyOf(api.splitsJson(null));
  }

  /** Reads the project's metadata from the API, once. */
  static ProjectFetch read(ApiProjectSource api) {
    return new ProjectFetch(api);
  }

  /** The project as {@code GET /projects/{id}} returns it. */
  JsonNode projectJson() {
    return projectJson;
  }

  /** Every resource of the project, in API order, as sent. */
  List<JsonNode> resourcesJson() {
    return resourcesJson;
  }

  /** The annotations of every resource, as sent. */
  List<JsonNode> annotationsJson() {
    return annotationsJson;
  }

  /** The worklists in mirror form. */
  List<JsonNode> worklistsJson() {
    return worklistsJson;
  }

  /** The current split assignments, as sent. */
  List<JsonNode> splitsJson() {
    return splitsJson;
  }

  @Override
  public String describe() {
    return api.describe();
  }

  @Override
  public Project project() {
    return JsonItems.parse(
            "GET /projects/" + api.projectId(), List.of(projectJson), Project::fromJson)
        .get(0);
  }

  @Override
  public List<Resource> resources() {
    return resources;
  }

  @Override
  public List<Annotation> annotations(List<Resource> of) {
    if (of == resources || of.equals(resources)) {
      return annotations;
    }
    Set<String> ids = new HashSet<>();
    of.forEach(r -> ids.add(r.id()));
    List<Annotation> out = new ArrayList<>();
    for (Annotation a : annotations) {
      if (ids.contains(a.resourceId())) {
        out.add(a);
      }
    }
    return out;
  }

  @Override
  public List<Worklist> worklists() {
    return JsonItems.parse(
        "GET /projects/" + api.projectId() + "/worklists", worklistsJson, Worklist::fromJson);
  }

  @Override
  public List<SplitAssignment> splitHistory() {
    return JsonItems.parse(
        "GET /projects/" + api.projectId() + "/splits", splitsJson, SplitAssignment::fromJson);
  }

  @Override
  public Map<String, String> splitAssignments(String asOfTimestamp) {
    if (asOfTimestamp != null) {
      return api.splitAssignments(asOfTimestamp);
    }
    Map<String, String> out = new LinkedHashMap<>();
    for (SplitAssignment a : splitHistory()) {
      out.put(a.resourceId(), a.splitName());
    }
    return out;
  }

  @Override
  public ResourceFileStore fileStore() {
    return api.fileStore();
  }

  /** The id of a JSON entity. */
  static String id(JsonNode node) {
    return Json.text(node, "id");
  }
}
