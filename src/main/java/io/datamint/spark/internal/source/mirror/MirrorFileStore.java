package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.util.SerializableHadoopConf;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Opens {@code files/resources/<id>} and {@code files/annotations/<id>} of a mirror, on any
 * executor. On the local file system the files are read through {@link LocalFiles} (java.nio),
 * elsewhere ({@code hdfs:}, {@code s3a:}, ...) through Hadoop's file system with the driver's
 * configuration; the messages are the same either way. A local mirror's store does not carry the
 * Hadoop configuration: Spark deserializes a task's reader factory, this store included, once per
 * task, and a session's configuration (hundreds of properties) cost milliseconds per task.
 */
final class MirrorFileStore implements ResourceFileStore {

  private static final long serialVersionUID = 1L;

  private final String projectDir;

  /** The driver's Hadoop configuration; null for a mirror on the local file system. */
  private final SerializableHadoopConf conf;

  /** The mirror's directory on the local file system, or null when it is elsewhere. */
  private final String localDir;

  /** Whether the local file system verifies a file against its checksum side file. */
  private final boolean checksummed;

  /** The local {@code files/resources} and {@code files/annotations}, once per copy. */
  private transient volatile Local local;

  /** A configuration for the local file system (a checksummed file), once per copy. */
  private transient volatile Configuration localConf;

  private record Local(java.nio.file.Path resources, java.nio.file.Path annotations) {}

  private MirrorFileStore(
      String projectDir, SerializableHadoopConf conf, String localDir, boolean checksummed) {
    this.projectDir = projectDir;
    this.conf = conf;
    this.localDir = localDir;
    this.checksummed = checksummed;
  }

  /**
   * The store of the mirror in {@code projectDir} on {@code fs}: one reading local files directly
   * when {@code fs} is Hadoop's local file system, else one reading through {@code fs}'s kind of
   * file system with {@code conf}.
   */
  static MirrorFileStore of(Path projectDir, FileSystem fs, Configuration conf) {
    java.nio.file.Path local = LocalFiles.directory(fs, projectDir);
    return local == null
        ? new MirrorFileStore(projectDir.toString(), new SerializableHadoopConf(conf), null, false)
        : new MirrorFileStore(
            projectDir.toString(), null, local.toString(), LocalFiles.verifiesChecksums(fs));
  }

  @Override
  public InputStream openResource(String resourceId) throws IOException {
    java.nio.file.Path file = localFile(true, "resource", resourceId);
    if (file != null) {
      return openLocal(file, () -> resourceFile(resourceId), "resource " + resourceId);
    }
    return open(() -> resourceFile(resourceId), "resource " + resourceId);
  }

  /** Reads the file into an array of its length on the file system. */
  @Override
  public FileBytes readResource(String resourceId, int maxBytes) throws IOException {
    java.nio.file.Path local = localFile(true, "resource", resourceId);
    if (local != null) {
      try {
        return LocalFiles.read(local, maxBytes);
      } catch (FileNotFoundException e) {
        throw missing("resource " + resourceId, location(() -> resourceFile(resourceId)));
      }
    }
    Path file = location(() -> resourceFile(resourceId));
    FileSystem fs = file.getFileSystem(hadoopConf());
    try (InputStream in = open(fs, file, "resource " + resourceId)) {
      return ResourceFileStore.read(in, fs.getFileStatus(file).getLen(), maxBytes);
    }
  }

  @Override
  public InputStream openAnnotation(String resourceId, String annotationId) throws IOException {
    String what = "mask of annotation " + annotationId;
    java.nio.file.Path file = localFile(false, "annotation", annotationId);
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

  /** The local directories, or null when the mirror is not on the local file system. */
  private Local local() {
    Local resolved = local;
    if (resolved == null && localDir != null) {
      java.nio.file.Path root = java.nio.file.Path.of(localDir);
      resolved =
          new Local(
              root.resolve(MirrorLayout.RESOURCE_FILES),
              root.resolve(MirrorLayout.ANNOTATION_FILES));
      local = resolved;
    }
    return resolved;
  }

  /** The configuration to open a file through Hadoop with. */
  private Configuration hadoopConf() {
    if (conf != null) {
      return conf.get();
    }
    Configuration resolved = localConf;
    if (resolved == null) {
      resolved = new Configuration();
      localConf = resolved;
    }
    return resolved;
  }

  /**
   * The local file of an entity, or null when it is to be read through Hadoop: the mirror is not
   * local, or the file has a checksum side file that Hadoop's local file system verifies.
   */
  private java.nio.file.Path localFile(boolean resource, String what, String id)
      throws IOException {
    Local dirs = local();
    if (dirs == null) {
      return null;
    }
    java.nio.file.Path dir = resource ? dirs.resources() : dirs.annotations();
    java.nio.file.Path file;
    try {
      file = dir.resolve(MirrorLayout.checkedFileName(what, id));
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
    return checksummed && LocalFiles.checksumOf(file) ? null : file;
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
    return open(file.getFileSystem(hadoopConf()), file, what);
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
