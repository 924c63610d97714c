package io.datamint.spark.internal.source.mirror;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.source.ProjectSourceException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Finds a project's directory from a {@code path} and an optional project name or id. A path
 * holding {@code project.json} is a project mirror; any other directory is a mirror root, whose
 * sub-directories are projects found by their {@code project.json} name or id (folder names do not
 * matter). A path that is neither (it does not exist, is a file, or holds no {@code project.json}
 * itself nor in a sub-directory) is an error that says which layouts are accepted.
 */
public final class MirrorLocator {

  /** What a path may be, for messages. */
  static final String EXPECTED =
      "expected a project mirror (a directory holding "
          + String.join(", ", MirrorLayout.REQUIRED)
          + " and files/) or a mirror root (a directory holding one such "
          + "project directory per project)";

  private final Configuration conf;

  public MirrorLocator(Configuration conf) {
    this.conf = conf;
  }

  /** One project found under a mirror root. */
  public record MirrorEntry(Path directory, String id, String name) {}

  /**
   * Resolves the project directory.
   *
   * @param path a project mirror or a mirror root
   * @param project a project name or id, or null to take the mirror at {@code path} (or a root's
   *     only project)
   */
  public Path resolve(String path, String project) {
    Path dir = new Path(path);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      if (isProjectMirror(fs, dir)) {
        if (project != null) {
          MirrorEntry entry = entry(fs, dir);
          if (!project.equals(entry.name()) && !project.equals(entry.id())) {
            throw new ProjectSourceException(
                "the mirror at "
                    + dir
                    + " holds project \""
                    + entry.name()
                    + "\" (id "
                    + entry.id()
                    + "), not \""
                    + project
                    + "\"");
          }
        }
        return dir;
      }
      List<MirrorEntry> entries = rootEntries(fs, dir);
      if (project == null) {
        if (entries.size() == 1) {
          return entries.get(0).directory();
        }
        throw new ProjectSourceException(
            dir
                + " is a mirror root with "
                + entries.size()
                + " projects; choose "
                + "one with option \"project\" (name or id): "
                + names(entries));
      }
      for (MirrorEntry entry : entries) {
        if (project.equals(entry.name()) || project.equals(entry.id())) {
          return entry.directory();
        }
      }
      throw new ProjectSourceException(
          "no project named or with id \""
              + project
              + "\" under mirror root "
              + dir
              + "; it holds "
              + names(entries));
    } catch (IOException e) {
      throw new ProjectSourceException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The projects {@code path} holds: the project mirror at {@code path} itself, or the projects
   * directly under a mirror root, in directory-name order.
   *
   * @throws ProjectSourceException when the path is neither a project mirror nor a mirror root with
   *     a project
   */
  public List<MirrorEntry> projects(String path) {
    Path dir = new Path(path);
    try {
      FileSystem fs = dir.getFileSystem(conf);
      return isProjectMirror(fs, dir) ? List.of(entry(fs, dir)) : rootEntries(fs, dir);
    } catch (IOException e) {
      throw new ProjectSourceException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * Whether {@code path} is a project mirror itself (holds {@code project.json}) rather than a
   * mirror root.
   */
  public boolean isProjectMirror(String path) {
    Path dir = new Path(path);
    try {
      return dir.getFileSystem(conf).exists(new Path(dir, MirrorLayout.PROJECT));
    } catch (IOException e) {
      throw new ProjectSourceException("cannot list " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * The projects directly under a mirror root, in directory-name order (none when it holds none).
   */
  public List<MirrorEntry> list(String root) {
    Path dir = new Path(root);
    try {
      return list(dir.getFileSystem(conf), dir);
    } catch (IOException e) {
      throw new ProjectSourceException("cannot list mirror root " + dir + ": " + e.getMessage(), e);
    }
  }

  /** Whether {@code dir}, which must exist, holds {@code project.json}. */
  private static boolean isProjectMirror(FileSystem fs, Path dir) throws IOException {
    if (!fs.exists(dir)) {
      throw new ProjectSourceException("path " + dir + " does not exist; " + EXPECTED);
    }
    if (!fs.getFileStatus(dir).isDirectory()) {
      throw new ProjectSourceException("path " + dir + " is a file, not a directory; " + EXPECTED);
    }
    return fs.exists(new Path(dir, MirrorLayout.PROJECT));
  }

  /** The projects of a mirror root; at least one. */
  private static List<MirrorEntry> rootEntries(FileSystem fs, Path dir) throws IOException {
    List<MirrorEntry> entries = list(fs, dir);
    if (entries.isEmpty()) {
      throw new ProjectSourceException(
          "no "
              + MirrorLayout.PROJECT
              + " in "
              + dir
              + " nor in any of its "
              + "sub-directories; "
              + EXPECTED);
    }
    return entries;
  }

  private static List<MirrorEntry> list(FileSystem fs, Path root) throws IOException {
    List<MirrorEntry> out = new ArrayList<>();
    FileStatus[] children = fs.listStatus(root);
    java.util.Arrays.sort(
        children, (a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
    for (FileStatus child : children) {
      if (child.isDirectory() && fs.exists(new Path(child.getPath(), MirrorLayout.PROJECT))) {
        out.add(entry(fs, child.getPath()));
      }
    }
    return out;
  }

  private static MirrorEntry entry(FileSystem fs, Path dir) {
    JsonNode json = new MirrorFiles(fs).readDocument(new Path(dir, MirrorLayout.PROJECT));
    return new MirrorEntry(dir, Json.text(json, "id"), Json.text(json, "name"));
  }

  private static String names(List<MirrorEntry> entries) {
    List<String> names = new ArrayList<>();
    for (MirrorEntry entry : entries) {
      names.add("\"" + entry.name() + "\" (" + entry.id() + ")");
    }
    return String.join(", ", names);
  }
}
