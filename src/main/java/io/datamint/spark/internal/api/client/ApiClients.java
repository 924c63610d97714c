package io.datamint.spark.internal.api.client;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The JVM's clients: one {@link DatamintApiClient} per distinct {@link ApiSettings} (URL, key,
 * limits), shared by every task of an executor and every read of a driver, so connections are
 * pooled and the bound on concurrent requests holds for the whole JVM rather than per row or per
 * task.
 *
 * <p>Shared clients are reference-counted, as mongo-spark's {@code MongoClientCache}: {@link
 * #acquire} hands out a {@link Lease}, and when the last lease of a client is closed the client is
 * closed after a short keep-alive ({@link #DEFAULT_KEEP_ALIVE}), unless someone acquires it again
 * first. So a driver or executor that reads through many settings (other URLs, keys, timeouts) does
 * not keep a connection pool and its threads for each of them for the JVM's life, and back-to-back
 * calls (a snapshot's requests, one reader's files) still reuse one client.
 */
public final class ApiClients {

  /** How long an unused client stays open for the next user. */
  public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(5);

  private static final Object LOCK = new Object();
  private static final Map<String, Entry> CLIENTS = new HashMap<>();
  private static final ScheduledThreadPoolExecutor CLOSER = closer();
  private static volatile Duration keepAlive = DEFAULT_KEEP_ALIVE;
  private static long created;

  private ApiClients() {}

  private static ScheduledThreadPoolExecutor closer() {
    ScheduledThreadPoolExecutor closer =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "datamint-api-client-closer");
              t.setDaemon(true);
              return t;
            });
    closer.setKeepAliveTime(1, TimeUnit.SECONDS);
    closer.allowCoreThreadTimeOut(true); // no thread while nothing waits to be closed
    closer.setRemoveOnCancelPolicy(true);
    return closer;
  }

  /** A use of a shared client; closing it releases the use (idempotent). */
  public static final class Lease implements AutoCloseable {
    private final String identity;
    private final Entry entry;
    private final AtomicBoolean released = new AtomicBoolean();

    private Lease(String identity, Entry entry) {
      this.identity = identity;
      this.entry = entry;
    }

    /** The client; valid until this lease is closed. */
    public DatamintApiClient client() {
      if (released.get()) {
        throw new IllegalStateException("the API client lease was released");
      }
      return entry.client;
    }

    @Override
    public void close() {
      if (released.compareAndSet(false, true)) {
        release(identity, entry);
      }
    }
  }

  private static final class Entry {
    final DatamintApiClient client;
    int users;
    ScheduledFuture<?> closing;

    Entry(DatamintApiClient client) {
      this.client = client;
    }
  }

  /**
   * A use of this JVM's client for {@code settings}, created if there is none; close the lease when
   * done (try-with-resources, or a reader's {@code close}).
   */
  public static Lease acquire(ApiSettings settings) {
    Objects.requireNonNull(settings, "settings");
    String identity = settings.identity();
    synchronized (LOCK) {
      Entry entry = CLIENTS.get(identity);
      if (entry == null) {
        entry = new Entry(DatamintApiClient.create(settings));
        CLIENTS.put(identity, entry);
        created++;
      }
      entry.users++;
      if (entry.closing != null) {
        entry.closing.cancel(false);
        entry.closing = null;
      }
      return new Lease(identity, entry);
    }
  }

  private static void release(String identity, Entry entry) {
    DatamintApiClient closeNow = null;
    synchronized (LOCK) {
      entry.users--;
      if (entry.users > 0) {
        return;
      }
      Duration delay = keepAlive;
      if (delay.isZero()) {
        CLIENTS.remove(identity, entry);
        closeNow = entry.client;
      } else {
        entry.closing =
            CLOSER.schedule(() -> expire(identity, entry), delay.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
    if (closeNow != null) {
      closeNow.close();
    }
  }

  private static void expire(String identity, Entry entry) {
    synchronized (LOCK) {
      if (entry.users > 0 || !CLIENTS.remove(identity, entry)) {
        return; // acquired again meanwhile
      }
    }
    entry.client.close();
  }

  /**
   * Logs the retries of every open client not summarised yet: a driver calls it when its work is
   * done (in local mode its executors' clients are the same JVM's), so a short job's retries are
   * summarised before the JVM ends, not only every interval.
   */
  public static void flushRetryLogs() {
    List<DatamintApiClient> open = new ArrayList<>();
    synchronized (LOCK) {
      CLIENTS.values().forEach(e -> open.add(e.client));
    }
    open.forEach(DatamintApiClient::flushRetryLog);
  }

  /** How many clients are open (in use or within their keep-alive), for tests. */
  public static int size() {
    synchronized (LOCK) {
      return CLIENTS.size();
    }
  }

  /** How many clients this JVM has created so far, for tests. */
  public static long created() {
    synchronized (LOCK) {
      return created;
    }
  }

  /** Whether {@code settings}' client is open (in use or within its keep-alive), for tests. */
  public static boolean contains(ApiSettings settings) {
    synchronized (LOCK) {
      return CLIENTS.containsKey(settings.identity());
    }
  }

  /** How many leases of {@code settings}' client are open, for tests. */
  public static int users(ApiSettings settings) {
    synchronized (LOCK) {
      Entry entry = CLIENTS.get(settings.identity());
      return entry == null ? 0 : entry.users;
    }
  }

  /** Sets the keep-alive of unused clients (tests shorten it); returns the previous one. */
  public static Duration keepAlive(Duration value) {
    if (value.isNegative()) {
      throw new IllegalArgumentException("keep-alive must not be negative: " + value);
    }
    Duration previous = keepAlive;
    keepAlive = value;
    return previous;
  }
}
