package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.Serializable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One entry of a worklist's annotation schema: a label, category, segmentation or other annotation
 * the annotators fill in. Two category specs are equal when their value sets are equal, in any
 * order (as the SDK).
 */
public record AnnotationSpec(
    String type, String scope, boolean required, String identifier, List<String> values)
    implements Serializable {

  private static final Set<String> KNOWN_SCOPES =
      Set.of(AnnotationScope.IMAGE.value(), AnnotationScope.FRAME.value());

  /** Parses a spec object; {@code scope} defaults to {@code image}. */
  public static AnnotationSpec fromJson(JsonNode json) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("an annotation spec must be a JSON object");
    }
    return fromJson(new JsonFields(json, MetadataIssues.ofListing("an annotation spec")));
  }

  /**
   * Parses the spec object {@code f} reads: {@code type} and {@code identifier} are essential
   * strings; an unknown type or scope is kept and counted; {@code scope} defaults to {@code image}.
   */
  static AnnotationSpec fromJson(JsonFields f) {
    if (!f.present("identifier") || !f.present("type")) {
      throw new IllegalArgumentException(
          f.pathPrefix() + "an annotation spec needs \"type\" and \"identifier\"");
    }
    String identifier = f.requiredText("identifier", "annotation spec");
    String type =
        f.enumValue(f.requiredText("type", "annotation spec"), "type", Annotation.KNOWN_TYPES);
    String scope = f.enumValue(f.text("scope"), "scope", KNOWN_SCOPES);
    Boolean required = f.bool("required");
    return new AnnotationSpec(
        type,
        scope == null ? AnnotationScope.IMAGE.value() : scope,
        required != null && required,
        identifier,
        f.strings("values"));
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
