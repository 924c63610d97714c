package io.datamint.spark.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.api.model.Json;
import io.datamint.spark.server.MirrorIndex.MirrorProject;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /projects/{id}/splits} with optional {@code split_name} and {@code as_of_timestamp}. As of T, a
 * resource's assignment is its row with the latest {@code created_at <= T} whose {@code deleted_at} is null or
 * {@code > T} (contracts section 2); without T, its latest row whose {@code deleted_at} is null. Rows come in
 * splits.jsonl order.
 */
final class SplitEndpoints {

  private final MirrorIndex index;

  SplitEndpoints(MirrorIndex index) {
    this.index = index;
  }

  ApiResponse splits(ApiRequest request, List<String> params) {
    MirrorProject p = index.project(params.get(0));
    String splitName = request.param("split_name");
    String asOfText = request.param("as_of_timestamp");
    Instant asOf = asOfText == null || asOfText.isEmpty() ? null : instant("as_of_timestamp", asOfText);
    Map<String, ObjectNode> chosen = new HashMap<>();
    Map<String, Instant> chosenAt = new HashMap<>();
    for (ObjectNode row : p.splits()) {
      Instant created = instant("created_at", Json.text(row, "created_at"));
      String deletedText = Json.text(row, "deleted_at");
      Instant deleted = deletedText == null ? null : instant("deleted_at", deletedText);
      boolean valid = asOf == null
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
    for (ObjectNode row : p.splits()) {
      if (chosen.get(Json.text(row, "resource_id")) == row
          && (splitName == null || splitName.equals(Json.text(row, "split_name")))) {
        out.add(row);
      }
    }
    return ApiResponse.json(200, out);
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
