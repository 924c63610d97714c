package io.datamint.spark.internal.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One request to the API, before the base URL and the auth headers are added: method, path (its
 * segments percent-encoded), query, optional JSON body, accepted media type and optional byte
 * range.
 */
record ApiCall(
    String method,
    String path,
    Map<String, String> query,
    JsonNode body,
    String accept,
    String range) {

  ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query)); // keeps the order
  }

  /** A GET of a JSON document; {@code segments} are joined with '/' and each is percent-encoded. */
  static ApiCall getJson(String... segments) {
    return new ApiCall("GET", path(segments), Map.of(), null, "application/json", null);
  }

  /** A GET of a file's bytes. */
  static ApiCall getFile(String... segments) {
    return new ApiCall("GET", path(segments), Map.of(), null, "application/octet-stream", null);
  }

  /** A POST of a JSON body. */
  static ApiCall postJson(JsonNode body, String... segments) {
    return new ApiCall("POST", path(segments), Map.of(), body, "application/json", null);
  }

  /** This call with one more query parameter (query order is kept). */
  ApiCall with(String name, String value) {
    Map<String, String> q = new LinkedHashMap<>(query);
    q.put(name, value);
    return new ApiCall(method, path, q, body, accept, range);
  }

  /** This call for the first {@code bytes} bytes only ({@code Range: bytes=0-(bytes-1)}). */
  ApiCall firstBytes(long bytes) {
    return new ApiCall(method, path, query, body, accept, "bytes=0-" + (bytes - 1));
  }

  /** The path and query, percent-encoded, to append to the base URL. */
  String target() {
    StringBuilder b = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : query.entrySet()) {
      b.append(sep).append(encode(e.getKey())).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    return b.toString();
  }

  /** "GET /projects/x/resources", for messages and logs (no host, no key). */
  String describe() {
    return method + " " + path;
  }

  /**
   * The endpoint, for logs that count calls: method and path with every segment that is not a plain
   * lower-case word (ids, names) as {@code {id}}, e.g. {@code GET /resources/{id}/file}.
   */
  String endpoint() {
    StringBuilder b = new StringBuilder(method).append(' ');
    for (String segment : path.substring(1).split("/", -1)) {
      b.append('/').append(segment.matches("[a-z_]+") ? segment : "{id}");
    }
    return b.toString();
  }

  private static String path(String... segments) {
    StringBuilder b = new StringBuilder();
    for (String segment : segments) {
      b.append('/').append(encode(segment).replace("+", "%20"));
    }
    return b.toString();
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
