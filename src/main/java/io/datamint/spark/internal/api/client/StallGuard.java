package io.datamint.spark.internal.api.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the wait for a response body. The JDK client's request timeout ends at the response
 * headers; a server that then stops sending would block a reader forever. Every body read goes
 * through a {@link Guarded} stream; one daemon thread per JVM closes any stream whose current read
 * has waited longer than its timeout (time the caller spends between reads, writing to slow storage
 * for instance, does not count), so the blocked read fails with an {@link IOException} (and the
 * request is retried). Guarded streams also check the body against its {@code Content-Length}, so a
 * truncated body is an error, never a short file.
 */
final class StallGuard {

  private static final Set<Guarded> ACTIVE = ConcurrentHashMap.newKeySet();
  private static final ScheduledExecutorService WATCHER =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "datamint-api-stall-guard");
            t.setDaemon(true);
            return t;
          });

  static {
    WATCHER.scheduleWithFixedDelay(StallGuard::sweep, 200, 200, TimeUnit.MILLISECONDS);
  }

  private StallGuard() {}

  /**
   * Wraps a response body: closed after {@code timeoutMillis} without a byte; checked against its
   * length.
   */
  static Guarded guard(InputStream body, long contentLength, long timeoutMillis, String what) {
    Guarded g = new Guarded(body, contentLength, timeoutMillis, what);
    ACTIVE.add(g);
    return g;
  }

  private static void sweep() {
    long now = System.nanoTime();
    for (Guarded g : ACTIVE) {
      long since = g.readingSince;
      if (since != 0 && now - since > TimeUnit.MILLISECONDS.toNanos(g.timeoutMillis)) {
        g.stalled = true;
        ACTIVE.remove(g);
        g.closeQuietly();
      }
    }
  }

  /** A response body under watch. */
  static final class Guarded extends FilterInputStream {

    private final long contentLength;
    private final long timeoutMillis;
    private final String what;

    /**
     * When the current read began, or 0 between reads (a slow consumer is not the server's stall).
     */
    private volatile long readingSince;

    private volatile boolean stalled;
    private long count;

    private Guarded(InputStream in, long contentLength, long timeoutMillis, String what) {
      super(in);
      this.contentLength = contentLength;
      this.timeoutMillis = timeoutMillis;
      this.what = what;
    }

    @Override
    public int read() throws IOException {
      byte[] one = new byte[1];
      int n = read(one, 0, 1);
      return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      int n;
      readingSince = System.nanoTime();
      try {
        n = super.read(b, off, len);
      } catch (IOException e) {
        throw stalled ? stallError() : e;
      } finally {
        readingSince = 0;
      }
      if (stalled) {
        throw stallError();
      }
      if (n > 0) {
        count += n;
        if (contentLength >= 0 && count > contentLength) {
          throw new IOException(
              what + ": the body is longer than its Content-Length " + contentLength);
        }
      } else if (n < 0 && contentLength >= 0 && count < contentLength) {
        throw new IOException(
            what + ": truncated body, " + count + " of " + contentLength + " bytes received");
      }
      return n;
    }

    @Override
    public long skip(long n) throws IOException {
      byte[] buffer = new byte[(int) Math.min(8192, Math.max(n, 1))];
      long skipped = 0;
      while (skipped < n) {
        int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
        if (r < 0) {
          break;
        }
        skipped += r;
      }
      return skipped;
    }

    private IOException stallError() {
      return new IOException(
          what + ": no data for " + timeoutMillis + " ms after " + count + " bytes");
    }

    private void closeQuietly() {
      try {
        super.close();
      } catch (IOException e) {
        // closing only to wake the reader
      }
    }

    @Override
    public void close() throws IOException {
      ACTIVE.remove(this);
      super.close();
    }
  }
}
