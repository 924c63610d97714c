package io.datamint.spark.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small hand-made project mirrors for tests that need exact control over the JSON (malformed
 * lines, missing fields, short and long annotation keys). Lines are written verbatim. The default
 * project has no worklists, so, as in the SDK, a read in schema mode drops its labels, categories
 * and segmentations; tests that look at annotations read with {@code worklists=none} (labels
 * inferred from the data) or declare worklists.
 */
public final class TestMirror {

  private final Path dir;
  private String project = "{\"id\": \"p-1\", \"name\": \"tiny\", \"worklist_id\": null}";
  private final List<String> resources = new ArrayList<>();
  private final List<String> annotations = new ArrayList<>();
  private String worklists = "[]";
  private final List<String> splits = new ArrayList<>();

  private TestMirror(Path dir) {
    this.dir = dir;
  }

  /** A mirror to be written in {@code dir}. */
  public static TestMirror in(Path dir) {
    return new TestMirror(dir);
  }

  public TestMirror project(String json) {
    this.project = json;
    return this;
  }

  /** Adds a resources.jsonl line verbatim. */
  public TestMirror resourceLine(String line) {
    resources.add(line);
    return this;
  }

  /** Adds an image resource with the given id, filename, modality, patient and tags. */
  public TestMirror image(
      String id, String filename, String modality, String patient, String... tags) {
    return resourceLine(
        String.format(
            "{\"id\": \"%s\", \"filename\": \"%s\", \"mimetype\": \"image/png\", \"storage\": \"ImageResource\", "
                + "\"modality\": \"%s\", \"patient_id\": %s, \"size\": 1000, \"tags\": %s, "
                + "\"created_at\": \"2026-01-01T00:00:00Z\", \"status\": \"published\", \"metadata\": {}}",
            id,
            filename,
            modality,
            patient == null ? "null" : "\"" + patient + "\"",
            jsonList(tags)));
  }

  /** Adds an annotations.jsonl line verbatim. */
  public TestMirror annotationLine(String line) {
    annotations.add(line);
    return this;
  }

  /** Adds an image-level label annotation. */
  public TestMirror label(String id, String resourceId, String name, String author) {
    return annotationLine(
        String.format(
            "{\"id\": \"%s\", \"resource_id\": \"%s\", \"type\": \"label\", \"name\": \"%s\", \"added_by\": %s}",
            id, resourceId, name, author == null ? "null" : "\"" + author + "\""));
  }

  public TestMirror worklists(String json) {
    this.worklists = json;
    return this;
  }

  public TestMirror splitLine(String line) {
    splits.add(line);
    return this;
  }

  /** Writes the mirror and returns its directory. */
  public Path write() {
    try {
      Files.createDirectories(dir.resolve("files/resources"));
      Files.createDirectories(dir.resolve("files/annotations"));
      Files.writeString(dir.resolve("project.json"), project, StandardCharsets.UTF_8);
      Files.write(dir.resolve("resources.jsonl"), resources, StandardCharsets.UTF_8);
      Files.write(dir.resolve("annotations.jsonl"), annotations, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("worklists.json"), worklists, StandardCharsets.UTF_8);
      Files.write(dir.resolve("splits.jsonl"), splits, StandardCharsets.UTF_8);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String jsonList(String... values) {
    List<String> quoted = new ArrayList<>();
    for (String value : values) {
      quoted.add("\"" + value + "\"");
    }
    return "[" + String.join(", ", quoted) + "]";
  }
}
