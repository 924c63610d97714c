package io.datamint.spark.internal.source.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.source.ProjectSourceException;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a mirror's JSON and JSON-lines files. Every failure names the file (and the 1-based line
 * for JSON lines) and what was wrong; blank lines are allowed, anything else that is not a valid
 * object is an error. Shared by the project source and the local API server, which serves the same
 * JSON.
 */
public final class MirrorFiles {

  private final FileSystem fs;

  public MirrorFiles(FileSystem fs) {
    this.fs = fs;
  }

  /** Parses every non-blank line of {@code file} with {@code parser}. */
  public <T> List<T> readLines(Path file, Function<JsonNode, T> parser) {
    List<T> out = new ArrayList<>();
    try (InputStream in = open(file);
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        out.add(parse(file, number, line, parser));
      }
    } catch (IOException e) {
      throw new ProjectSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return out;
  }

  /** Parses the whole of {@code file} as one JSON document; an empty file is a missing node. */
  public JsonNode readDocument(Path file) {
    try (InputStream in = open(file)) {
      JsonNode node = Json.MAPPER.readTree(in);
      return node == null ? Json.MAPPER.missingNode() : node;
    } catch (JsonProcessingException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNr()
                  + ", column "
                  + e.getLocation().getColumnNr()
                  + ")";
      throw new ProjectSourceException(
          file + ": malformed JSON: " + e.getOriginalMessage() + where, e);
    } catch (IOException e) {
      throw new ProjectSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private InputStream open(Path file) throws IOException {
    try {
      return fs.open(file);
    } catch (FileNotFoundException e) {
      throw new ProjectSourceException("missing mirror file " + file, e);
    }
  }

  private static <T> T parse(Path file, int number, String line, Function<JsonNode, T> parser) {
    JsonNode node;
    try {
      node = Json.MAPPER.readTree(line);
    } catch (JsonProcessingException e) {
      throw new ProjectSourceException(
          file + " line " + number + ": malformed JSON: " + e.getOriginalMessage() + location(e),
          e);
    }
    if (!node.isObject()) {
      throw new ProjectSourceException(
          file
              + " line "
              + number
              + ": expected a JSON object, found "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    try {
      return parser.apply(node);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProjectSourceException(file + " line " + number + ": " + e.getMessage(), e);
    }
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
  }
}
