package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.util.SerializableHadoopConf;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens {@code files/resources/<id>} and {@code files/annotations/<id>} of a mirror, on any
 * executor. On the local file system the files are read through {@link LocalFiles} (java.nio),
 * elsewhere ({@code hdfs:}, {@code s3a:}, ...) through Hadoop's file system; the messages are the
 * same either way.
 */
final class MirrorFileStore implements ResourceFileStore {

  private static final long serialVersionUID = 1L;

  private final String projectDir;
  private final SerializableHadoopConf conf;

  /** Where the files are on the local file system, resolved once per JVM copy of the store. */
  private transient volatile Local local;

  /**
   * The local {@code files/resources} and {@code files/annotations} directories, both null when the
   * mirror is not on the local file system; {@code checksummed} when the file system verifies
   * checksum side files.
   */
  private record Local(
      java.nio.file.Path resources, java.nio.file.Path annotations, boolean checksummed) {}

  MirrorFileStore(String projectDir, SerializableHadoopConf conf) {
    this.projectDir = projectDir;
    this.conf = conf;
  }

  @Override
  public InputStream openResource(String resourceId) throws IOException {
    java.nio.file.Path file = localFile(local().resources(), "resource", resourceId);
    if (file != null) {
      return openLocal(file, () -> resourceFile(resourceId), "resource " + resourceId);
    }
    return open(() -> resourceFile(resourceId), "resource " + resourceId);
  }

  /** Reads the file into an array of its length on the file system. */
  @Override
  public FileBytes readResource(String resourceId, int maxBytes) throws IOException {
    java.nio.file.Path local = localFile(local().resources(), "resource", resourceId);
    if (local != null) {
      try {
        return LocalFiles.read(local, maxBytes);
      } catch (FileNotFoundException e) {
        throw missing("resource " + resourceId, location(() -> resourceFile(resourceId)));
      }
    }
    Path file = location(() -> resourceFile(resourceId));
    FileSystem fs = file.getFileSystem(conf.get());
    try (InputStream in = open(fs, file, "resource " + resourceId)) {
      return ResourceFileStore.read(in, fs.getFileStatus(file).getLen(), maxBytes);
    }
  }

  @Override
  public InputStream openAnnotation(String resourceId, String annotationId) throws IOException {
    String what = "mask of annotation " + annotationId;
    java.nio.file.Path file = localFile(local().annotations(), "annotation", annotationId);
    if (file != null) {
      return openLocal(file, () -> annotationFile(annotationId), what);
    }
    return open(() -> annotationFile(annotationId), what);
  }

  private Path resourceFile(String resourceId) {
    return MirrorLayout.resourceFile(new Path(projectDir), resourceId);
  }

  private Path annotationFile(String annotationId) {
    return MirrorLayout.annotationFile(new Path(projectDir), annotationId);
  }

  /** Resolves (once) whether and where the mirror is on the local file system. */
  private Local local() throws IOException {
    Local resolved = local;
    if (resolved == null) {
      Path dir = new Path(projectDir);
      FileSystem fs = dir.getFileSystem(conf.get());
      java.nio.file.Path root = LocalFiles.directory(fs, dir);
      resolved =
          root == null
              ? new Local(null, null, false)
              : new Local(
                  root.resolve(MirrorLayout.RESOURCE_FILES),
                  root.resolve(MirrorLayout.ANNOTATION_FILES),
                  LocalFiles.verifiesChecksums(fs));
      local = resolved;
    }
    return resolved;
  }

  /**
   * The local file of an entity, or null when it is to be read through Hadoop: the mirror is not
   * local, or the file has a checksum side file that Hadoop's local file system verifies.
   */
  private java.nio.file.Path localFile(java.nio.file.Path dir, String what, String id)
      throws IOException {
    if (dir == null) {
      return null;
    }
    java.nio.file.Path file;
    try {
      file = dir.resolve(MirrorLayout.checkedFileName(what, id));
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    return local().checksummed() && LocalFiles.checksumOf(file) ? null : file;
  }

  private static InputStream openLocal(
      java.nio.file.Path file, Supplier<Path> location, String what) throws IOException {
    try {
      return LocalFiles.open(file);
    } catch (FileNotFoundException e) {
      throw missing(what, location(location));
    }
  }

  private InputStream open(Supplier<Path> location, String what) throws IOException {
    Path file = location(location);
    return open(file.getFileSystem(conf.get()), file, what);
  }

  private static Path location(Supplier<Path> location) throws IOException {
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
      throw missing(what, file);
    }
  }

  private static FileNotFoundException missing(String what, Path file) {
    return new FileNotFoundException(
        "the " + what + " has no file in the mirror: " + file + " is missing");
  }

  @Override
  public String describe() {
    return "mirror " + projectDir;
  }
}
