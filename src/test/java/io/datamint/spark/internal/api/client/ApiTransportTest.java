package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The transport against small purpose-built HTTP servers: the headers it sends, a body that stalls,
 * and the bound on requests in flight.
 */
class ApiTransportTest {

  private HttpServer server;

  private String serve(HttpHandler handler) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.setExecutor(Executors.newFixedThreadPool(16));
    server.createContext("/", handler);
    server.start();
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  @AfterEach
  void stop() {
    if (server != null) {
      server.stop(0);
    }
  }

  private static ApiTransport transport(
      String url, String key, Duration timeout, int attempts, int concurrent) {
    return new ApiTransport(
        new ApiSettings(url, key, Duration.ofSeconds(5), timeout, attempts, concurrent),
        new RetryPolicy(attempts),
        ms -> {});
  }

  private static void answer(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Test
  void sendsTheKeyInBothHeadersAndEncodesPathSegments() throws IOException {
    Map<String, String> seen = new ConcurrentHashMap<>();
    String url =
        serve(
            exchange -> {
              seen.put("apikey", exchange.getRequestHeaders().getFirst("apikey"));
              seen.put("authorization", exchange.getRequestHeaders().getFirst("Authorization"));
              seen.put("path", exchange.getRequestURI().getRawPath());
              seen.put("query", exchange.getRequestURI().getRawQuery());
              answer(exchange, 200, "{\"data\": []}");
            });
    transport(url, "k-123", Duration.ofSeconds(5), 1, 2)
        .json(
            ApiCall.getJson("projects", "a b/c")
                .with("as_of_timestamp", "2026-01-01T00:00:00+01:00"));
    assertThat(seen)
        .containsEntry("apikey", "k-123")
        .containsEntry("authorization", "Bearer k-123")
        .containsEntry("path", "/projects/a%20b%2Fc")
        .containsEntry("query", "as_of_timestamp=2026-01-01T00%3A00%3A00%2B01%3A00");
  }

  @Test
  void redirectsKeepTheKeyOnTheApisOriginAndDropItElsewhere() throws IOException {
    Map<String, String> storage = new ConcurrentHashMap<>();
    HttpServer other =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
    other.createContext(
        "/",
        exchange -> {
          storage.put("apikey", String.valueOf(exchange.getRequestHeaders().getFirst("apikey")));
          storage.put(
              "authorization",
              String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
          answer(exchange, 200, "file bytes");
        });
    other.start();
    Map<String, String> api = new ConcurrentHashMap<>();
    try {
      String otherUrl = "http://127.0.0.1:" + other.getAddress().getPort();
      String url =
          serve(
              exchange -> {
                String path = exchange.getRequestURI().getPath();
                api.put(path, String.valueOf(exchange.getRequestHeaders().getFirst("apikey")));
                if (path.equals("/resources/r/file")) {
                  exchange.getResponseHeaders().set("Location", "/moved/r"); // same origin
                  exchange.sendResponseHeaders(307, -1);
                  exchange.close();
                } else if (path.equals("/moved/r")) {
                  exchange
                      .getResponseHeaders()
                      .set("Location", otherUrl + "/bucket/r?signature=abc"); // elsewhere
                  exchange.sendResponseHeaders(302, -1);
                  exchange.close();
                } else {
                  answer(exchange, 404, "{\"error\": \"not found\"}");
                }
              });
      byte[] body =
          transport(url, "k-789", Duration.ofSeconds(5), 1, 2)
              .send(ApiCall.getFile("resources", "r", "file"), BodyReaders.bytes(1 << 20, "r"));
      assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("file bytes");
      assertThat(api)
          .containsEntry("/resources/r/file", "k-789")
          .containsEntry("/moved/r", "k-789");
      assertThat(storage).containsEntry("apikey", "null").containsEntry("authorization", "null");
    } finally {
      other.stop(0);
    }
  }

  @Test
  void aBodyThatStallsFailsAfterTheTimeoutInsteadOfHanging() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    String url =
        serve(
            exchange -> {
              requests.incrementAndGet();
              exchange.sendResponseHeaders(200, 1000);
              OutputStream out = exchange.getResponseBody();
              out.write(new byte[10]);
              out.flush();
              try {
                Thread.sleep(10_000);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              exchange.close();
            });
    ApiTransport transport = transport(url, null, Duration.ofMillis(500), 2, 2);
    assertThatThrownBy(
            () ->
                transport.send(
                    ApiCall.getFile("resources", "r", "file"), BodyReaders.bytes(1 << 20, "r")))
        .isInstanceOfSatisfying(
            DatamintApiException.class,
            e -> assertThat(e.kind()).isEqualTo(DatamintApiException.Kind.TRANSPORT))
        .hasMessageContaining("no data for 500 ms after 10 bytes")
        .hasMessageContaining("(after 2 attempts)");
    assertThat(requests).hasValue(2);
  }

  @Test
  void malformedJsonIsAClearErrorAndNotRetried() throws IOException {
    AtomicInteger requests = new AtomicInteger();
    String url =
        serve(
            exchange -> {
              requests.incrementAndGet();
              answer(exchange, 200, "{\"data\": [1, 2");
            });
    assertThatThrownBy(
            () ->
                transport(url, null, Duration.ofSeconds(5), 4, 2).json(ApiCall.getJson("projects")))
        .hasMessageContaining("GET /projects answered with malformed JSON");
    assertThat(requests).hasValue(1);
  }

  @Test
  void boundsTheRequestsInFlight() throws Exception {
    AtomicInteger inFlight = new AtomicInteger();
    AtomicInteger peak = new AtomicInteger();
    String url =
        serve(
            exchange -> {
              int now = inFlight.incrementAndGet();
              peak.accumulateAndGet(now, Math::max);
              try {
                Thread.sleep(100);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              inFlight.decrementAndGet();
              answer(exchange, 200, "[]");
            });
    ApiTransport transport = transport(url, null, Duration.ofSeconds(5), 1, 3);
    ExecutorService callers = Executors.newFixedThreadPool(12);
    List<Future<?>> calls = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      calls.add(callers.submit(() -> transport.json(ApiCall.getJson("projects"))));
    }
    for (Future<?> call : calls) {
      call.get(30, TimeUnit.SECONDS);
    }
    callers.shutdown();
    assertThat(peak.get()).isEqualTo(3);
    assertThat(transport.inFlight()).isZero();
  }
}
