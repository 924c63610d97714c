package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Locale;

/**
 * One annotation, as {@code POST /annotations/search} returns it, normalized as the SDK does: the
 * short keys {@code type, name, added_by, index, value} map to {@code annotation_type, identifier,
 * created_by, frame_index, text_value}; a missing {@code scope} is {@code image} without a frame
 * index and {@code frame} with one; the {@code value} of an {@code integer} or {@code float}
 * annotation is its {@code numeric_value}.
 *
 * <p>Deliberate difference: the SDK forces every segmentation to image scope and drops its frame
 * index (an apparent bug, see docs/sdk-differences.md); here a segmentation keeps the scope and
 * frame index it was sent with.
 *
 * <p>Small and serializable: annotations travel inside input partitions to the executors.
 */
public record Annotation(
    String id,
    String resourceId,
    String identifier,
    String scope,
    Integer frameIndex,
    String annotationType,
    String textValue,
    Double numericValue,
    String units,
    String geometryJson,
    String createdAt,
    String createdBy,
    String createdByModel,
    Boolean isModel,
    String modelId,
    String status,
    String source,
    String annotationWorklistId,
    String importedFrom,
    String file,
    Boolean deleted)
    implements Serializable {

  /** Annotation types whose {@code value} is numeric. */
  private static boolean isNumericType(String type) {
    return "integer".equals(type) || "float".equals(type);
  }

  /**
   * Parses an annotation JSON object with short or long keys (the long key wins when both are
   * present).
   *
   * @throws IllegalArgumentException when it is not an object or lacks {@code id} or {@code
   *     resource_id}
   */
  public static Annotation fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an annotation must be a JSON object");
    }
    String id = Json.text(json, "id");
    String resourceId = Json.text(json, "resource_id");
    if (id == null || resourceId == null) {
      throw new IllegalArgumentException(
          "an annotation needs a non-null \"id\" and \"resource_id\"");
    }
    String type = lower(Json.firstText(json, "annotation_type", "type"));
    Long index =
        json.hasNonNull("frame_index")
            ? Json.integer(json, "frame_index")
            : Json.integer(json, "index");
    Integer frameIndex = index == null ? null : Math.toIntExact(index);
    String scope = lower(Json.text(json, "scope"));
    if (scope == null) {
      scope = frameIndex == null ? AnnotationScope.IMAGE.value() : AnnotationScope.FRAME.value();
    }
    if (AnnotationScope.IMAGE.value().equals(scope)) {
      frameIndex = null; // as the SDK: an image-scoped annotation has no frame index
    }
    String textValue = Json.text(json, "text_value");
    Double numericValue = Json.number(json, "numeric_value");
    if (json.hasNonNull("value")) {
      if (isNumericType(type)) {
        numericValue = numericValue != null ? numericValue : Json.number(json, "value");
      } else if (textValue == null) {
        textValue = Json.text(json, "value");
      }
    }
    return new Annotation(
        id,
        resourceId,
        Json.firstText(json, "identifier", "name"),
        scope,
        frameIndex,
        type,
        textValue,
        numericValue,
        Json.text(json, "units"),
        Json.raw(json, "geometry"),
        Json.text(json, "created_at"),
        Json.firstText(json, "created_by", "added_by"),
        Json.text(json, "created_by_model"),
        Json.bool(json, "is_model"),
        Json.text(json, "model_id"),
        Json.text(json, "status"),
        Json.text(json, "source"),
        Json.text(json, "annotation_worklist_id"),
        Json.text(json, "imported_from"),
        Json.firstText(json, "associated_file", "file"),
        Json.bool(json, "deleted"));
  }

  private static String lower(String value) {
    return value == null ? null : value.toLowerCase(Locale.ROOT);
  }
}
