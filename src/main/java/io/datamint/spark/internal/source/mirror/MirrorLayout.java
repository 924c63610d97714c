package io.datamint.spark.internal.source.mirror;

import java.util.List;
import org.apache.hadoop.fs.Path;

/** The names of a project mirror's files, relative to the project directory. */
public final class MirrorLayout {

  /** The project object. */
  public static final String PROJECT = "project.json";

  /** One resource JSON object per line, in API order. */
  public static final String RESOURCES = "resources.jsonl";

  /** One annotation JSON object per line. */
  public static final String ANNOTATIONS = "annotations.jsonl";

  /** A JSON list of worklists, with their specs and segmentation groups. */
  public static final String WORKLISTS = "worklists.json";

  /** One split assignment per line: the whole history. */
  public static final String SPLITS = "splits.jsonl";

  /** Resource files, named by resource id. */
  public static final String RESOURCE_FILES = "files/resources";

  /** Segmentation mask files, named by annotation id. */
  public static final String ANNOTATION_FILES = "files/annotations";

  /**
   * The metadata files every mirror must have (an empty file is fine; a missing one is an error).
   */
  public static final List<String> REQUIRED =
      List.of(PROJECT, RESOURCES, ANNOTATIONS, WORKLISTS, SPLITS);

  private MirrorLayout() {}

  /**
   * The file of a resource.
   *
   * @throws IllegalArgumentException when the id cannot be a file name (see {@link
   *     #checkedFileName})
   */
  public static Path resourceFile(Path projectDir, String resourceId) {
    return new Path(new Path(projectDir, RESOURCE_FILES), checkedFileName("resource", resourceId));
  }

  /**
   * The mask file of a segmentation annotation.
   *
   * @throws IllegalArgumentException when the id cannot be a file name (see {@link
   *     #checkedFileName})
   */
  public static Path annotationFile(Path projectDir, String annotationId) {
    return new Path(
        new Path(projectDir, ANNOTATION_FILES), checkedFileName("annotation", annotationId));
  }

  /**
   * An entity id used as a file name, refused when it could name a file elsewhere or a hidden one:
   * empty, with a path separator or a colon, or starting with a dot ({@code ..} included). Ids come
   * from project metadata, which a server or an edited mirror supplies, and must never reach
   * outside {@code files/}.
   */
  public static String checkedFileName(String what, String id) {
    if (id == null
        || id.isEmpty()
        || id.startsWith(".")
        || id.indexOf('/') >= 0
        || id.indexOf('\\') >= 0
        || id.indexOf(':') >= 0) {
      throw new IllegalArgumentException(
          "the "
              + what
              + " id \""
              + id
              + "\" cannot name a file in the mirror "
              + "(an id must not be empty, start with '.', or contain '/', '\\' or ':')");
    }
    return id;
  }
}
