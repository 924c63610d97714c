package io.datamint.spark.internal.prefetch;

import io.datamint.spark.error.SourceException;
import io.datamint.spark.internal.api.client.BodyReader;
import io.datamint.spark.internal.api.client.DatamintApiClient;
import io.datamint.spark.prefetch.PrefetchFileResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;

/**
 * Mirrors one file on an executor. A file whose data is in place with the length and SDK version
 * its record says is skipped. Otherwise its old record and data are removed (so that a failure
 * leaves the file absent, never stale), the body is streamed to a hidden temporary file beside the
 * target (written from scratch on each attempt of the client), its size is checked (a resource
 * against its {@code size}, before the body when the {@code Content-Length} already disagrees; a
 * mask against its {@code Content-Length}), the temporary file is renamed into place, and the
 * version record is written last. Never throws for one file: every failure becomes a {@code failed}
 * result, and its temporary file is removed.
 */
final class FileDownloader {

  private static final int BUFFER = 1 << 16;

  private final OutputFs fs;
  private final Path mirror;
  private final DatamintApiClient client;
  private final Semaphore slots;

  /**
   * @param slots the executor's download slots; one is held for each download
   */
  FileDownloader(OutputFs fs, Path mirror, DatamintApiClient client, Semaphore slots) {
    this.fs = fs;
    this.mirror = mirror;
    this.client = client;
    this.slots = slots;
  }

  /** Mirrors the file of {@code task}. */
  PrefetchFileResult fetch(PrefetchTask task) {
    long start = System.nanoTime();
    AtomicLong received = new AtomicLong();
    Path temporary = null;
    try {
      Path target =
          PrefetchLayout.dataFile(mirror, task); // refuses an id that is not a plain file name
      Path record = PrefetchLayout.recordFile(mirror, task);
      FileStatus present = fs.status(target);
      if (present != null && present.isFile()) {
        VersionRecord recorded = VersionRecord.read(fs, record);
        if (recorded != null && recorded.matches(task, present.getLen())) {
          return result(task, PrefetchFileResult.Status.SKIPPED, present.getLen(), null, start);
        }
      }
      fs.delete(record);
      if (present != null) {
        fs.delete(target);
      }
      temporary = PrefetchLayout.temporary(target);
      long bytes = download(task, temporary, received);
      fs.replace(temporary, target);
      VersionRecord.write(fs, record, task, bytes);
      return result(task, PrefetchFileResult.Status.DOWNLOADED, bytes, null, start);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return result(task, PrefetchFileResult.Status.FAILED, received.get(), "interrupted", start);
    } catch (IOException | RuntimeException e) {
      return result(task, PrefetchFileResult.Status.FAILED, received.get(), message(e), start);
    } finally {
      if (temporary != null) {
        fs.deleteQuietly(temporary);
      }
    }
  }

  private long download(PrefetchTask task, Path temporary, AtomicLong received)
      throws InterruptedException, IOException {
    BodyReader<Long> writer =
        (body, contentLength) -> write(task, temporary, body, contentLength, received);
    slots.acquire();
    long bytes;
    try {
      bytes =
          task.kind() == PrefetchFileResult.Kind.RESOURCE
              ? client.downloadResource(task.resourceId(), writer)
              : client.downloadAnnotation(task.resourceId(), task.annotationId(), writer);
    } finally {
      slots.release();
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new InterruptedIOException("interrupted");
    }
    return bytes;
  }

  /**
   * One attempt: the whole body into a fresh temporary file; the size checks that retrying cannot
   * fix.
   */
  private long write(
      PrefetchTask task, Path temporary, InputStream body, long contentLength, AtomicLong received)
      throws IOException {
    received.set(0);
    Long expected = task.expectedSize();
    if (expected != null && contentLength >= 0 && contentLength != expected) {
      throw new SizeMismatch(task, expected, contentLength, "announced (Content-Length)");
    }
    long count = 0;
    OutputStream out;
    try {
      out = fs.create(temporary);
    } catch (IOException e) {
      throw new OutputFailure(temporary, e);
    }
    boolean written = false;
    try {
      byte[] buffer = new byte[BUFFER];
      int n;
      while ((n = body.read(buffer))
          > 0) { // an IOException from the body is the download's: retried
        try {
          out.write(buffer, 0, n);
        } catch (IOException e) {
          throw new OutputFailure(temporary, e);
        }
        count += n;
        received.set(count);
      }
      written = true;
    } finally {
      if (!written) {
        closeQuietly(out);
      }
    }
    try {
      out.close();
    } catch (IOException e) {
      throw new OutputFailure(temporary, e);
    }
    if (expected != null && count != expected) {
      throw new SizeMismatch(task, expected, count, "received");
    }
    if (contentLength >= 0 && count != contentLength) {
      throw new IOException(
          "received " + count + " bytes where Content-Length said " + contentLength);
    }
    return count;
  }

  private static PrefetchFileResult result(
      PrefetchTask task, PrefetchFileResult.Status status, long bytes, String error, long start) {
    return new PrefetchFileResult(
        task.kind(),
        task.resourceId(),
        task.annotationId(),
        PrefetchLayout.relativePath(task),
        status,
        bytes,
        error,
        (System.nanoTime() - start) / 1_000_000);
  }

  private static String message(Throwable e) {
    String m = e.getMessage();
    return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
  }

  private static void closeQuietly(OutputStream out) {
    try {
      out.close();
    } catch (IOException e) {
      // the attempt failed already; its temporary file is deleted
    }
  }

  /**
   * Writing the mirror failed (disk full, a quota, permissions): not retried as a download failure
   * would be, and reported as a write error, not blamed on the server.
   */
  static final class OutputFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    OutputFailure(Path file, IOException cause) {
      super(
          "cannot write "
              + file
              + ": "
              + (cause.getMessage() == null
                  ? cause.getClass().getSimpleName()
                  : cause.getMessage()),
          cause);
    }
  }

  /**
   * The file's size is not the one expected; not retried (the server would send the same bytes
   * again).
   */
  static final class SizeMismatch extends SourceException {
    private static final long serialVersionUID = 1L;

    SizeMismatch(PrefetchTask task, long expected, long actual, String how) {
      super(
          "size mismatch: expected "
              + expected
              + " bytes (the resource's size), "
              + actual
              + " bytes "
              + how
              + "; the file was not kept");
    }
  }
}
