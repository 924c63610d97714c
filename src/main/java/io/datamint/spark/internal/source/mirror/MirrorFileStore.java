package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.util.SerializableHadoopConf;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.Path;

/**
 * Opens {@code files/resources/<id>} and {@code files/annotations/<id>} of a mirror, on any
 * executor.
 */
final class MirrorFileStore implements ResourceFileStore {

  private static final long serialVersionUID = 1L;

  private final String projectDir;
  private final SerializableHadoopConf conf;

  MirrorFileStore(String projectDir, SerializableHadoopConf conf) {
    this.projectDir = projectDir;
    this.conf = conf;
  }

  @Override
  public InputStream openResource(String resourceId) throws IOException {
    return open(
        () -> MirrorLayout.resourceFile(new Path(projectDir), resourceId),
        "resource " + resourceId);
  }

  @Override
  public InputStream openAnnotation(String resourceId, String annotationId) throws IOException {
    return open(
        () -> MirrorLayout.annotationFile(new Path(projectDir), annotationId),
        "mask of annotation " + annotationId);
  }

  private InputStream open(java.util.function.Supplier<Path> location, String what)
      throws IOException {
    Path file;
    try {
      file = location.get();
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    try {
      return file.getFileSystem(conf.get()).open(file);
    } catch (FileNotFoundException e) {
      throw new FileNotFoundException(
          "the " + what + " has no file in the mirror: " + file + " is missing");
    }
  }

  @Override
  public String describe() {
    return "mirror " + projectDir;
  }
}
