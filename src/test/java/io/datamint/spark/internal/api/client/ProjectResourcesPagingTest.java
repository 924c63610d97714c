package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpServer;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /projects/{id}/resources} read page by page as the SDK pages GET listings: {@code
 * offset}/{@code limit} query parameters, a short page ends the listing, each page parsed as it
 * streams in; the SDK's envelopes; servers that ignore the paging parameters.
 */
class ProjectResourcesPagingTest {

  @TempDir static Path root;
  static SampleProject.Summary sample;
  static String emptyProjectId;
  static DatamintApiServer server;

  @BeforeAll
  static void serve() throws IOException {
    sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    Path empty = root.resolve("empty");
    Files.createDirectories(empty);
    emptyProjectId = "00000000-0000-4000-8000-00000000e001";
    Files.writeString(
        empty.resolve("project.json"),
        "{\"id\": \"" + emptyProjectId + "\", \"name\": \"empty\"}",
        StandardCharsets.UTF_8);
    Files.writeString(empty.resolve("worklists.json"), "[]", StandardCharsets.UTF_8);
    for (String f : new String[] {"resources.jsonl", "annotations.jsonl", "splits.jsonl"}) {
      Files.writeString(empty.resolve(f), "", StandardCharsets.UTF_8);
    }
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static DatamintApiClient client(String url, int pageSize) {
    ApiSettings settings =
        new ApiSettings(url, "k", Duration.ofSeconds(5), Duration.ofSeconds(10), 1, 4);
    return new DatamintApiClient(new ApiTransport(settings, new RetryPolicy(1), w -> {}), pageSize);
  }

  private static List<JsonNode> mirrorResources() throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(sample.dir().resolve("resources.jsonl"))) {
      if (!line.isBlank()) {
        out.add(Json.MAPPER.readTree(line));
      }
    }
    return out;
  }

  /** The resources through a client of this page size, and the requests it took. */
  private static long requestsFor(String projectId, int pageSize, List<JsonNode> expected) {
    server.stats().reset();
    assertThat(client(server.url(), pageSize).projectResources(projectId)).isEqualTo(expected);
    return server.stats().requests("GET /projects/" + projectId + "/resources");
  }

  @Test
  void pagesUntilAShortPageWithOneRequestPerPage() throws IOException {
    List<JsonNode> all = mirrorResources();
    int n = all.size();
    assertThat(n).isEqualTo(sample.resources()).isGreaterThan(4);
    String id = sample.projectId();
    // pages of 4: full pages then one short page, which ends the listing
    assertThat(requestsFor(id, 4, all)).isEqualTo((n + 3) / 4);
    // an exact multiple of the page size: the empty page after the last full one ends it
    assertThat(requestsFor(id, n, all)).isEqualTo(2);
    assertThat(requestsFor(id, 1, all)).isEqualTo(n + 1);
    // one page larger than the project
    assertThat(requestsFor(id, n + 1, all)).isEqualTo(1);
    assertThat(requestsFor(id, DatamintApiClient.PAGE_SIZE, all)).isEqualTo(1);
  }

  @Test
  void anEmptyProjectIsOneRequest() {
    assertThat(requestsFor(emptyProjectId, DatamintApiClient.PAGE_SIZE, List.of())).isEqualTo(1);
  }

  @Test
  void theParserSeesEachResourceOnceWithItsIndexInTheWholeListing() throws IOException {
    List<JsonNode> all = mirrorResources();
    List<String> seen =
        client(server.url(), 4)
            .projectResources(
                sample.projectId(), (item, index) -> index + ":" + Json.text(item, "id"));
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < all.size(); i++) {
      expected.add(i + ":" + Json.text(all.get(i), "id"));
    }
    assertThat(seen).isEqualTo(expected);
  }

  /** A stub server answering the resources path with {@code answer(query)}, recording queries. */
  private static final class Stub implements AutoCloseable {
    final List<String> queries = new CopyOnWriteArrayList<>();
    final HttpServer http;

    Stub(Function<String, String> answer) throws IOException {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 8);
      http.createContext(
          "/projects/p1/resources",
          exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            queries.add(query == null ? "" : query);
            byte[] body = answer.apply(query == null ? "" : query).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
              out.write(body);
            }
          });
      http.start();
    }

    String url() {
      return "http://127.0.0.1:" + http.getAddress().getPort();
    }

    @Override
    public void close() {
      http.stop(0);
    }
  }

  private static int param(String query, String name) {
    for (String pair : query.split("&")) {
      if (pair.startsWith(name + "=")) {
        return Integer.parseInt(pair.substring(name.length() + 1));
      }
    }
    return -1;
  }

  private static ArrayNode resources(int from, int to) {
    ArrayNode list = Json.MAPPER.createArrayNode();
    for (int i = from; i < to; i++) {
      list.addObject().put("id", "r" + i).put("filename", "f" + i + ".png");
    }
    return list;
  }

  /** A server that pages correctly over {@code n} resources, each page in {@code envelope}. */
  private static Function<String, String> paging(int n, Function<ArrayNode, String> envelope) {
    return query -> {
      int offset = Math.min(param(query, "offset"), n);
      int limit = param(query, "limit");
      return envelope.apply(resources(offset, Math.min(n, offset + limit)));
    };
  }

  private static List<String> ids(List<JsonNode> resources) {
    return resources.stream().map(r -> Json.text(r, "id")).toList();
  }

  private static List<String> ids(int n) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      out.add("r" + i);
    }
    return out;
  }

  @Test
  void sendsTheSdksOffsetAndLimitOfFiveThousand() throws IOException {
    try (Stub stub = new Stub(paging(12_000, ArrayNode::toString))) {
      List<JsonNode> got = client(stub.url(), DatamintApiClient.PAGE_SIZE).projectResources("p1");
      assertThat(ids(got)).isEqualTo(ids(12_000));
      assertThat(stub.queries)
          .containsExactly(
              "offset=0&limit=5000", "offset=5000&limit=5000", "offset=10000&limit=5000");
    }
  }

  @Test
  void readsEveryEnvelopeTheSdkAccepts() throws IOException {
    List<Function<ArrayNode, String>> envelopes =
        List.of(
            ArrayNode::toString,
            page -> "{\"data\": " + page + "}",
            page -> "{\"totalCount\": 9, \"items\": " + page + "}",
            page -> "{\"data\": [{\"resources\": " + page + "}], \"totalCount\": 9}",
            page -> "{\"totalCount\": 9, \"data\": [{\"resources\": " + page + "}]}");
    for (Function<ArrayNode, String> envelope : envelopes) {
      try (Stub stub = new Stub(paging(9, envelope))) {
        assertThat(ids(client(stub.url(), 4).projectResources("p1"))).isEqualTo(ids(9));
        assertThat(stub.queries).hasSize(3);
      }
    }
    // without totalCount a one-element data list is the item itself, as the SDK reads it
    try (Stub stub = new Stub(q -> "{\"data\": [{\"id\": \"x\", \"resources\": []}]}")) {
      assertThat(ids(client(stub.url(), 4).projectResources("p1"))).containsExactly("x");
    }
    try (Stub stub = new Stub(q -> "{\"error\": \"nope\"}")) {
      assertThatThrownBy(() -> client(stub.url(), 4).projectResources("p1"))
          .isInstanceOf(DatamintApiException.class)
          .hasMessageContaining("GET /projects/p1/resources answered with a JSON object");
    }
    try (Stub stub = new Stub(q -> "[{\"id\": \"x\"}, ")) {
      assertThatThrownBy(() -> client(stub.url(), 4).projectResources("p1"))
          .isInstanceOf(DatamintApiException.class)
          .hasMessageContaining("malformed JSON");
      assertThat(stub.queries).hasSize(1); // not retried
    }
  }

  @Test
  void aServerThatIgnoresPagingIsReadOnceNotInALoop() throws IOException {
    // more resources than a page: the long first page is the whole listing
    try (Stub stub = new Stub(q -> resources(0, 10).toString())) {
      assertThat(ids(client(stub.url(), 4).projectResources("p1"))).isEqualTo(ids(10));
      assertThat(stub.queries).hasSize(1);
    }
    // exactly a page: the second page repeats the first and ends the listing
    try (Stub stub = new Stub(q -> resources(0, 4).toString())) {
      assertThat(ids(client(stub.url(), 4).projectResources("p1"))).isEqualTo(ids(4));
      assertThat(stub.queries).hasSize(2);
    }
    // a server that honours limit on the first page only cannot be read in order
    try (Stub stub =
        new Stub(
            q ->
                param(q, "offset") == 0
                    ? resources(0, 4).toString()
                    : resources(4, 10).toString())) {
      assertThatThrownBy(() -> client(stub.url(), 4).projectResources("p1"))
          .isInstanceOf(DatamintApiException.class)
          .hasMessageContaining("6 resources at offset 4, more than the limit of 4");
    }
  }
}
