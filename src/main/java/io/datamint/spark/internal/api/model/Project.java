package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;

/** A Datamint project ({@code GET /projects/{id}}): its id, name and default worklist. */
public record Project(
    String id, String name, String worklistId, String createdAt, String description) {

  /**
   * Parses a project JSON object.
   *
   * @throws IllegalArgumentException when it is not an object or lacks {@code id} or {@code name}
   */
  public static Project fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a project must be a JSON object");
    }
    String id = Json.text(json, "id");
    String name = Json.text(json, "name");
    if (id == null || name == null) {
      throw new IllegalArgumentException("a project needs a non-null \"id\" and \"name\"");
    }
    return new Project(
        id,
        name,
        Json.text(json, "worklist_id"),
        Json.text(json, "created_at"),
        Json.text(json, "description"));
  }
}
