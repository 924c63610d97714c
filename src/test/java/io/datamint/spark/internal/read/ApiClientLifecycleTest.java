package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.internal.source.ProjectSource;
import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.internal.source.api.ApiProjectSource;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The JVM's shared API clients are released when reads end: after many reads through distinct
 * settings, the cache, the clients' threads and the open sockets are back where they started; and a
 * reader holds its client for its whole life.
 */
class ApiClientLifecycleTest {

  @TempDir static Path root;
  static SparkSession spark;
  static DatamintApiServer server;
  private Duration saved;

  @BeforeAll
  static void serve() throws IOException {
    spark = SharedSpark.session();
    SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @AfterEach
  void restore() {
    if (saved != null) {
      ApiClients.keepAlive(saved);
    }
  }

  @Test
  void fiftyReadsThroughDistinctSettingsLeaveNoClientThreadOrSocketBehind() throws Exception {
    saved = ApiClients.keepAlive(Duration.ofMillis(200));
    awaitBaseline(0, Long.MAX_VALUE, 0); // earlier tests' clients gone
    int clients = ApiClients.size();
    long threads = clientThreads();
    long sockets = sockets();
    for (int i = 0; i < 50; i++) {
      List<Row> rows =
          spark
              .read()
              .format("datamint")
              .option("server_url", server.url())
              .option("project", SampleProject.NAME)
              .option("api_timeout", (60 + i) + "s")
              .load()
              .select("resource_id", "image")
              .where("resource_id IS NOT NULL")
              .limit(2)
              .collectAsList();
      assertThat(rows).hasSize(2);
      assertThat(rows.get(0).get(1)).isNotNull();
    }
    // while the reads ran, each settings had its client; now every one is released
    awaitBaseline(clients, threads, sockets);
    assertThat(ApiClients.size()).isEqualTo(clients);
    assertThat(clientThreads()).isLessThanOrEqualTo(threads);
    assertThat(sockets()).isLessThanOrEqualTo(sockets + 2);
  }

  @Test
  void aReaderHoldsItsClientBetweenFilesEvenWithNoKeepAlive() throws IOException {
    saved = ApiClients.keepAlive(Duration.ZERO);
    ApiSettings settings = ApiSettings.of(server.url(), null).withMaxAttempts(2);
    ProjectSource source = ApiProjectSource.open(settings, SampleProject.NAME);
    List<Resource> resources = source.resources().subList(0, 4);
    ResourceFileStore files = source.fileStore();
    long before = ApiClients.created();
    try (ResourceFileStore.Retained held = files.retain()) {
      for (Resource r : resources) {
        try (InputStream in = files.openResource(r.id())) {
          assertThat(in.readAllBytes()).isNotEmpty();
        }
        assertThat(ApiClients.contains(settings)).as("open while retained").isTrue();
      }
    }
    assertThat(ApiClients.created() - before).as("one client for all the files").isEqualTo(1);
    assertThat(ApiClients.contains(settings)).as("closed at the last release").isFalse();
    // without retain, each file would have its own client
    for (Resource r : resources) {
      try (InputStream in = files.openResource(r.id())) {
        assertThat(in.readAllBytes()).isNotEmpty();
      }
    }
    assertThat(ApiClients.created() - before).isEqualTo(1 + resources.size());
  }

  /** Waits (collecting garbage: Java 17's HTTP client ends its threads when unreachable). */
  private static void awaitBaseline(int clients, long threads, long sockets)
      throws InterruptedException, IOException {
    long deadline = System.nanoTime() + 30_000_000_000L;
    while (System.nanoTime() < deadline) {
      System.gc();
      if (ApiClients.size() <= clients
          && clientThreads() <= threads
          && (sockets == 0 || sockets() <= sockets)) {
        return;
      }
      Thread.sleep(250);
    }
  }

  /** Threads of API clients: ours and the JDK HTTP client's selector and workers. */
  private static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(Thread::isAlive)
        .map(Thread::getName)
        .filter(n -> n.startsWith("datamint-api-") || n.startsWith("HttpClient-"))
        .filter(
            n -> !n.equals("datamint-api-stall-guard") && !n.equals("datamint-api-client-closer"))
        .count();
  }

  /** The process's open sockets (Linux), or 0 where /proc is missing. */
  private static long sockets() throws IOException {
    Path fds = Paths.get("/proc/self/fd");
    if (!Files.isDirectory(fds)) {
      return 0;
    }
    long n = 0;
    try (Stream<Path> list = Files.list(fds)) {
      for (Path fd : (Iterable<Path>) list::iterator) {
        try {
          if (Files.readSymbolicLink(fd).toString().startsWith("socket:")) {
            n++;
          }
        } catch (IOException e) {
          // closed meanwhile
        }
      }
    }
    return n;
  }
}
