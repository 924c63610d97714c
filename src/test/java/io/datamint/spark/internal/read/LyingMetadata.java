package io.datamint.spark.internal.read;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Metadata lines for the strict-metadata tests: an ordinary resource, annotation or split row with
 * some fields replaced by raw JSON (a lie: a wrong type, an overflow, a bad timestamp).
 */
final class LyingMetadata {

  private LyingMetadata() {}

  /** An image resource {@code id}; {@code fields} are pairs of field name and raw JSON value. */
  static String resource(String id, String... fields) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("id", quoted(id));
    json.put("filename", quoted(id + ".png"));
    json.put("mimetype", quoted("image/png"));
    json.put("storage", quoted("ImageResource"));
    json.put("modality", quoted("CR"));
    json.put("patient_id", quoted("p-" + id));
    json.put("size", "1000");
    json.put("tags", "[\"chest\"]");
    json.put("created_at", quoted("2026-01-01T00:00:00Z"));
    json.put("metadata", "{}");
    return object(json, fields);
  }

  /** A label annotation {@code id} of {@code resourceId}, with {@code fields} replaced. */
  static String annotation(String id, String resourceId, String... fields) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("id", quoted(id));
    json.put("resource_id", quoted(resourceId));
    json.put("type", quoted("label"));
    json.put("name", quoted("pneumonia"));
    json.put("added_by", quoted("ann@example.org"));
    json.put("created_at", quoted("2026-01-02T00:00:00Z"));
    return object(json, fields);
  }

  /** A split row putting {@code resourceId} in {@code split}, with {@code fields} replaced. */
  static String split(String resourceId, String split, String... fields) {
    Map<String, String> json = new LinkedHashMap<>();
    json.put("id", quoted("s-" + resourceId));
    json.put("split_name", quoted(split));
    json.put("resource_id", quoted(resourceId));
    json.put("created_at", quoted("2026-01-03T00:00:00Z"));
    json.put("deleted_at", "null");
    return object(json, fields);
  }

  /** A worklists.json of one worklist {@code w-1} with this raw {@code segmentation_group}. */
  static String worklistWithGroup(String segmentationGroup) {
    return "[\n  {\"id\": \"w-1\", \"name\": \"lungs\", \"annotations\": [],\n"
        + "   \"segmentation_group\": "
        + segmentationGroup
        + "}\n]\n";
  }

  static String quoted(String text) {
    return "\"" + text + "\"";
  }

  private static String object(Map<String, String> json, String... fields) {
    for (int i = 0; i < fields.length; i += 2) {
      json.put(fields[i], fields[i + 1]);
    }
    StringBuilder out = new StringBuilder("{");
    json.forEach(
        (k, v) ->
            out.append(out.length() > 1 ? ", " : "")
                .append('"')
                .append(k)
                .append("\": ")
                .append(v));
    return out.append('}').toString();
  }
}
