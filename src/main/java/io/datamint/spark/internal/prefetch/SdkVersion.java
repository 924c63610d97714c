package io.datamint.spark.internal.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.util.PythonJson;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Datamint SDK's cache version of a file (its {@code CacheManager}): {@code version_info} is
 * {@code {created_at, deleted_at, size}} for a resource and {@code {created_at, deleted_at,
 * associated_file}} for an annotation, taken from the entity's JSON (a missing field is {@code
 * None}, so {@code null}); {@code version_hash} is the hex SHA-256 of {@code
 * json.dumps(version_info, sort_keys=True)}. The SDK's entity declares {@code size} an int, so a
 * size sent as {@code "123"} or {@code 123.0} counts as {@code 123}, as pydantic would read it.
 *
 * @param info the version info, as a JSON object
 * @param hash the SDK's {@code version_hash}
 */
record SdkVersion(String info, String hash) implements java.io.Serializable {

  /** The version of a resource's file, from the resource's JSON. */
  static SdkVersion ofResource(JsonNode resource) {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.set("created_at", field(resource, "created_at"));
    info.set("deleted_at", field(resource, "deleted_at"));
    Long size = Json.integer(resource, "size");
    info.set(
        "size", size != null ? JsonNodeFactory.instance.numberNode(size) : field(resource, "size"));
    return of(info);
  }

  /** The version of a segmentation annotation's file, from the annotation's JSON. */
  static SdkVersion ofAnnotation(JsonNode annotation) {
    ObjectNode info = JsonNodeFactory.instance.objectNode();
    info.set("created_at", field(annotation, "created_at"));
    info.set("deleted_at", field(annotation, "deleted_at"));
    info.set("associated_file", field(annotation, "associated_file"));
    return of(info);
  }

  /** The version of any version info object. */
  static SdkVersion of(JsonNode info) {
    return new SdkVersion(info.toString(), sha256(PythonJson.dumpsSorted(info)));
  }

  private static JsonNode field(JsonNode node, String name) {
    JsonNode value = node.get(name);
    return value == null ? JsonNodeFactory.instance.nullNode() : value;
  }

  static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
