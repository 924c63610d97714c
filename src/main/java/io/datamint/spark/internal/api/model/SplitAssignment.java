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

  /** Parses a split assignment, its problems of non-essential fields not reported. */
  public static SplitAssignment fromJson(JsonNode json) {
    return fromJson(json, MetadataIssues.ofListing("a split assignment"));
  }

  /**
   * Parses a split assignment, type-checking its fields ({@link JsonFields}): every field but
   * {@code id} is essential, the timestamps included (they decide which assignment holds when).
   *
   * @throws IllegalArgumentException when {@code split_name}, {@code resource_id} or {@code
   *     created_at} is missing, or a field has the wrong type or is not a timestamp
   */
  public static SplitAssignment fromJson(JsonNode json, MetadataIssues issues) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a split assignment must be a JSON object");
    }
    JsonFields f = new JsonFields(json, issues);
    if (!f.present("split_name") || !f.present("resource_id") || !f.present("created_at")) {
      throw new IllegalArgumentException(
          "a split assignment needs \"split_name\", \"resource_id\" and \"created_at\"");
    }
    return new SplitAssignment(
        f.text("id"),
        f.requiredText("split_name", "split assignment"),
        f.requiredText("resource_id", "split assignment"),
        f.requiredTimestamp("created_at"),
        f.requiredTimestamp("deleted_at"));
  }
}
