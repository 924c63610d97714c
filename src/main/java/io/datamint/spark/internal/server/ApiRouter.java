package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.datamint.spark.internal.api.model.Json;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The server's one handler: draws the request's faults, checks the API key, dispatches to the
 * endpoint whose path pattern matches, and writes the answer (cut short when the fault says so).
 * Unknown paths are 404 {@code {"error": "not found: unsupported request ..."}}, a known path with
 * another method 405, an unsupported query parameter 400: all three are logged and kept as {@link
 * UnknownRequests}, which {@code GET /__datamint-server/unknown-requests} answers (behind the API
 * key, as every other path, when the server has one: the requests it lists carry paths and query
 * strings of the server's clients). An unexpected failure is 500.
 */
final class ApiRouter implements HttpHandler {

  /** One endpoint. */
  @FunctionalInterface
  interface Endpoint {
    ApiResponse handle(ApiRequest request, List<String> params);
  }

  private record Route(String method, String[] pattern, Endpoint endpoint) {

    /** The {@code {}} segments of the path when it matches, else null. */
    List<String> match(List<String> segments) {
      if (segments.size() != pattern.length) {
        return null;
      }
      List<String> params = new ArrayList<>();
      for (int i = 0; i < pattern.length; i++) {
        if (pattern[i].equals("{}")) {
          params.add(segments.get(i));
        } else if (!pattern[i].equals(segments.get(i))) {
          return null;
        }
      }
      return params;
    }
  }

  private final List<Route> routes = new ArrayList<>();
  private final ApiAuth auth;
  private final FaultInjector faults;
  private final RequestStats stats;
  private final UnknownRequests unknown;

  /**
   * @param clock the instant of {@code POST /projects/{id}/splits} ({@code created_at} and the
   *     closed rows' {@code deleted_at})
   */
  ApiRouter(
      MirrorIndex index,
      ApiAuth auth,
      FaultInjector faults,
      Clock clock,
      RequestStats stats,
      UnknownRequests unknown) {
    this.unknown = unknown;
    this.auth = auth;
    this.stats = stats;
    this.faults = faults;
    ProjectEndpoints projects = new ProjectEndpoints(index);
    ResourceEndpoints resources = new ResourceEndpoints(index);
    AnnotationEndpoints annotations = new AnnotationEndpoints(index);
    WorklistEndpoints worklists = new WorklistEndpoints(index);
    SplitEndpoints splits = new SplitEndpoints(index, clock);
    DatasetEndpoints datasets = new DatasetEndpoints(index);
    add("GET", "projects", projects::list);
    add("GET", "datasets", datasets::list);
    add("GET", "projects/{}", projects::get);
    add("GET", "projects/{}/resources", projects::resources);
    add("GET", "projects/{}/worklists", worklists::ofProject);
    add("GET", "projects/{}/splits", splits::splits);
    add("POST", "projects/{}/splits", splits::assign);
    add("GET", "annotationsets/{}", worklists::get);
    add("GET", "annotationsets/{}/segmentation-group", worklists::segmentationGroup);
    add("GET", "resources", resources::list);
    add("GET", "resources/{}", resources::get);
    add("GET", "resources/{}/file", resources::file);
    add("POST", "annotations/search", annotations::search);
    add("GET", "annotations/{}", annotations::get);
    add("GET", "annotations/{}/annotations/{}/file", annotations::file);
  }

  private void add(String method, String pattern, Endpoint endpoint) {
    routes.add(new Route(method, pattern.split("/"), endpoint));
  }

  @Override
  public void handle(HttpExchange exchange) throws IOException {
    stats.request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath());
    try {
      FaultInjector.Decision decision = faults.next();
      if (decision.delayMs() > 0) {
        Thread.sleep(decision.delayMs());
      }
      ApiResponse response;
      switch (decision.kind()) {
        case DROP -> {
          exchange.close();
          return;
        }
        case TOO_MANY ->
            response =
                ApiResponse.error(429, "too many requests (injected fault)")
                    .header("Retry-After", Integer.toString(faults.plan().retryAfterSeconds()));
        case SERVER_ERROR -> response = ApiResponse.error(500, "injected server error");
        default -> response = answer(new ApiRequest(exchange, stats));
      }
      write(exchange, response, decision.kind() == FaultInjector.Kind.TRUNCATE);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      exchange.close();
    } catch (IOException e) {
      exchange
          .close(); // the client went away, or a truncated body: the connection is closed either
      // way
    }
  }

  private ApiResponse answer(ApiRequest request) {
    if (!auth.accepts(request)) {
      return ApiResponse.error(401, "API key rejected");
    }
    if (request.method().equals("GET") && request.path().equals(UnknownRequests.PATH)) {
      ObjectNode body = Json.MAPPER.createObjectNode();
      body.put("count", unknown.count());
      ArrayNode list = body.putArray("requests");
      unknown.requests().forEach(list::add);
      return ApiResponse.json(200, body);
    }
    boolean pathKnown = false;
    for (Route route : routes) {
      List<String> params = route.match(request.segments());
      if (params == null) {
        continue;
      }
      pathKnown = true;
      if (!route.method().equals(request.method())) {
        continue;
      }
      try {
        return route.endpoint().handle(request, params);
      } catch (ApiException e) {
        if (e.isUnsupported()) {
          unknown.record(request.method(), request.pathAndQuery(), e.getMessage());
        }
        return ApiResponse.error(e.status(), e.getMessage());
      } catch (RuntimeException e) {
        return ApiResponse.error(500, "internal error: " + e);
      }
    }
    if (pathKnown) {
      String message =
          "method "
              + request.method()
              + " not allowed on "
              + request.path()
              + " (not supported by the local Datamint server)";
      unknown.record(request.method(), request.pathAndQuery(), message);
      return ApiResponse.error(405, message);
    }
    String message =
        "not found: unsupported request "
            + request.method()
            + " "
            + request.path()
            + " (the local Datamint server does not implement it)";
    unknown.record(request.method(), request.pathAndQuery(), message);
    return ApiResponse.error(404, message);
  }

  private static void write(HttpExchange exchange, ApiResponse response, boolean truncate)
      throws IOException {
    for (Map.Entry<String, String> h : response.headers().entrySet()) {
      exchange.getResponseHeaders().set(h.getKey(), h.getValue());
    }
    long length = response.length();
    if (truncate && length == 0) {
      exchange.close();
      return;
    }
    exchange.sendResponseHeaders(response.status(), length == 0 ? -1 : length);
    if (length > 0) {
      OutputStream out = exchange.getResponseBody();
      response.writeTo(out, truncate ? length / 2 : length);
      out.flush();
    }
    exchange.close(); // with a short body this closes the connection and throws, as wanted
  }
}
