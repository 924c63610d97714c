package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;

/**
 * One row of a project's split history ({@code ProjectResourceSplit}): a resource put in a split at
 * an instant.
 */
public record SplitAssignment(
    String id, String splitName, String resourceId, String createdAt, String deletedAt)
    implements Serializable {

  /**
   * Parses a split assignment.
   *
   * @throws IllegalArgumentException when {@code split_name}, {@code resource_id} or {@code
   *     created_at} is missing
   */
  public static SplitAssignment fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a split assignment must be a JSON object");
    }
    String split = Json.text(json, "split_name");
    String resourceId = Json.text(json, "resource_id");
    String createdAt = Json.text(json, "created_at");
    if (split == null || resourceId == null || createdAt == null) {
      throw new IllegalArgumentException(
          "a split assignment needs \"split_name\", \"resource_id\" and \"created_at\"");
    }
    return new SplitAssignment(
        Json.text(json, "id"), split, resourceId, createdAt, Json.text(json, "deleted_at"));
  }
}
