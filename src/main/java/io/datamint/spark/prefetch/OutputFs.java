package io.datamint.spark.prefetch;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output mirror's file system as the prefetch uses it. Files are written under a temporary name and renamed
 * into place; Hadoop's {@code rename} does not replace an existing file on every file system (HDFS refuses), so the
 * old file is deleted first: a reader sees the old file, then briefly none, then the new one, never a partial one.
 * On a checksummed file system (Hadoop's local one) writes and renames go to the raw file system, so that the
 * mirror holds no {@code .crc} side files, while deletes go through the checksummed one, which removes any side file
 * an earlier writer left (it would no longer match).
 */
final class OutputFs {

  private final FileSystem fs;
  private final FileSystem raw;

  OutputFs(FileSystem fs) {
    this.fs = fs;
    this.raw = fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
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

  /** Puts the fully written {@code temporary} in place of {@code target}. */
  void replace(Path temporary, Path target) throws IOException {
    fs.delete(target, false);
    if (!raw.rename(temporary, target)) {
      fs.delete(target, false); // a concurrent (speculative) copy of the same file got there first
      if (!raw.rename(temporary, target)) {
        throw new IOException("cannot rename " + temporary + " to " + target);
      }
    }
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
