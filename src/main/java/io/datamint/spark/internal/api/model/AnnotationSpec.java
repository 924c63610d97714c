package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One entry of a worklist's annotation schema: a label, category, segmentation or other annotation
 * the annotators fill in. Two category specs are equal when their value sets are equal, in any
 * order (as the SDK).
 */
public record AnnotationSpec(
    String type, String scope, boolean required, String identifier, List<String> values)
    implements Serializable {

  /** Parses a spec object; {@code scope} defaults to {@code image}. */
  public static AnnotationSpec fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an annotation spec must be a JSON object");
    }
    String identifier = Json.text(json, "identifier");
    String type = Json.text(json, "type");
    if (identifier == null || type == null) {
      throw new IllegalArgumentException("an annotation spec needs \"type\" and \"identifier\"");
    }
    String scope = Json.text(json, "scope");
    Boolean required = Json.bool(json, "required");
    return new AnnotationSpec(
        type.toLowerCase(Locale.ROOT),
        scope == null ? AnnotationScope.IMAGE.value() : scope.toLowerCase(Locale.ROOT),
        required != null && required,
        identifier,
        Json.strings(json, "values"));
  }

  /**
   * The SDK's equality: same type, scope and identifier, and for categories the same set of values.
   */
  public boolean sameDefinitionAs(AnnotationSpec other) {
    return type.equals(other.type)
        && scope.equals(other.scope)
        && identifier.equals(other.identifier)
        && Objects.equals(new HashSet<>(values), new HashSet<>(other.values));
  }
}
