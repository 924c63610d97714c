package io.datamint.spark.internal.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import java.util.ArrayList;
import java.util.List;

/**
 * Typed calls to the read endpoints the SDK's datasets use (reference section 1.3), plus the split
 * write, returning the API's JSON as it comes (so a mirror can store it unchanged). Thread-safe;
 * get the JVM's shared instance from {@link ApiClients#acquire}. Every failure is a {@link
 * DatamintApiException} naming the call.
 */
public final class DatamintApiClient {

  /** The SDK's page size for GET and POST paging. */
  static final int PAGE_SIZE = 5000;

  /** Resource ids per annotation search (each chunk paged on its own). */
  static final int SEARCH_ID_CHUNK = 1000;

  private final ApiTransport transport;
  private final int pageSize;
  private final int idChunk;

  DatamintApiClient(ApiTransport transport, int pageSize) {
    this(transport, pageSize, SEARCH_ID_CHUNK);
  }

  DatamintApiClient(ApiTransport transport, int pageSize, int idChunk) {
    if (pageSize < 1 || idChunk < 1) {
      throw new IllegalArgumentException("page size and id chunk must be positive");
    }
    this.transport = transport;
    this.pageSize = pageSize;
    this.idChunk = idChunk;
  }

  static DatamintApiClient create(ApiSettings settings) {
    return new DatamintApiClient(
        new ApiTransport(settings, new RetryPolicy(settings.maxAttempts()), Thread::sleep),
        PAGE_SIZE);
  }

  public ApiSettings settings() {
    return transport.settings();
  }

  /** Closes the connections and threads; {@link ApiClients} does, when the last user is gone. */
  /** Logs the retries not summarised yet (when no task uses this client any more). */
  void flushRetryLog() {
    transport.flushRetryLog();
  }

  void close() {
    transport.close();
  }

  /** Every project the key can see, archived ones included ({@code GET /projects}, paged). */
  public List<JsonNode> projects() {
    List<JsonNode> all = new ArrayList<>();
    for (int offset = 0; ; ) {
      ApiCall call =
          ApiCall.getJson("projects")
              .with("includeArchived", "true")
              .with("offset", Integer.toString(offset))
              .with("limit", Integer.toString(pageSize));
      List<JsonNode> page = ApiEnvelope.items(transport.json(call), "projects", call.describe());
      all.addAll(page);
      if (page.size() < pageSize) {
        return all;
      }
      offset += page.size();
    }
  }

  /** One project by id ({@code GET /projects/{id}}). */
  public JsonNode project(String projectId) {
    return transport.json(ApiCall.getJson("projects", projectId));
  }

  /**
   * The project whose name is exactly {@code nameOrId} (the first, as the SDK's {@code
   * get_by_name}), else the one with that id.
   *
   * @throws DatamintApiException of kind NOT_FOUND, "no project named X", listing the names the key
   *     can see
   */
  public JsonNode findProject(String nameOrId) {
    List<JsonNode> projects = projects();
    for (JsonNode p : projects) {
      if (nameOrId.equals(Json.text(p, "name"))) {
        return p;
      }
    }
    for (JsonNode p : projects) {
      if (nameOrId.equals(Json.text(p, "id"))) {
        return p;
      }
    }
    List<String> names = new ArrayList<>();
    for (JsonNode p : projects) {
      names.add(Json.text(p, "name"));
    }
    throw new DatamintApiException(
        DatamintApiException.Kind.NOT_FOUND,
        0,
        "no project named \""
            + nameOrId
            + "\" (nor with that id) on "
            + settings().baseUrl()
            + "; the projects this API key can see are "
            + (names.isEmpty() ? "none" : names.toString())
            + " (names are case-sensitive)");
  }

  /**
   * The project's resources in the API's order, as JSON ({@link #projectResources(String,
   * ItemParser)}).
   */
  public List<JsonNode> projectResources(String projectId) {
    return projectResources(projectId, (item, index) -> item);
  }

  /**
   * The project's resources in the API's order ({@code GET /projects/{id}/resources}), each turned
   * by {@code parser} as its page streams in, so only what the parser makes of the resources is
   * kept. Paged as the SDK's GET paging: {@code offset} and {@code limit} (the page size, 5000)
   * query parameters, {@code offset += page length} until an empty or short page; a million
   * resources are 200 requests (201 when the count is a multiple of the page size). The SDK itself
   * calls this endpoint without paging; a server that ignores the parameters is recognized (a first
   * page longer than the page size is the whole listing; a later page that starts again with the
   * first resource ends the listing) rather than read in a loop.
   *
   * @throws DatamintApiException when a later page is longer than the page size (the server ignores
   *     {@code offset} but not {@code limit}: the listing cannot be read in order)
   */
  public <T> List<T> projectResources(String projectId, ItemParser<T> parser) {
    List<T> all = new ArrayList<>();
    String firstId = null;
    for (long offset = 0; ; ) {
      ApiCall call =
          ApiCall.getJson("projects", projectId, "resources")
              .with("offset", Long.toString(offset))
              .with("limit", Integer.toString(pageSize));
      ListPage<T> page = transport.page(call, "resources", offset, parser);
      int n = page.items().size();
      if (offset == 0) {
        firstId = page.firstId();
      } else if (n > 0 && firstId != null && firstId.equals(page.firstId())) {
        return all; // the server ignores offset: this page repeats the first
      }
      if (n > pageSize && offset > 0) {
        throw new DatamintApiException(
            DatamintApiException.Kind.TRANSPORT,
            200,
            call.describe()
                + " answered with "
                + n
                + " resources at offset "
                + offset
                + ", more than the limit of "
                + pageSize
                + ": the server does not page this listing consistently");
      }
      all.addAll(page.items());
      if (n < pageSize || offset == 0 && n > pageSize) {
        return all; // a short page ends the listing; a long first page is all of it
      }
      offset += n;
    }
  }

  /**
   * The annotations of these resources, as the SDK's datasets ask for them: {@code POST
   * /annotations/search} with {@code resource_ids} and string {@code offset}/{@code limit}, paged
   * until a short page. The ids go in chunks of {@link #SEARCH_ID_CHUNK}, each paged on its own, so
   * no request resends every id (the SDK sends all of them with every page: for a million
   * resources, 40 MB per page). Within a chunk the annotations come in the server's order; chunks
   * follow the ids' order, so each resource's annotations keep the server's order, and a project of
   * up to {@link #SEARCH_ID_CHUNK} resources gets exactly the SDK's list.
   */
  public List<JsonNode> annotationsOf(List<String> resourceIds) {
    List<JsonNode> all = new ArrayList<>();
    for (int from = 0; from < resourceIds.size(); from += idChunk) {
      List<String> chunk = resourceIds.subList(from, Math.min(resourceIds.size(), from + idChunk));
      for (int offset = 0; ; ) {
        ObjectNode body = Json.MAPPER.createObjectNode();
        ArrayNode ids = body.putArray("resource_ids");
        chunk.forEach(ids::add);
        body.put("offset", Integer.toString(offset));
        body.put("limit", Integer.toString(pageSize));
        ApiCall call = ApiCall.postJson(body, "annotations", "search");
        List<JsonNode> page =
            ApiEnvelope.items(transport.json(call), "annotations", call.describe());
        all.addAll(page);
        if (page.size() < pageSize) {
          break;
        }
        offset += page.size();
      }
    }
    return all;
  }

  /**
   * The project's worklists in the mirror's form: {@code id}, {@code name}, the {@code annotations}
   * specs (fetched from {@code GET /annotationsets/{id}} when the list item lacks them) and the
   * {@code segmentation_group} from {@code GET /annotationsets/{id}/segmentation-group}.
   */
  public List<JsonNode> worklists(String projectId) {
    ApiCall call = ApiCall.getJson("projects", projectId, "worklists");
    List<JsonNode> out = new ArrayList<>();
    for (JsonNode item : ApiEnvelope.items(transport.json(call), "worklists", call.describe())) {
      if (!item.isObject()) {
        throw new DatamintApiException(
            DatamintApiException.Kind.TRANSPORT,
            200,
            call.describe() + " listed a worklist that is not a JSON object");
      }
      ObjectNode worklist = renamed((ObjectNode) item);
      String id = Json.text(worklist, "id");
      if (id == null) {
        throw new DatamintApiException(
            DatamintApiException.Kind.TRANSPORT,
            200,
            call.describe() + " listed a worklist without an id");
      }
      if (!worklist.has("annotations")) {
        JsonNode full = transport.json(ApiCall.getJson("annotationsets", id));
        if (full.has("annotations")) {
          worklist.set("annotations", full.get("annotations"));
        }
      }
      worklist.set(
          "segmentation_group",
          transport.json(ApiCall.getJson("annotationsets", id, "segmentation-group")));
      out.add(worklist);
    }
    return out;
  }

  private static ObjectNode renamed(ObjectNode item) {
    ObjectNode out = Json.MAPPER.createObjectNode();
    out.put("id", Json.firstText(item, "id", "worklist_id"));
    out.put("name", Json.firstText(item, "name", "worklist_name"));
    item.properties()
        .forEach(
            e -> {
              if (!e.getKey().equals("worklist_id")
                  && !e.getKey().equals("worklist_name")
                  && !out.has(e.getKey())) {
                out.set(e.getKey(), e.getValue());
              }
            });
    return out;
  }

  /**
   * The project's split assignments ({@code GET /projects/{id}/splits}): valid at {@code
   * asOfTimestamp}, sent unchanged as the SDK does, or the current ones when it is null.
   */
  public List<JsonNode> splits(String projectId, String asOfTimestamp) {
    ApiCall call = ApiCall.getJson("projects", projectId, "splits");
    if (asOfTimestamp != null) {
      call = call.with("as_of_timestamp", asOfTimestamp);
    }
    return ApiEnvelope.items(transport.json(call), "splits", call.describe());
  }

  /**
   * Assigns resources to a split ({@code POST /projects/{id}/splits}); earlier assignments of them
   * are replaced.
   *
   * @return the assignment rows the server answered with, or an empty list when its answer holds no
   *     list
   */
  public List<JsonNode> assignSplit(String projectId, List<String> resourceIds, String splitName) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    ArrayNode ids = body.putArray("resource_ids");
    resourceIds.forEach(ids::add);
    body.put("split_name", splitName);
    ApiCall call = ApiCall.postJson(body, "projects", projectId, "splits");
    JsonNode answer = transport.json(call);
    boolean list = answer.isArray() || answer.has("data") || answer.has("items");
    return list ? ApiEnvelope.items(answer, "splits", call.describe()) : List.of();
  }

  /**
   * Downloads a resource's file ({@code GET /resources/{id}/file}) through {@code reader}, with
   * retries.
   */
  public <T> T downloadResource(String resourceId, BodyReader<T> reader) {
    return transport.send(ApiCall.getFile("resources", resourceId, "file"), reader);
  }

  /**
   * The first {@code bytes} bytes of a resource's file (a {@code Range} request; a server may send
   * it all).
   */
  public <T> T downloadResourcePrefix(String resourceId, long bytes, BodyReader<T> reader) {
    return transport.send(
        ApiCall.getFile("resources", resourceId, "file").firstBytes(bytes), reader);
  }

  /**
   * Downloads a segmentation annotation's file ({@code GET
   * /annotations/{resource_id}/annotations/{id}/file}) through {@code reader}, with retries.
   */
  public <T> T downloadAnnotation(String resourceId, String annotationId, BodyReader<T> reader) {
    return transport.send(
        ApiCall.getFile("annotations", resourceId, "annotations", annotationId, "file"), reader);
  }

  /** Requests in flight through this client right now. */
  public int requestsInFlight() {
    return transport.inFlight();
  }
}
