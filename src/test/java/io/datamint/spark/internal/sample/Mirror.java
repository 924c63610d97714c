package io.datamint.spark.internal.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A project mirror read back for assertions: every JSON document and line parsed, strictly. */
record Mirror(
    Path dir,
    JsonNode project,
    List<JsonNode> resources,
    List<JsonNode> annotations,
    JsonNode worklists,
    List<JsonNode> splits) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads the mirror in {@code dir}; a line that is not one JSON object fails with its file and
   * line number.
   */
  static Mirror read(Path dir) {
    return new Mirror(
        dir,
        document(dir.resolve("project.json")),
        lines(dir.resolve("resources.jsonl")),
        lines(dir.resolve("annotations.jsonl")),
        document(dir.resolve("worklists.json")),
        lines(dir.resolve("splits.jsonl")));
  }

  Path resourceFile(String id) {
    return dir.resolve("files/resources").resolve(id);
  }

  Path annotationFile(String id) {
    return dir.resolve("files/annotations").resolve(id);
  }

  JsonNode resource(String filename) {
    return resources.stream()
        .filter(r -> r.get("filename").asText().equals(filename))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no resource " + filename));
  }

  List<JsonNode> annotationsOf(String resourceId) {
    return annotations.stream()
        .filter(a -> a.get("resource_id").asText().equals(resourceId))
        .toList();
  }

  /**
   * An annotation field under its long key or, failing that, its short key (null when neither is
   * present).
   */
  static JsonNode field(JsonNode annotation, String longKey, String shortKey) {
    JsonNode v = annotation.has(longKey) ? annotation.get(longKey) : annotation.get(shortKey);
    return v == null || v.isNull() ? null : v;
  }

  static String type(JsonNode annotation) {
    return field(annotation, "annotation_type", "type").asText();
  }

  static String identifier(JsonNode annotation) {
    return field(annotation, "identifier", "name").asText();
  }

  static Integer frameIndex(JsonNode annotation) {
    JsonNode v = field(annotation, "frame_index", "index");
    return v == null ? null : v.asInt();
  }

  /** Every regular file under {@code dir}, by relative path, with its bytes. */
  static Map<String, byte[]> tree(Path dir) {
    Map<String, byte[]> files = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        files.put(dir.relativize(p).toString(), Files.readAllBytes(p));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static JsonNode document(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new AssertionError(file + " is not valid JSON: " + e.getMessage(), e);
    }
  }

  private static List<JsonNode> lines(Path file) {
    List<JsonNode> rows = new ArrayList<>();
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      for (int i = 0; i < lines.size(); i++) {
        JsonNode row;
        try {
          row = JSON.readTree(lines.get(i));
        } catch (IOException e) {
          throw new AssertionError(
              file + " line " + (i + 1) + " is not valid JSON: " + e.getMessage(), e);
        }
        if (row == null || !row.isObject()) {
          throw new AssertionError(file + " line " + (i + 1) + " is not a JSON object");
        }
        rows.add(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }
}
