package io.datamint.spark.internal.prefetch;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A forwarding proxy in front of an API server that counts the file downloads in flight through it,
 * and the most seen at once.
 */
final class CountingProxy implements AutoCloseable {

  private final HttpServer server;
  private final ExecutorService pool = Executors.newFixedThreadPool(32);
  private final HttpClient client =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();
  private final AtomicInteger downloads = new AtomicInteger();

  CountingProxy(String backend) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(pool);
    server.createContext(
        "/",
        exchange -> {
          boolean file = exchange.getRequestURI().getRawPath().endsWith("/file");
          if (file) {
            downloads.incrementAndGet();
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
          }
          try {
            byte[] body = exchange.getRequestBody().readAllBytes();
            HttpRequest.Builder request =
                HttpRequest.newBuilder(URI.create(backend + exchange.getRequestURI()))
                    .method(
                        exchange.getRequestMethod(),
                        body.length == 0
                            ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofByteArray(body));
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (type != null) {
              request.header("Content-Type", type);
            }
            HttpResponse<byte[]> response =
                client.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            response
                .headers()
                .firstValue("Content-Type")
                .ifPresent(t -> exchange.getResponseHeaders().add("Content-Type", t));
            exchange.sendResponseHeaders(
                response.statusCode(), response.body().length == 0 ? -1 : response.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(response.body());
            }
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            exchange.sendResponseHeaders(500, -1);
          } finally {
            if (file) {
              inFlight.decrementAndGet();
            }
            exchange.close();
          }
        });
    server.start();
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** The most file downloads in flight at once so far. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  /** Forgets the counts so far. */
  void reset() {
    maxInFlight.set(0);
    downloads.set(0);
  }

  int downloads() {
    return downloads.get();
  }

  @Override
  public void close() {
    server.stop(0);
    pool.shutdownNow();
  }
}
