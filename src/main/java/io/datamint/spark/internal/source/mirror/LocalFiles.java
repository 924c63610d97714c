package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.internal.source.ResourceFileStore;
import java.io.File;
import java.io.FileInputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.LocalFileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RawLocalFileSystem;

/**
 * Reads a mirror's files on the local file system straight through {@code java.nio}: one open, the
 * length from the open channel, the bytes into one array. Hadoop's local file system costs a row
 * more than that (path objects, the file system cache, a status call beside the open, a stat of the
 * checksum side file and buffered wrappers; issue 17), for the same bytes. A file with a Hadoop
 * checksum side file ({@code .<name>.crc}, which the mirror's own writers never write) is left to
 * Hadoop, which verifies it; see {@link #checksumOf}.
 */
final class LocalFiles {

  private LocalFiles() {}

  /**
   * The local directory that {@code dir} names on {@code fs}, or null when {@code fs} is not
   * Hadoop's local file system (checksummed or raw). A path without a scheme is resolved as Hadoop
   * resolves it: against the default file system, then the working directory.
   */
  static java.nio.file.Path directory(FileSystem fs, Path dir) {
    if (!(fs instanceof LocalFileSystem) && !(fs instanceof RawLocalFileSystem)) {
      return null;
    }
    // as RawLocalFileSystem.pathToFile: the qualified URI's path
    return new File(fs.makeQualified(dir).toUri().getPath()).toPath();
  }

  /** Whether {@code fs} would verify a file against a checksum side file when there is one. */
  static boolean verifiesChecksums(FileSystem fs) {
    return fs instanceof ChecksumFileSystem;
  }

  /**
   * Whether {@code file} has a Hadoop checksum side file beside it, named as {@link
   * ChecksumFileSystem#getChecksumFile} names it.
   */
  static boolean checksumOf(java.nio.file.Path file) {
    java.nio.file.Path parent = file.getParent();
    String name = "." + file.getFileName() + ".crc";
    return (parent == null ? new File(name) : new File(parent.toFile(), name)).exists();
  }

  /**
   * Reads the whole file, of at most {@code maxBytes} bytes, into an array of its length (plus the
   * end-of-stream probe byte), as {@link ResourceFileStore#read} with the channel's size.
   *
   * @throws FileNotFoundException when there is no file there, or a directory
   * @throws io.datamint.spark.error.DecodeException when the file is larger than {@code maxBytes}
   */
  static ResourceFileStore.FileBytes read(java.nio.file.Path file, int maxBytes)
      throws IOException {
    try (FileChannel channel = channel(file)) {
      return ResourceFileStore.read(Channels.newInputStream(channel), channel.size(), maxBytes);
    }
  }

  /**
   * Opens the file for reading.
   *
   * @throws FileNotFoundException when there is no file there, or a directory
   */
  static InputStream open(java.nio.file.Path file) throws IOException {
    return Channels.newInputStream(channel(file));
  }

  /**
   * The file's channel, opened as a {@link FileInputStream} so that a directory is refused by the
   * open itself (the JDK checks the descriptor it opened), without a status call of its own. Reads
   * go through the channel, which copies through the thread's cached direct buffer where the
   * stream's own read would allocate a native buffer per call.
   */
  @SuppressWarnings("resource") // closing the channel closes the stream
  private static FileChannel channel(java.nio.file.Path file) throws FileNotFoundException {
    return new FileInputStream(file.toFile()).getChannel();
  }
}
