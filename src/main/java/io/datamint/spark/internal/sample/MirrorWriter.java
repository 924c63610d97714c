package io.datamint.spark.internal.sample;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes the parts of one project mirror (contracts section 2) into a directory: the JSON
 * documents, the JSON Lines files and the resource and annotation files. Output is byte-stable:
 * fields keep their insertion order, lines end with {@code \n} on every platform.
 *
 * <p>{@link #open} only accepts a directory that does not exist, is empty, or holds an earlier
 * sample mirror (whose mirror files it then removes); anything else is refused, so that no user
 * data is ever overwritten.
 */
final class MirrorWriter {

  static final String PROJECT = "project.json";
  static final String RESOURCES = "resources.jsonl";
  static final String ANNOTATIONS = "annotations.jsonl";
  static final String WORKLISTS = "worklists.json";
  static final String SPLITS = "splits.jsonl";
  static final String FILES = "files";
  private static final List<String> MIRROR_ENTRIES =
      List.of(PROJECT, RESOURCES, ANNOTATIONS, WORKLISTS, SPLITS, FILES);

  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectWriter PRETTY =
      MAPPER.writer(
          new DefaultPrettyPrinter(
                  Separators.createDefaultInstance()
                      .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                      .withObjectEmptySeparator("")
                      .withArrayEmptySeparator(""))
              .withObjectIndenter(new DefaultIndenter("  ", "\n"))
              .withArrayIndenter(new DefaultIndenter("  ", "\n")));

  private final Path dir;

  private MirrorWriter(Path dir) {
    this.dir = dir;
  }

  /**
   * Prepares {@code dir} for a sample mirror named {@code sampleName}: creates it if missing,
   * clears an earlier sample mirror of that name, and refuses any other non-empty directory.
   *
   * @throws IllegalStateException when {@code dir} is a file, a non-empty directory that is not a
   *     mirror, or the mirror of another project
   */
  static MirrorWriter open(Path dir, String sampleName) throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new IllegalStateException(dir + " exists and is not a directory");
    }
    if (Files.isDirectory(dir) && !isEmpty(dir)) {
      Path project = dir.resolve(PROJECT);
      if (!Files.isRegularFile(project)) {
        throw new IllegalStateException(
            dir
                + " is not empty and is not a project mirror (no "
                + PROJECT
                + "); refusing to overwrite it. Choose an empty or new directory.");
      }
      String name = existingName(project);
      if (!sampleName.equals(name)) {
        throw new IllegalStateException(
            dir
                + " holds the mirror of project '"
                + name
                + "', not a sample project '"
                + sampleName
                + "'; refusing to overwrite it. Choose an empty or new directory.");
      }
      for (String entry : MIRROR_ENTRIES) {
        deleteRecursively(dir.resolve(entry));
      }
    }
    Files.createDirectories(dir.resolve(FILES).resolve("resources"));
    Files.createDirectories(dir.resolve(FILES).resolve("annotations"));
    return new MirrorWriter(dir);
  }

  Path dir() {
    return dir;
  }

  /** Writes {@code files/resources/<id>}; returns the number of bytes written. */
  long resourceFile(String resourceId, byte[] content) {
    return write(dir.resolve(FILES).resolve("resources").resolve(resourceId), content);
  }

  /** Writes {@code files/annotations/<id>}. */
  void annotationFile(String annotationId, byte[] content) {
    write(dir.resolve(FILES).resolve("annotations").resolve(annotationId), content);
  }

  /** Writes a pretty-printed JSON document. */
  void json(String name, JsonNode node) {
    try {
      write(
          dir.resolve(name),
          (PRETTY.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes one compact JSON object per line. */
  void jsonLines(String name, List<? extends JsonNode> rows) {
    StringBuilder text = new StringBuilder();
    try {
      for (JsonNode row : rows) {
        text.append(MAPPER.writeValueAsString(row)).append('\n');
      }
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
    write(dir.resolve(name), text.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static long write(Path file, byte[] content) {
    try {
      Files.write(file, content);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return content.length;
  }

  private static boolean isEmpty(Path dir) throws IOException {
    try (Stream<Path> entries = Files.list(dir)) {
      return entries.findAny().isEmpty();
    }
  }

  private static String existingName(Path project) {
    try {
      JsonNode name = MAPPER.readTree(project.toFile()).get("name");
      return name == null ? null : name.asText();
    } catch (IOException e) {
      throw new IllegalStateException(
          project
              + " is not valid JSON ("
              + e.getMessage()
              + "); refusing to overwrite the directory",
          e);
    }
  }

  private static void deleteRecursively(Path path) throws IOException {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(path)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
