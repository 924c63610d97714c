package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.source.mirror.MirrorLayout;
import io.datamint.spark.prefetch.PrefetchFileResult;
import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * Where the prefetch puts things in the output mirror: the data files where the mirror format says
 * ({@code files/resources/<id>}, {@code files/annotations/<id>}), one version record per file under
 * {@code .prefetch/resources/<id>.json} and {@code .prefetch/annotations/<id>.json}, and temporary
 * files, hidden (a leading dot) in the directory of the file they become.
 */
final class PrefetchLayout {

  /** The folder of the version records. */
  static final String RECORDS = ".prefetch";

  /** How temporary files end. */
  static final String TEMPORARY_SUFFIX = ".prefetch-tmp";

  private PrefetchLayout() {}

  /** The data file of a task, relative to the mirror. */
  static String relativePath(PrefetchTask task) {
    return (task.kind() == PrefetchFileResult.Kind.RESOURCE
            ? MirrorLayout.RESOURCE_FILES
            : MirrorLayout.ANNOTATION_FILES)
        + "/"
        + task.fileId();
  }

  /** The data file of a task. */
  static Path dataFile(Path mirror, PrefetchTask task) {
    return task.kind() == PrefetchFileResult.Kind.RESOURCE
        ? MirrorLayout.resourceFile(mirror, task.fileId())
        : MirrorLayout.annotationFile(mirror, task.fileId());
  }

  /** The folder of the version records of one kind. */
  static Path recordDir(Path mirror, PrefetchFileResult.Kind kind) {
    return new Path(
        new Path(mirror, RECORDS),
        kind == PrefetchFileResult.Kind.RESOURCE ? "resources" : "annotations");
  }

  /** The version record of a task's file. */
  static Path recordFile(Path mirror, PrefetchTask task) {
    return new Path(recordDir(mirror, task.kind()), task.fileId() + ".json");
  }

  /** A fresh temporary name beside {@code target}, unique to this write. */
  static Path temporary(Path target) {
    return new Path(
        target.getParent(), "." + target.getName() + "." + UUID.randomUUID() + TEMPORARY_SUFFIX);
  }

  /** Whether a file name is one of the prefetch's temporary names. */
  static boolean isTemporary(String name) {
    return name.startsWith(".") && name.endsWith(TEMPORARY_SUFFIX);
  }
}
