package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.Set;

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
   * The annotation types the reader knows ({@code type} / {@code annotation_type}, lower-cased);
   * others are kept, with one warning naming them.
   */
  public static final Set<String> KNOWN_TYPES =
      Set.of(
          "label",
          "category",
          "segmentation",
          "integer",
          "float",
          "text",
          "line",
          "point",
          "square",
          "circle",
          "region",
          "area",
          "distance",
          "angle",
          "box",
          "polygon");

  private static final Set<String> KNOWN_SCOPES =
      Set.of(AnnotationScope.IMAGE.value(), AnnotationScope.FRAME.value());

  /**
   * Parses an annotation JSON object, its problems of non-essential fields not reported (see {@link
   * #fromJson(JsonNode, MetadataIssues)}).
   */
  public static Annotation fromJson(JsonNode json) {
    return fromJson(json, MetadataIssues.ofListing("an annotation"));
  }

  /**
   * Parses an annotation JSON object with short or long keys (the long key wins when both are
   * present), type-checking its fields ({@link JsonFields}): {@code id}, {@code resource_id} and
   * the frame index are essential; an unknown type or scope is kept and counted in {@code issues}.
   *
   * @throws IllegalArgumentException when it is not an object, lacks {@code id} or {@code
   *     resource_id}, or has an essential field of the wrong type
   */
  public static Annotation fromJson(JsonNode json, MetadataIssues issues) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an annotation must be a JSON object");
    }
    JsonFields f = new JsonFields(json, issues);
    if (!f.present("id") || !f.present("resource_id")) {
      throw new IllegalArgumentException(
          "an annotation needs a non-null \"id\" and \"resource_id\"");
    }
    String id = f.requiredText("id", "annotation");
    String resourceId = f.requiredText("resource_id", "annotation");
    String type =
        f.enumValue(f.firstText("annotation_type", "type"), "annotation_type", KNOWN_TYPES);
    Integer frameIndex =
        f.requiredIndex(f.present("frame_index") ? "frame_index" : "index", Integer.MAX_VALUE);
    String scope = f.enumValue(f.text("scope"), "scope", KNOWN_SCOPES);
    if (scope == null) {
      scope = frameIndex == null ? AnnotationScope.IMAGE.value() : AnnotationScope.FRAME.value();
    }
    if (AnnotationScope.IMAGE.value().equals(scope)) {
      frameIndex = null; // as the SDK: an image-scoped annotation has no frame index
    }
    String textValue = f.scalarText("text_value");
    Double numericValue = f.number("numeric_value");
    if (f.present("value")) {
      if (isNumericType(type)) {
        numericValue = numericValue != null ? numericValue : f.number("value");
      } else if (textValue == null) {
        textValue = f.scalarText("value");
      }
    }
    return new Annotation(
        id,
        resourceId,
        f.firstText("identifier", "name"),
        scope,
        frameIndex,
        type,
        textValue,
        numericValue,
        f.text("units"),
        Json.raw(json, "geometry"),
        f.timestamp("created_at"),
        f.firstText("created_by", "added_by"),
        f.text("created_by_model"),
        f.bool("is_model"),
        f.text("model_id"),
        f.text("status"),
        f.text("source"),
        f.text("annotation_worklist_id"),
        f.text("imported_from"),
        f.firstText("associated_file", "file"),
        f.bool("deleted"));
  }
}
