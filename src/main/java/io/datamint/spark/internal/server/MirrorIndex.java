package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.api.model.MetadataParser;
import io.datamint.spark.internal.api.model.SplitAssignment;
import io.datamint.spark.internal.source.ProjectSourceException;
import io.datamint.spark.internal.source.mirror.MirrorFiles;
import io.datamint.spark.internal.source.mirror.MirrorLayout;
import io.datamint.spark.internal.source.mirror.MirrorLocator;
import io.datamint.spark.internal.source.mirror.MirrorSplitWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;

/**
 * The metadata of every project under a mirror root, read once at start through the local file
 * system (split rows are read again after the server writes them); resources are indexed by line
 * ({@link ResourceLines}) and read from resources.jsonl when asked. A root holding {@code
 * project.json} itself is a single project; otherwise each sub-directory holding one is a project,
 * in directory-name order. A malformed line is an error naming the file and line.
 */
final class MirrorIndex {

  /**
   * One project's mirror; its split rows can change ({@code POST /projects/{id}/splits}), the rest
   * cannot.
   */
  record MirrorProject(
      Path dir,
      ObjectNode project,
      ResourceLines resources,
      List<ObjectNode> annotations,
      List<ObjectNode> worklists,
      SplitLog splits) {

    String id() {
      return Json.text(project, "id");
    }
  }

  /** A resource, annotation or worklist and the project holding it. */
  record Located(MirrorProject project, ObjectNode node) {}

  private final List<MirrorProject> projects;
  private final Map<String, MirrorProject> projectsById = new LinkedHashMap<>();
  private final Map<String, Located> annotationsById = new LinkedHashMap<>();
  private final Map<String, Located> worklistsById = new LinkedHashMap<>();
  private final Map<MirrorProject, Map<String, List<Integer>>> annotationLinesByResource =
      new java.util.IdentityHashMap<>();

  private MirrorIndex(List<MirrorProject> projects) {
    this.projects = Collections.unmodifiableList(projects);
    for (MirrorProject p : projects) {
      projectsById.putIfAbsent(p.id(), p);
      p.annotations()
          .forEach(a -> annotationsById.putIfAbsent(Json.text(a, "id"), new Located(p, a)));
      Map<String, List<Integer>> byResource = new java.util.HashMap<>();
      for (int i = 0; i < p.annotations().size(); i++) {
        String resource = Json.text(p.annotations().get(i), "resource_id");
        if (resource != null) {
          byResource.computeIfAbsent(resource, k -> new ArrayList<>(2)).add(i);
        }
      }
      annotationLinesByResource.put(p, byResource);
      p.worklists()
          .forEach(
              w ->
                  worklistsById.putIfAbsent(
                      Json.firstText(w, "id", "worklist_id"), new Located(p, w)));
    }
  }

  /** Reads the mirror root; throws {@link IllegalArgumentException} when it holds no project. */
  static MirrorIndex load(Path root) {
    if (!Files.isDirectory(root)) {
      throw new IllegalArgumentException("mirror root " + root + " is not a directory");
    }
    Configuration conf = new Configuration();
    MirrorFiles files;
    try {
      files = new MirrorFiles(FileSystem.getLocal(conf));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<MirrorLocator.MirrorEntry> entries;
    try {
      entries = new MirrorLocator(conf).projects(root.toUri().toString());
    } catch (ProjectSourceException e) {
      throw new IllegalArgumentException(e.getMessage(), e);
    }
    List<MirrorProject> projects = new ArrayList<>();
    for (MirrorLocator.MirrorEntry entry : entries) {
      projects.add(project(files, conf, Path.of(entry.directory().toUri())));
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

  /** The resource with the id, read from the first project (in order) whose index has it. */
  Located resource(String id) {
    for (MirrorProject p : projects) {
      int line = p.resources().lineOf(id);
      if (line >= 0) {
        return new Located(p, p.resources().node(line));
      }
    }
    throw ApiException.notFound("resource " + id);
  }

  /**
   * The project's annotations of these resources in annotations.jsonl order, found through an index
   * by resource (a search for a few ids does not scan every annotation).
   */
  List<ObjectNode> annotationsOf(MirrorProject p, java.util.Collection<String> resourceIds) {
    Map<String, List<Integer>> byResource = annotationLinesByResource.get(p);
    List<Integer> lines = new ArrayList<>();
    for (String id : resourceIds) {
      lines.addAll(byResource.getOrDefault(id, List.of()));
    }
    Collections.sort(lines);
    List<ObjectNode> out = new ArrayList<>(lines.size());
    for (int line : lines) {
      out.add(p.annotations().get(line));
    }
    return out;
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

  private static MirrorProject project(MirrorFiles files, Configuration conf, Path dir) {
    JsonNode project = files.readDocument(file(dir, MirrorLayout.PROJECT));
    if (!project.isObject()) {
      throw new IllegalArgumentException(dir.resolve(MirrorLayout.PROJECT) + ": not a JSON object");
    }
    JsonNode worklists = files.readDocument(file(dir, MirrorLayout.WORKLISTS));
    List<ObjectNode> worklistList = new ArrayList<>();
    if (!worklists.isMissingNode()) {
      if (!worklists.isArray()) {
        throw new IllegalArgumentException(
            dir.resolve(MirrorLayout.WORKLISTS) + ": not a JSON list");
      }
      worklists.forEach(w -> worklistList.add((ObjectNode) w));
    }
    SplitLog splits =
        new SplitLog(
            new MirrorSplitWriter(new org.apache.hadoop.fs.Path(dir.toUri()), conf),
            () -> lines(files, dir, MirrorLayout.SPLITS, SPLIT_ROW));
    return new MirrorProject(
        dir,
        (ObjectNode) project,
        ResourceLines.index(dir.resolve(MirrorLayout.RESOURCES)),
        lines(files, dir, MirrorLayout.ANNOTATIONS, (node, issues) -> (ObjectNode) node),
        worklistList,
        splits);
  }

  private static org.apache.hadoop.fs.Path file(Path dir, String name) {
    return new org.apache.hadoop.fs.Path(dir.resolve(name).toUri());
  }

  /**
   * A split row, type-checked as the client checks it: the server answers {@code as_of_timestamp}
   * from its timestamps, so a bad one stops the start naming the file and line.
   */
  private static final MetadataParser<ObjectNode> SPLIT_ROW =
      (node, issues) -> {
        SplitAssignment.fromJson(node, issues);
        return (ObjectNode) node;
      };

  private static List<ObjectNode> lines(
      MirrorFiles files, Path dir, String name, MetadataParser<ObjectNode> parser) {
    return Collections.unmodifiableList(files.readLines(file(dir, name), parser));
  }
}
