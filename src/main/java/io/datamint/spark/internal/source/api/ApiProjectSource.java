package io.datamint.spark.internal.source.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.api.client.DatamintApiClient;
import io.datamint.spark.internal.api.client.DatamintApiException;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.api.model.MetadataIssues;
import io.datamint.spark.internal.api.model.Project;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.SplitAssignment;
import io.datamint.spark.internal.api.model.Worklist;
import io.datamint.spark.internal.source.JsonItems;
import io.datamint.spark.internal.source.ProjectSource;
import io.datamint.spark.internal.source.ProjectSourceException;
import io.datamint.spark.internal.source.ResourceFileStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A project on a Datamint server, read through the endpoints the SDK's datasets use: the project
 * found by name (as the SDK's datasets) or id, {@code GET /projects/{id}/resources} (paged), {@code
 * POST /annotations/search} for the resources, the worklists with their specs and segmentation
 * groups, and {@code GET /projects/{id}/splits}. Each call asks the server afresh; a {@link
 * io.datamint.spark.internal.source.ProjectSnapshot} reads them once per table.
 */
public final class ApiProjectSource implements ProjectSource {

  private final ApiSettings settings;
  private final JsonNode projectJson;
  private final String projectId;

  private ApiProjectSource(ApiSettings settings, JsonNode projectJson) {
    this.settings = settings;
    this.projectJson = projectJson;
    this.projectId = Json.text(projectJson, "id");
  }

  /**
   * Finds the project and opens it.
   *
   * @param nameOrId the project's name (exact, case-sensitive) or id
   * @throws ProjectSourceException when the server cannot be reached, rejects the key, or has no
   *     such project
   */
  public static ApiProjectSource open(ApiSettings settings, String nameOrId) {
    JsonNode project;
    try (ApiClients.Lease lease = ApiClients.acquire(settings)) {
      project = lease.client().findProject(nameOrId);
    } catch (DatamintApiException e) {
      throw new ProjectSourceException(e.getMessage(), e);
    }
    if (Json.text(project, "id") == null) {
      throw new ProjectSourceException(
          "GET /projects on "
              + settings.baseUrl()
              + " listed project \""
              + nameOrId
              + "\" without an id");
    }
    return new ApiProjectSource(settings, project);
  }

  /** The project object as the server sends it now ({@code GET /projects/{id}}). */
  public JsonNode fetchProjectJson() {
    return call(client -> client.project(projectId));
  }

  /** The project's id on the server. */
  public String projectId() {
    return projectId;
  }

  @Override
  public String describe() {
    return "Datamint API " + settings.baseUrl() + " project " + projectId;
  }

  @Override
  public Project project() {
    return JsonItems.parse("the project object", List.of(projectJson), Project::fromJson).get(0);
  }

  /** The project's resources as the server sends them (raw JSON, in its order). */
  public List<JsonNode> resourcesJson() {
    return call(client -> client.projectResources(projectId));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Read page by page, each resource parsed as its page streams in: the driver keeps the
   * resources, never a page's or the listing's body.
   */
  @Override
  public List<Resource> resources() {
    MetadataIssues issues = MetadataIssues.ofListing("GET /projects/" + projectId + "/resources");
    List<Resource> resources =
        call(
            client ->
                client.projectResources(
                    projectId,
                    (item, index) -> JsonItems.parseOne(item, index, Resource::fromJson, issues)));
    JsonItems.requireUnique(resources, Resource::id, "resource", issues);
    JsonItems.report(issues);
    return resources;
  }

  /** The annotations of these resources as the server sends them. */
  public List<JsonNode> annotationsJson(List<Resource> resources) {
    List<String> ids = new ArrayList<>(resources.size());
    for (Resource r : resources) {
      ids.add(r.id());
    }
    return call(client -> client.annotationsOf(ids));
  }

  @Override
  public List<Annotation> annotations(List<Resource> resources) {
    return JsonItems.parse(
        "POST /annotations/search",
        annotationsJson(resources),
        Annotation::fromJson,
        Annotation::id,
        "annotation");
  }

  /** The worklists in the mirror's form (specs and segmentation group inside each). */
  public List<JsonNode> worklistsJson() {
    return call(client -> client.worklists(projectId));
  }

  @Override
  public List<Worklist> worklists() {
    return JsonItems.parse(
        "GET /projects/" + projectId + "/worklists", worklistsJson(), Worklist::fromJson);
  }

  /**
   * The split assignments valid at {@code asOfTimestamp} (null: the current ones), as the server
   * sends them.
   */
  public List<JsonNode> splitsJson(String asOfTimestamp) {
    return call(client -> client.splits(projectId, asOfTimestamp));
  }

  @Override
  public List<SplitAssignment> splitHistory() {
    return JsonItems.parse(
        "GET /projects/" + projectId + "/splits", splitsJson(null), SplitAssignment::fromJson);
  }

  @Override
  public Map<String, String> splitAssignments(String asOfTimestamp) {
    Map<String, String> out = new LinkedHashMap<>();
    for (SplitAssignment a :
        JsonItems.parse(
            "GET /projects/" + projectId + "/splits",
            splitsJson(asOfTimestamp),
            SplitAssignment::fromJson)) {
      out.put(a.resourceId(), a.splitName());
    }
    return out;
  }

  @Override
  public ResourceFileStore fileStore() {
    return new ApiFileStore(settings);
  }

  /**
   * One call through the JVM's shared client, held for the call only (the client stays open for the
   * next call for {@link ApiClients#DEFAULT_KEEP_ALIVE}).
   */
  private <T> T call(java.util.function.Function<DatamintApiClient, T> call) {
    try (ApiClients.Lease lease = ApiClients.acquire(settings)) {
      return call.apply(lease.client());
    } catch (DatamintApiException e) {
      throw new ProjectSourceException(e.getMessage(), e);
    }
  }
}
