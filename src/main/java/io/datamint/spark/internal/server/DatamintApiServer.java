package io.datamint.spark.internal.server;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running local Datamint REST API server over a mirror root, bound to 127.0.0.1. The mirror's
 * metadata is read once at start; files are read per request; split re-assignments are written to
 * the mirror's {@code splits.jsonl} and served from then on. Endpoints (no {@code /api/v1} prefix,
 * as the SDK):
 *
 * <ul>
 *   <li>{@code GET /projects} ({@code offset}, {@code limit}) &rarr; {@code {"data":
 *       [project...]}};
 *   <li>{@code GET /projects/{id}} &rarr; the project; {@code GET /projects/{id}/resources}
 *       (optional {@code offset}, {@code limit}) &rarr; a bare list;
 *   <li>{@code GET /datasets} ({@code offset}, {@code limit}) &rarr; {@code {"data":
 *       [DatasetInfo...]}}, the legacy v2.17 {@code DatamintDataset}'s version check ({@link
 *       DatasetEndpoints});
 *   <li>{@code POST /annotations/search} (JSON body: {@code resource_ids} or {@code resource_id},
 *       {@code annotation_worklist_id}, {@code status}, {@code load_ai_segmentations}, {@code
 *       offset}, {@code limit} as strings) &rarr; a bare list page;
 *   <li>{@code GET /projects/{id}/worklists}, {@code GET /annotationsets/{worklist_id}}, {@code GET
 *       /annotationsets/{worklist_id}/segmentation-group} &rarr; {@code {"groups": ...}};
 *   <li>{@code GET /resources} (filters {@code status}, {@code project} and {@code tags} as the
 *       SDK's JSON strings, {@code filename}, {@code modality}, {@code mimetype}; {@code offset},
 *       {@code limit}) &rarr; {@code {"data": [{"resources": [...]}], "totalCount": N}};
 *   <li>{@code GET /resources/{id}}, {@code GET /resources/{id}/file} (with {@code Range}), {@code
 *       GET /annotations/{id}}, {@code GET
 *       /annotations/{resource_id}/annotations/{annotation_id}/file};
 *   <li>{@code GET /projects/{id}/splits} ({@code split_name}, {@code as_of_timestamp});
 *   <li>{@code POST /projects/{id}/splits} (JSON body {@code {"resource_ids": [...], "split_name":
 *       "train"}}) re-assigns those resources: their current rows get a {@code deleted_at}, new
 *       rows are appended to {@code splits.jsonl} &rarr; 201 with the new rows.
 * </ul>
 *
 * <p>Errors are {@code {"error": message}}: 401 "API key rejected", 404 "not found: ..." for
 * unknown paths and ids, 422 for a bad body or parameter, 400 for a query parameter the server does
 * not apply. Every request it does not implement is logged as an ERROR and kept ({@link
 * #unknownRequests()}, {@code GET /__datamint-server/unknown-requests}, which needs the API key
 * when the server has one). Faults come from a {@link FaultPlan}. Requests run on a pool of up to
 * 32 threads, so slow answers overlap.
 */
public final class DatamintApiServer implements AutoCloseable {

  private static final int THREADS = 32;

  private final HttpServer server;
  private final ExecutorService executor;
  private final int projectCount;
  private final RequestStats stats;
  private final UnknownRequests unknown;

  private DatamintApiServer(
      HttpServer server,
      ExecutorService executor,
      int projectCount,
      RequestStats stats,
      UnknownRequests unknown) {
    this.stats = stats;
    this.unknown = unknown;
    this.server = server;
    this.executor = executor;
    this.projectCount = projectCount;
  }

  /**
   * Reads the mirror root and starts serving it.
   *
   * @param root a mirror root (one directory per project) or a single project mirror
   * @param port the port on 127.0.0.1, or 0 for a free one
   * @param apiKey the key every request must carry, or empty to accept any key (or none)
   * @param faults the faults to inject ({@link FaultPlan#NONE} for none)
   * @throws IllegalArgumentException when the root holds no readable project mirror
   * @throws IOException when the port cannot be bound
   */
  public static DatamintApiServer start(
      Path root, int port, Optional<String> apiKey, FaultPlan faults) throws IOException {
    return start(root, port, apiKey, faults, Clock.systemUTC());
  }

  /**
   * {@link #start(Path, int, Optional, FaultPlan)} with the clock whose instant a split assignment
   * ({@code POST /projects/{id}/splits}) records; tests pass a fixed one.
   */
  public static DatamintApiServer start(
      Path root, int port, Optional<String> apiKey, FaultPlan faults, Clock clock)
      throws IOException {
    Objects.requireNonNull(apiKey, "apiKey");
    Objects.requireNonNull(clock, "clock");
    MirrorIndex index = MirrorIndex.load(root);
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    ExecutorService executor = Executors.newFixedThreadPool(THREADS, daemonThreads());
    server.setExecutor(executor);
    RequestStats stats = new RequestStats();
    UnknownRequests unknown = new UnknownRequests();
    server.createContext(
        "/",
        new ApiRouter(
            index, new ApiAuth(apiKey), new FaultInjector(faults), clock, stats, unknown));
    server.start();
    return new DatamintApiServer(server, executor, index.projects().size(), stats, unknown);
  }

  private static ThreadFactory daemonThreads() {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, "datamint-server-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The base URL, {@code http://127.0.0.1:PORT} (no trailing slash). */
  public String url() {
    return "http://127.0.0.1:" + port();
  }

  /** What this server has received so far (requests and request body bytes per route). */
  public RequestStats stats() {
    return stats;
  }

  /** The requests this server does not implement that it has received (logged as ERROR). */
  public UnknownRequests unknownRequests() {
    return unknown;
  }

  /** How many projects the mirror root holds. */
  public int projectCount() {
    return projectCount;
  }

  /** Stops accepting requests and closes the server; idempotent. */
  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
