package io.datamint.spark.source.mirror;

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

  /** The metadata files every mirror must have (an empty file is fine; a missing one is an error). */
  public static final List<String> REQUIRED = List.of(PROJECT, RESOURCES, ANNOTATIONS, WORKLISTS, SPLITS);

  private MirrorLayout() {}

  /** The file of a resource. */
  public static Path resourceFile(Path projectDir, String resourceId) {
    return new Path(new Path(projectDir, RESOURCE_FILES), resourceId);
  }

  /** The mask file of a segmentation annotation. */
  public static Path annotationFile(Path projectDir, String annotationId) {
    return new Path(new Path(projectDir, ANNOTATION_FILES), annotationId);
  }
}
