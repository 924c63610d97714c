package io.datamint.spark.internal.server;

import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests the server does not implement (an unknown path, a known path with another method, a
 * query parameter an endpoint does not support): each is logged as an ERROR line naming method,
 * path and query, and kept, so that a conformance suite can assert that a client (the Datamint SDK)
 * asked for nothing the server only pretended to answer. Read over HTTP with {@code GET
 * /__datamint-server/unknown-requests} ({@link #PATH}) or from {@link DatamintApiServer}.
 */
public final class UnknownRequests {

  /** The server's own path that answers {@code {"count": N, "requests": ["GET /x?q", ...]}}. */
  public static final String PATH = "/__datamint-server/unknown-requests";

  private static final Logger LOG = LoggerFactory.getLogger(UnknownRequests.class);
  private static final int KEPT = 1000;

  private final List<String> requests = new ArrayList<>();
  private long count;

  UnknownRequests() {}

  /** Logs and keeps one unsupported request; {@code why} says what is not supported. */
  synchronized void record(String method, String pathAndQuery, String why) {
    count++;
    if (requests.size() < KEPT) {
      requests.add(method + " " + pathAndQuery);
    }
    LOG.error("unsupported request {} {}: {}", method, pathAndQuery, why);
  }

  /** How many unsupported requests the server has received. */
  public synchronized long count() {
    return count;
  }

  /** The first 1000 of them, {@code "METHOD /path?query"}, in arrival order. */
  public synchronized List<String> requests() {
    return List.copyOf(requests);
  }

  /** Forgets them. */
  public synchronized void reset() {
    requests.clear();
    count = 0;
  }
}
