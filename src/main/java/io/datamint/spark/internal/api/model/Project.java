package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A Datamint project ({@code GET /projects/{id}}): its id, name and default worklist. */
public record Project(
    String id, String name, String worklistId, String createdAt, String description) {

  /** Parses a project JSON object, its problems of non-essential fields not reported. */
  public static Project fromJson(JsonNode json) {
    return fromJson(json, MetadataIssues.ofListing("a project"));
  }

  /**
   * Parses a project JSON object, type-checking its fields ({@link JsonFields}).
   *
   * @throws IllegalArgumentException when it is not an object, or {@code id} or {@code name} is
   *     missing or not a string
   */
  public static Project fromJson(JsonNode json, MetadataIssues issues) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a project must be a JSON object");
    }
    JsonFields f = new JsonFields(json, issues);
    if (!f.present("id") || !f.present("name")) {
      throw new IllegalArgumentException("a project needs a non-null \"id\" and \"name\"");
    }
    return new Project(
        f.requiredText("id", "project"),
        f.requiredText("name", "project"),
        f.text("worklist_id"),
        f.timestamp("created_at"),
        f.text("description"));
  }
}
