package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.server.MirrorIndex.MirrorProject;
import io.datamint.spark.internal.split.ProjectSplits;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The project splits API. {@code GET /projects/{id}/splits} with optional {@code split_name} and
 * {@code as_of_timestamp}: as of T, a resource's assignment is its row with the latest {@code
 * created_at <= T} whose {@code deleted_at} is null or {@code > T} (contracts section 2); without
 * T, its latest row whose {@code deleted_at} is null. Rows come in splits.jsonl order.
 *
 * <p>{@code POST /projects/{id}/splits} with {@code {"resource_ids": [...], "split_name": "train"}}
 * re-assigns the listed resources of the project: their open rows are closed ({@code deleted_at} =
 * now) and one new row per resource is appended ({@code created_at} = now, {@code created_by} =
 * {@value #CREATED_BY}, as the server knows no users), in the mirror's {@code splits.jsonl}. The
 * answer is 201 with the new rows as a list.
 */
final class SplitEndpoints {

  /** Recorded as {@code created_by} and {@code deleted_by} of the rows a POST writes. */
  static final String CREATED_BY = "api";

  private final MirrorIndex index;
  private final Clock clock;

  SplitEndpoints(MirrorIndex index, Clock clock) {
    this.index = index;
    this.clock = clock;
  }

  ApiResponse splits(ApiRequest request, List<String> params) {
    MirrorProject p = index.project(params.get(0));
    String splitName = request.param("split_name");
    String asOfText = request.param("as_of_timestamp");
    Instant asOf =
        asOfText == null || asOfText.isEmpty() ? null : instant("as_of_timestamp", asOfText);
    List<ObjectNode> rows = p.splits().rows();
    Map<String, ObjectNode> chosen = new HashMap<>();
    Map<String, Instant> chosenAt = new HashMap<>();
    for (ObjectNode row : rows) {
      Instant created = instant("created_at", Json.text(row, "created_at"));
      String deletedText = Json.text(row, "deleted_at");
      Instant deleted = deletedText == null ? null : instant("deleted_at", deletedText);
      boolean valid =
          asOf == null
              ? deleted == null
              : !created.isAfter(asOf) && (deleted == null || deleted.isAfter(asOf));
      if (!valid) {
        continue;
      }
      String resource = Json.text(row, "resource_id");
      Instant previous = chosenAt.get(resource);
      if (previous == null || !created.isBefore(previous)) {
        chosen.put(resource, row);
        chosenAt.put(resource, created);
      }
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    for (ObjectNode row : rows) {
      if (chosen.get(Json.text(row, "resource_id")) == row
          && (splitName == null || splitName.equals(Json.text(row, "split_name")))) {
        out.add(row);
      }
    }
    return ApiResponse.json(200, out);
  }

  /** Re-assigns resources of the project to a split; 422 naming the problem for a bad body. */
  ApiResponse assign(ApiRequest request, List<String> params) {
    MirrorProject p = index.project(params.get(0));
    JsonNode body = request.jsonBody();
    JsonNode name = body.get("split_name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw ApiException.invalid("split_name must be a non-empty string, such as \"train\"");
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    for (String id : resourceIds(body.get("resource_ids"), p)) {
      assignments.put(id, name.asText());
    }
    ArrayNode out = Json.MAPPER.createArrayNode();
    p.splits()
        .assign(assignments, ProjectSplits.nowTimestamp(clock), CREATED_BY, p.id())
        .forEach(out::add);
    return ApiResponse.json(201, out);
  }

  /**
   * The listed ids, each once, in order; 422 unless they are a non-empty list of ids of the
   * project.
   */
  private static Set<String> resourceIds(JsonNode list, MirrorProject p) {
    if (list == null || !list.isArray() || list.isEmpty()) {
      throw ApiException.invalid("resource_ids must be a non-empty list of resource ids");
    }
    Set<String> ids = new LinkedHashSet<>();
    List<String> unknown = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      JsonNode id = list.get(i);
      if (!id.isTextual()) {
        throw ApiException.invalid(
            "resource_ids[" + i + "] must be a string resource id, not " + id);
      }
      if (!p.resources().contains(id.asText())) {
        unknown.add(id.asText());
      }
      ids.add(id.asText());
    }
    if (!unknown.isEmpty()) {
      throw ApiException.invalid(
          unknown.size()
              + " of resource_ids "
              + (unknown.size() == 1 ? "is" : "are")
              + " not in project "
              + p.id()
              + ": "
              + (unknown.size() > 10 ? unknown.subList(0, 10) + "..." : unknown));
    }
    return ids;
  }

  /** An ISO-8601 instant; an offset date-time; or a local date-time taken as UTC. */
  static Instant instant(String name, String text) {
    if (text == null) {
      throw new ApiException(500, "a split row has no " + name);
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException e) {
      // try the other forms
    }
    try {
      return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
    } catch (DateTimeParseException e) {
      throw ApiException.invalid(name + " must be an ISO-8601 timestamp, not \"" + text + "\"");
    }
  }
}
