package io.datamint.spark.internal.source.mirror;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.api.model.MetadataIssues;
import io.datamint.spark.internal.api.model.MetadataParser;
import io.datamint.spark.internal.source.JsonItems;
import io.datamint.spark.internal.source.ProjectSourceException;
import io.datamint.spark.internal.source.UniqueIds;
import java.io.BufferedReader;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Reads a mirror's JSON and JSON-lines files. Every failure names the file (and the 1-based line)
 * and what was wrong; blank lines are allowed, anything else that is not exactly one valid object
 * (a second value or stray text after it included) is an error. Fields are type-checked by the
 * model parsers; the problems of non-essential fields are logged once per field and file. Shared by
 * the project source and the local API server, which serves the same JSON.
 */
public final class MirrorFiles {

  private final FileSystem fs;

  public MirrorFiles(FileSystem fs) {
    this.fs = fs;
  }

  /** Parses every non-blank line of {@code file} with {@code parser}. */
  public <T> List<T> readLines(Path file, MetadataParser<T> parser) {
    return readLines(file, parser, null, null);
  }

  /**
   * Parses every non-blank line of {@code file} with {@code parser}; with {@code idOf}, two lines
   * with the same id are an error naming both lines.
   *
   * @param idOf the id of a parsed line, or null for no check
   * @param entity what the ids identify, for the message
   */
  public <T> List<T> readLines(
      Path file, MetadataParser<T> parser, Function<T, String> idOf, String entity) {
    MetadataIssues issues = MetadataIssues.ofFile(file.toString());
    UniqueIds ids = idOf == null ? null : new UniqueIds(entity, issues);
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
        issues.at(number);
        T item = JsonItems.apply(object(issues, line), parser, issues);
        if (ids != null) {
          ids.add(idOf.apply(item), number);
        }
        out.add(item);
      }
    } catch (IOException e) {
      throw new ProjectSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    JsonItems.report(issues);
    return out;
  }

  /**
   * Parses {@code file}, a JSON list, item by item with {@code parser}; an empty file is an empty
   * list. An item's problems are named by the line it starts on.
   *
   * @param entity what the items are, for the message
   */
  public <T> List<T> readList(Path file, String entity, MetadataParser<T> parser) {
    MetadataIssues issues = MetadataIssues.ofFile(file.toString());
    List<T> out = new ArrayList<>();
    try (InputStream in = open(file);
        JsonParser p = Json.MAPPER.getFactory().createParser(in)) {
      JsonToken token = p.nextToken();
      if (token == null) {
        return out;
      }
      if (token != JsonToken.START_ARRAY) {
        throw new ProjectSourceException(
            file + ": expected a JSON list of " + entity + "s, found " + type(Json.single(p)));
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        issues.at(p.currentTokenLocation().getLineNr());
        JsonNode item = Json.MAPPER.readTree(p);
        try {
          out.add(JsonItems.apply(item, parser, issues));
        } catch (ProjectSourceException e) {
          throw new ProjectSourceException(
              e.getMessage() + " (" + entity + " " + out.size() + " of the list)", e);
        }
      }
      Json.single(p);
    } catch (JsonProcessingException e) {
      throw malformed(file.toString(), e);
    } catch (IOException e) {
      throw new ProjectSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
    JsonItems.report(issues);
    return out;
  }

  /**
   * Parses the whole of {@code file} as one JSON document (nothing may follow it); an empty file is
   * a missing node.
   */
  public JsonNode readDocument(Path file) {
    try (InputStream in = open(file)) {
      return Json.readValue(in);
    } catch (JsonProcessingException e) {
      throw malformed(file.toString(), e);
    } catch (IOException e) {
      throw new ProjectSourceException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static ProjectSourceException malformed(String file, JsonProcessingException e) {
    String where =
        e.getLocation() == null
            ? ""
            : " (line "
                + e.getLocation().getLineNr()
                + ", column "
                + e.getLocation().getColumnNr()
                + ")";
    return new ProjectSourceException(
        file + ": malformed JSON: " + e.getOriginalMessage() + where, e);
  }

  private InputStream open(Path file) throws IOException {
    try {
      return fs.open(file);
    } catch (FileNotFoundException e) {
      throw new ProjectSourceException("missing mirror file " + file, e);
    }
  }

  /** The line's one JSON object. */
  private static JsonNode object(MetadataIssues issues, String line) {
    JsonNode node;
    try {
      node = Json.readValue(line);
    } catch (JsonProcessingException e) {
      throw new ProjectSourceException(
          issues.where() + ": malformed JSON: " + e.getOriginalMessage() + location(e), e);
    } catch (IOException e) {
      throw new ProjectSourceException(issues.where() + ": " + e.getMessage(), e);
    }
    if (!node.isObject()) {
      throw new ProjectSourceException(
          issues.where() + ": expected a JSON object, found " + type(node));
    }
    return node;
  }

  private static String type(JsonNode node) {
    return node.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (column " + e.getLocation().getColumnNr() + ")";
  }
}
