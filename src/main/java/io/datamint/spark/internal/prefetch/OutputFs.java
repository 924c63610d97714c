package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.source.mirror.MirrorReplace;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output mirror's file system as the prefetch uses it. Files are written under a temporary name
 * and renamed into place ({@link MirrorReplace}: in one step where rename replaces, else after
 * deleting the old file). On a checksummed file system (Hadoop's local one) writes and renames go
 * to the raw file system, so that the mirror holds no {@code .crc} side files, while deletes go
 * through the checksummed one, which removes any side file an earlier writer left (it would no
 * longer match).
 */
final class OutputFs {

  private final FileSystem fs;
  private final FileSystem raw;

  OutputFs(FileSystem fs) {
    this.fs = fs;
    this.raw = MirrorReplace.writer(fs);
  }

  /** The file's status, or null when it does not exist. */
  FileStatus status(Path file) throws IOException {
    try {
      return fs.getFileStatus(file);
    } catch (FileNotFoundException e) {
      return null;
    }
  }

  InputStream open(Path file) throws IOException {
    return fs.open(file);
  }

  /** A new file (replacing any file of that name); the parent folders are created. */
  OutputStream create(Path file) throws IOException {
    return raw.create(file, true);
  }

  void delete(Path file) throws IOException {
    fs.delete(file, false);
  }

  /** Deletes {@code file} if it exists, ignoring failures (cleaning up after a failed write). */
  void deleteQuietly(Path file) {
    try {
      fs.delete(file, false);
    } catch (IOException | RuntimeException e) {
      // best effort: a leftover temporary file is hidden, and the next run removes it
    }
  }

  /**
   * Puts the fully written {@code temporary} in place of {@code target} ({@link
   * MirrorReplace#replace}).
   */
  void replace(Path temporary, Path target) throws IOException {
    MirrorReplace.replace(fs, temporary, target);
  }

  void mkdirs(Path dir) throws IOException {
    fs.mkdirs(dir);
  }

  /** The entries of a folder; empty when it does not exist. */
  FileStatus[] list(Path dir) throws IOException {
    try {
      return fs.listStatus(dir);
    } catch (FileNotFoundException e) {
      return new FileStatus[0];
    }
  }
}
