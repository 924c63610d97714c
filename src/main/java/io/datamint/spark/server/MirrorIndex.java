package io.datamint.spark.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.api.model.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The metadata of every project under a mirror root, read once at start with plain java.nio (the server needs no
 * Hadoop). A root holding {@code project.json} itself is a single project; otherwise each sub-directory holding one
 * is a project, in directory-name order. A malformed line is an error naming the file and line.
 */
final class MirrorIndex {

  /** One project's mirror. */
  record MirrorProject(Path dir, ObjectNode project, List<ObjectNode> resources, List<ObjectNode> annotations,
      List<ObjectNode> worklists, List<ObjectNode> splits) {

    String id() {
      return Json.text(project, "id");
    }
  }

  /** A resource and the project holding it. */
  record Located(MirrorProject project, ObjectNode node) {}

  private final List<MirrorProject> projects;
  private final Map<String, MirrorProject> projectsById = new LinkedHashMap<>();
  private final Map<String, Located> resourcesById = new LinkedHashMap<>();
  private final Map<String, Located> annotationsById = new LinkedHashMap<>();
  private final Map<String, Located> worklistsById = new LinkedHashMap<>();

  private MirrorIndex(List<MirrorProject> projects) {
    this.projects = Collections.unmodifiableList(projects);
    for (MirrorProject p : projects) {
      projectsById.putIfAbsent(p.id(), p);
      p.resources().forEach(r -> resourcesById.putIfAbsent(Json.text(r, "id"), new Located(p, r)));
      p.annotations().forEach(a -> annotationsById.putIfAbsent(Json.text(a, "id"), new Located(p, a)));
      p.worklists().forEach(w -> worklistsById.putIfAbsent(
          Json.firstText(w, "id", "worklist_id"), new Located(p, w)));
    }
  }

  /** Reads the mirror root; throws {@link IllegalArgumentException} when it holds no project. */
  static MirrorIndex load(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("mirror root " + root + " is not a directory");
    }
    List<MirrorProject> projects = new ArrayList<>();
    if (Files.isRegularFile(root.resolve("project.json"))) {
      projects.add(project(root));
    } else {
      try (Stream<Path> children = Files.list(root)) {
        for (Path dir : children.sorted().toList()) {
          if (Files.isRegularFile(dir.resolve("project.json"))) {
            projects.add(project(dir));
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot list mirror root " + root + ": " + e.getMessage(), e);
      }
    }
    if (projects.isEmpty()) {
      throw new IllegalArgumentException("no project.json in " + root + " nor in any of its sub-directories: "
          + "a mirror root holds one project mirror directory per project");
    }
    return new MirrorIndex(projects);
  }

  List<MirrorProject> projects() {
    return projects;
  }

  MirrorProject project(String id) {
    MirrorProject p = projectsById.get(id);
    if (p == null) {
      throw ApiException.notFound("project " + id);
    }
    return p;
  }

  Located resource(String id) {
    Located r = resourcesById.get(id);
    if (r == null) {
      throw ApiException.notFound("resource " + id);
    }
    return r;
  }

  Located annotation(String id) {
    Located a = annotationsById.get(id);
    if (a == null) {
      throw ApiException.notFound("annotation " + id);
    }
    return a;
  }

  Located worklist(String id) {
    Located w = worklistsById.get(id);
    if (w == null) {
      throw ApiException.notFound("worklist " + id);
    }
    return w;
  }

  private static MirrorProject project(Path dir) {
    JsonNode project = document(dir.resolve("project.json"));
    if (!project.isObject()) {
      throw new IllegalArgumentException(dir.resolve("project.json") + ": not a JSON object");
    }
    JsonNode worklists = document(dir.resolve("worklists.json"));
    List<ObjectNode> worklistList = new ArrayList<>();
    if (worklists != null && !worklists.isMissingNode()) {
      if (!worklists.isArray()) {
        throw new IllegalArgumentException(dir.resolve("worklists.json") + ": not a JSON list");
      }
      worklists.forEach(w -> worklistList.add((ObjectNode) w));
    }
    return new MirrorProject(dir, (ObjectNode) project, lines(dir.resolve("resources.jsonl")),
        lines(dir.resolve("annotations.jsonl")), worklistList, lines(dir.resolve("splits.jsonl")));
  }

  private static JsonNode document(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      return text.isBlank() ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(text);
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  private static List<ObjectNode> lines(Path file) {
    List<ObjectNode> out = new ArrayList<>();
    try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        number++;
        if (line.isBlank()) {
          continue;
        }
        JsonNode node;
        try {
          node = Json.MAPPER.readTree(line);
        } catch (IOException e) {
          throw new IllegalArgumentException(file + " line " + number + ": not valid JSON", e);
        }
        if (!node.isObject()) {
          throw new IllegalArgumentException(file + " line " + number + ": not a JSON object");
        }
        out.add((ObjectNode) node);
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return Collections.unmodifiableList(out);
  }
}
