package io.datamint.spark.internal.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the server received, per method and raw path ({@code "POST /annotations/search"}): requests,
 * and the request body bytes it read (total and largest). For tests and benchmarks that count a
 * client's requests.
 */
public final class RequestStats {

  private final Map<String, long[]> byRoute = new ConcurrentHashMap<>();
  private final AtomicLong total = new AtomicLong();

  RequestStats() {}

  void request(String method, String path) {
    total.incrementAndGet();
    long[] s = byRoute.computeIfAbsent(method + " " + path, k -> new long[3]);
    synchronized (s) {
      s[0]++;
    }
  }

  void body(String method, String path, long bytes) {
    long[] s = byRoute.computeIfAbsent(method + " " + path, k -> new long[3]);
    synchronized (s) {
      s[1] += bytes;
      s[2] = Math.max(s[2], bytes);
    }
  }

  private long get(String route, int i) {
    long[] s = byRoute.get(route);
    if (s == null) {
      return 0;
    }
    synchronized (s) {
      return s[i];
    }
  }

  /** Requests to {@code route} ({@code "METHOD /raw/path"}). */
  public long requests(String route) {
    return get(route, 0);
  }

  /** Request body bytes read for {@code route}, in all. */
  public long bodyBytes(String route) {
    return get(route, 1);
  }

  /** The largest request body read for {@code route}. */
  public long maxBodyBytes(String route) {
    return get(route, 2);
  }

  /** Requests to any route. */
  public long requests() {
    return total.get();
  }

  /** Forgets everything counted so far. */
  public void reset() {
    byRoute.clear();
    total.set(0);
  }
}
