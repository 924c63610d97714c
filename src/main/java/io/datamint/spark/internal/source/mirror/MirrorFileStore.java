package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.util.SerializableHadoopConf;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import org.apache.hadoop.fs.FileSystem;
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

  /** Reads the file into an array of its length on the file system. */
  @Override
  public FileBytes readResource(String resourceId, int maxBytes) throws IOException {
    Path file = location(() -> MirrorLayout.resourceFile(new Path(projectDir), resourceId));
    FileSystem fs = file.getFileSystem(conf.get());
    try (InputStream in = open(fs, file, "resource " + resourceId)) {
      return ResourceFileStore.read(in, fs.getFileStatus(file).getLen(), maxBytes);
    }
  }

  @Override
  public InputStream openAnnotation(String resourceId, String annotationId) throws IOException {
    return open(
        () -> MirrorLayout.annotationFile(new Path(projectDir), annotationId),
        "mask of annotation " + annotationId);
  }

  private InputStream open(java.util.function.Supplier<Path> location, String what)
      throws IOException {
    Path file = location(location);
    return open(file.getFileSystem(conf.get()), file, what);
  }

  private static Path location(java.util.function.Supplier<Path> location) throws IOException {
    try {
      return location.get();
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  private static InputStream open(FileSystem fs, Path file, String what) throws IOException {
    try {
      return fs.open(file);
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
