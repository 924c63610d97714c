package io.datamint.spark.internal.source.mirror;

import java.io.IOException;
import org.apache.hadoop.fs.ChecksumFileSystem;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Writing mirror files the same way everywhere: through the raw file system (no Hadoop {@code .crc}
 * side files, which would make a later edit of the file by another tool an unreadable mirror), and
 * replacing a file by renaming a fully written temporary one over it.
 */
public final class MirrorReplace {

  private MirrorReplace() {}

  /**
   * The file system to write with: the raw one under a checksummed file system, else {@code fs}
   * itself.
   */
  public static FileSystem writer(FileSystem fs) {
    return fs instanceof ChecksumFileSystem checksummed ? checksummed.getRawFileSystem() : fs;
  }

  /**
   * Puts the fully written {@code temporary} in place of {@code target}. Where rename replaces a
   * file in one step (POSIX file systems), a reader sees the old file or the new one; where it
   * refuses an existing target (HDFS), the target is deleted first, so a reader may briefly find
   * none, never a partial one. A stale checksum side file of the target is removed first (it would
   * not match the new content).
   *
   * @param fs the file system the mirror was opened with (checksummed or not)
   */
  public static void replace(FileSystem fs, Path temporary, Path target) throws IOException {
    FileSystem writer = writer(fs);
    if (fs instanceof ChecksumFileSystem checksummed) {
      writer.delete(checksummed.getChecksumFile(target), false);
    }
    if (writer.rename(temporary, target)) {
      return;
    }
    fs.delete(target, false);
    if (!writer.rename(temporary, target)) {
      throw new IOException("cannot rename " + temporary + " to " + target);
    }
  }
}
