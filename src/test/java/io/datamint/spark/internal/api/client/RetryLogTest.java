package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the transport logs under retries: the number of lines at INFO and above does not grow with
 * the number of retries (a first line, summaries by cause and endpoint, one WARN per request that
 * finally fails), and no line shows the API key; each task's counters see its own traffic.
 */
class RetryLogTest {

  private static final String KEY = "secret-key-42";

  private HttpServer server;
  private final AtomicInteger served = new AtomicInteger();
  private final List<LogEvent> lines = new CopyOnWriteArrayList<>();
  private final Logger logger = (Logger) LogManager.getLogger(RetryLog.class.getName());
  private Level previousLevel;
  private final AbstractAppender appender =
      new AbstractAppender("retry-log", null, null, true, Property.EMPTY_ARRAY) {
        @Override
        public void append(LogEvent event) {
          lines.add(event.toImmutable());
        }
      };

  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
    server.createContext(
        "/",
        exchange -> {
          // every other request of /flaky fails with 500, every request of /busy is throttled
          int n = served.incrementAndGet();
          boolean busy = exchange.getRequestURI().getPath().startsWith("/resources/busy");
          int status = busy ? 429 : n % 2 == 0 ? 500 : 200;
          byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
          if (status == 429) {
            exchange.getResponseHeaders().set("Retry-After", "0");
          }
          exchange.sendResponseHeaders(status, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    server.start();
    previousLevel = logger.getLevel();
    logger.setLevel(Level.DEBUG);
    appender.start();
    logger.addAppender(appender);
  }

  @AfterEach
  void stop() {
    logger.removeAppender(appender);
    appender.stop();
    logger.setLevel(previousLevel);
    server.stop(0);
  }

  private ApiTransport transport(int attempts) {
    return new ApiTransport(
        new ApiSettings(
            "http://127.0.0.1:" + server.getAddress().getPort(),
            KEY,
            Duration.ofSeconds(5),
            Duration.ofSeconds(5),
            attempts,
            2),
        new RetryPolicy(attempts),
        ms -> {});
  }

  /** The lines a user sees by default (INFO and above) for {@code calls} throttled calls. */
  private List<String> visibleLinesOf(int attempts, int calls) {
    lines.clear();
    ApiTransport transport = transport(attempts);
    for (int i = 0; i < calls; i++) {
      ApiCall call = ApiCall.getFile("resources", "busy-" + i, "file");
      assertThatThrownBy(() -> transport.json(call))
          .isInstanceOf(DatamintApiException.class)
          .hasMessageContaining("429")
          .hasMessageContaining("after " + attempts + " attempts");
    }
    transport.close();
    return lines.stream()
        .filter(e -> e.getLevel().isMoreSpecificThan(Level.INFO))
        .map(e -> e.getLevel() + " " + e.getMessage().getFormattedMessage())
        .toList();
  }

  @Test
  void theLinesDoNotGrowWithTheRetries() {
    List<String> few = visibleLinesOf(3, 4);
    List<String> many = visibleLinesOf(40, 4);
    assertThat(lines.stream().filter(e -> e.getLevel() == Level.DEBUG)).hasSize(4 * 39);
    assertThat(many).hasSameSizeAs(few).hasSize(1 + 4 + 1);
    assertThat(many.get(0))
        .startsWith("INFO GET /resources/{id}/file failed (429); retrying in 0 ms")
        .contains("summarised every 30 s");
    assertThat(many.stream().filter(l -> l.startsWith("WARN")))
        .hasSize(4)
        .allMatch(
            l ->
                l.matches(
                    "WARN GET /resources/busy-\\d/file on http://127.0.0.1:\\d+ answered 429.*"))
        .allMatch(l -> l.endsWith(" (gave up after 40 attempts)"));
    assertThat(many.get(many.size() - 1))
        .startsWith("INFO API retries in the last ")
        .endsWith(": " + (4 * 39 - 1) + " x 429 on GET /resources/{id}/file");
    assertThat(String.join("\n", many)).doesNotContain(KEY);
    assertThat(many.stream().filter(l -> l.startsWith("INFO"))).noneMatch(l -> l.contains("busy-"));
  }

  @Test
  void eachTaskCountsItsOwnTraffic() {
    ApiTransport transport = transport(4);
    ApiCallStats task = new ApiCallStats();
    ApiCallStats other = new ApiCallStats();
    try (ApiCallStats.Binding binding = task.bind()) {
      for (int i = 0; i < 3; i++) {
        transport.send(ApiCall.getFile("resources", "r" + i, "file"), (body, n) -> n);
      }
      assertThatThrownBy(() -> transport.json(ApiCall.getJson("resources", "busy")))
          .isInstanceOf(DatamintApiException.class);
      try (ApiCallStats.Binding inner = other.bind()) {
        transport.json(ApiCall.getJson("projects"));
      }
    }
    transport.json(ApiCall.getJson("projects")); // bound to no counters: not counted
    transport.close();
    assertThat(task.filesFetched()).isEqualTo(3);
    assertThat(task.throttled()).isEqualTo(4);
    assertThat(task.failedCalls()).isEqualTo(1);
    assertThat(task.requests()).isEqualTo(3 + task.serverErrors() + 4);
    assertThat(task.retries()).isEqualTo(task.serverErrors() + 3);
    assertThat(other.requests()).isEqualTo(1 + other.serverErrors());
    assertThat(other.filesFetched()).isZero();
  }
}
