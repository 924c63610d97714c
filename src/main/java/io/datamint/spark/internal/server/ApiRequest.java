package io.datamint.spark.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import io.datamint.spark.internal.api.model.Json;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed request: method, decoded path segments, query parameters, and (on demand) the JSON body.
 */
final class ApiRequest {

  private final HttpExchange exchange;
  private final List<String> segments;
  private final Map<String, String> query;
  private final RequestStats stats;

  ApiRequest(HttpExchange exchange, RequestStats stats) {
    this.exchange = exchange;
    this.stats = stats;
    this.segments = segments(exchange.getRequestURI().getRawPath());
    this.query = query(exchange.getRequestURI().getRawQuery());
  }

  String method() {
    return exchange.getRequestMethod();
  }

  /** The path as the client sent it, for messages. */
  String path() {
    return exchange.getRequestURI().getRawPath();
  }

  List<String> segments() {
    return segments;
  }

  /** A query parameter, or null. */
  String param(String name) {
    return query.get(name);
  }

  /** The path and, when there is one, {@code ?} and the raw query: for messages and logs. */
  String pathAndQuery() {
    String raw = exchange.getRequestURI().getRawQuery();
    return path() + (raw == null || raw.isEmpty() ? "" : "?" + raw);
  }

  /**
   * Fails with {@link ApiException#unsupported} when the query has a parameter outside {@code
   * known}, so that a filter this server does not apply is never silently ignored.
   */
  void onlyParams(java.util.Set<String> known) {
    for (String name : query.keySet()) {
      if (!known.contains(name)) {
        throw ApiException.unsupported(
            "query parameter '"
                + name
                + "' of "
                + method()
                + " "
                + path()
                + " (supported: "
                + new java.util.TreeSet<>(known)
                + ")");
      }
    }
  }

  /** A request header, or null. */
  String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  /** The body parsed as a JSON object; 422 when it is not one. */
  JsonNode jsonBody() {
    byte[] body;
    try {
      body = exchange.getRequestBody().readAllBytes();
      stats.body(method(), path(), body.length);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    try {
      JsonNode node = Json.MAPPER.readTree(body);
      if (node == null || !node.isObject()) {
        throw ApiException.invalid("the request body must be a JSON object");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw ApiException.invalid("the request body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw ApiException.invalid("the request body is not valid JSON");
    }
  }

  /**
   * A non-negative integer query parameter, or {@code fallback} when absent; 422 when malformed.
   */
  long intParam(String name, long fallback) {
    return nonNegative(name, param(name), fallback);
  }

  static long nonNegative(String name, String value, long fallback) {
    if (value == null || value.isEmpty()) {
      return fallback;
    }
    try {
      long n = Long.parseLong(value.trim());
      if (n >= 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // falls through to the error
    }
    throw ApiException.invalid(name + " must be a non-negative integer, not \"" + value + "\"");
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String part : (rawPath == null ? "" : rawPath).split("/")) {
      if (!part.isEmpty()) {
        out.add(URLDecoder.decode(part.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return Collections.unmodifiableList(out);
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new LinkedHashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      int eq = pair.indexOf('=');
      String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String value =
          eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.putIfAbsent(key, value);
    }
    return out;
  }
}
