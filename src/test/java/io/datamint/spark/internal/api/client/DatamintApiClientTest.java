package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.api.model.Worklist;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The client against the local Datamint API server over the sample project: every read endpoint,
 * and faults.
 */
class DatamintApiClientTest {

  private static final String KEY = "dm-test-key-7f3a";

  @TempDir static Path root;
  static SampleProject.Summary sample;
  static DatamintApiServer server;

  @BeforeAll
  static void serve() throws IOException {
    sample = SampleProject.write(root.resolve("sample"), SampleProject.DEFAULT_SEED);
    server = DatamintApiServer.start(root, 0, Optional.of(KEY), FaultPlan.NONE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /**
   * A client with its own transport (not the JVM's shared one), a small page size and recorded
   * waits.
   */
  private static DatamintApiClient client(
      DatamintApiServer on, String key, int attempts, List<Long> waits) {
    ApiSettings settings =
        new ApiSettings(on.url(), key, Duration.ofSeconds(5), Duration.ofSeconds(10), attempts, 4);
    return new DatamintApiClient(
        new ApiTransport(settings, new RetryPolicy(attempts), waits::add), 4);
  }

  private static DatamintApiClient client() {
    return client(server, KEY, 1, new ArrayList<>());
  }

  private static List<JsonNode> lines(String file) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    for (String line : Files.readAllLines(sample.dir().resolve(file))) {
      if (!line.isBlank()) {
        out.add(Json.MAPPER.readTree(line));
      }
    }
    return out;
  }

  @Test
  void findsTheProjectByNameAndById() {
    assertThat(Json.text(client().findProject(SampleProject.NAME), "id"))
        .isEqualTo(sample.projectId());
    assertThat(Json.text(client().findProject(sample.projectId()), "name"))
        .isEqualTo(SampleProject.NAME);
    assertThat(Json.text(client().project(sample.projectId()), "name"))
        .isEqualTo(SampleProject.NAME);
  }

  @Test
  void anUnknownProjectNameIsNotFoundAndTheMessageListsTheKnownOnes() {
    assertThatThrownBy(() -> client().findProject("Sample-CT-Xray-US"))
        .isInstanceOfSatisfying(
            DatamintApiException.class,
            e -> assertThat(e.kind()).isEqualTo(DatamintApiException.Kind.NOT_FOUND))
        .hasMessageContaining("no project named \"Sample-CT-Xray-US\"")
        .hasMessageContaining(SampleProject.NAME);
  }

  @Test
  void aRejectedKeyIsAnAuthenticationErrorThatDoesNotShowTheKey() {
    assertThatThrownBy(() -> client(server, "wrong-key-123", 3, new ArrayList<>()).projects())
        .isInstanceOfSatisfying(
            DatamintApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DatamintApiException.Kind.AUTHENTICATION);
              assertThat(e.status()).isEqualTo(401);
            })
        .hasMessageContaining("API key rejected (401)")
        .hasMessageNotContaining("wrong-key-123")
        .hasMessageNotContaining("attempts");
    assertThatThrownBy(() -> client(server, null, 1, new ArrayList<>()).projects())
        .hasMessageContaining("needs an API key (401)")
        .hasMessageContaining("DATAMINT_API_KEY");
  }

  @Test
  void anUnknownIdIsNotFoundWithoutRetrying() {
    List<Long> waits = new ArrayList<>();
    assertThatThrownBy(() -> client(server, KEY, 5, waits).project("no-such-project"))
        .isInstanceOfSatisfying(
            DatamintApiException.class,
            e -> {
              assertThat(e.kind()).isEqualTo(DatamintApiException.Kind.NOT_FOUND);
              assertThat(e.status()).isEqualTo(404);
            })
        .hasMessageContaining("GET /projects/no-such-project");
    assertThat(waits).isEmpty();
  }

  @Test
  void annotationSearchSendsTheIdsInChunksAndPagesWithinEachNeverResendingEveryId()
      throws IOException {
    ApiSettings settings =
        new ApiSettings(server.url(), KEY, Duration.ofSeconds(5), Duration.ofSeconds(10), 1, 4);
    DatamintApiClient chunked =
        new DatamintApiClient(new ApiTransport(settings, new RetryPolicy(1), w -> {}), 4, 5);
    List<JsonNode> resources = lines("resources.jsonl");
    List<String> ids = new ArrayList<>();
    resources.forEach(r -> ids.add(Json.text(r, "id")));
    assertThat(ids.size()).isGreaterThan(10);
    // expected: per chunk of 5 ids, pages of 4 until a short page; annotations chunk by chunk
    List<JsonNode> all = lines("annotations.jsonl");
    List<JsonNode> expected = new ArrayList<>();
    long pages = 0;
    for (int from = 0; from < ids.size(); from += 5) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 5));
      long n = 0;
      for (JsonNode a : all) {
        if (chunk.contains(Json.text(a, "resource_id"))) {
          expected.add(a);
          n++;
        }
      }
      pages += n / 4 + 1;
    }
    String route = "POST /annotations/search";
    server.stats().reset();
    assertThat(chunked.annotationsOf(ids)).isEqualTo(expected).hasSize(all.size());
    assertThat(server.stats().requests(route)).isEqualTo(pages);
    // every body holds at most 5 ids: far less than all of them
    long allIds = Json.MAPPER.writeValueAsBytes(ids).length;
    long fiveIds = Json.MAPPER.writeValueAsBytes(ids.subList(0, 5)).length;
    assertThat(server.stats().maxBodyBytes(route)).isLessThan(fiveIds + 100).isLessThan(allIds);
    assertThat(server.stats().bodyBytes(route)).isLessThan(pages * (fiveIds + 100));
    // the same annotations per resource, in the server's order, as one unchunked search
    server.stats().reset();
    List<JsonNode> whole = client().annotationsOf(ids);
    assertThat(whole).isEqualTo(all);
    assertThat(server.stats().maxBodyBytes(route)).isGreaterThan(allIds);
    for (String id : ids) {
      assertThat(expected.stream().filter(a -> id.equals(Json.text(a, "resource_id"))).toList())
          .isEqualTo(whole.stream().filter(a -> id.equals(Json.text(a, "resource_id"))).toList());
    }
  }

  @Test
  void listsResourcesAndPagesAnnotationsInSourceOrder() throws IOException {
    List<JsonNode> resources = client().projectResources(sample.projectId());
    assertThat(resources).isEqualTo(lines("resources.jsonl"));
    List<String> ids = new ArrayList<>();
    resources.forEach(r -> ids.add(Json.text(r, "id")));
    List<JsonNode> annotations = client().annotationsOf(ids); // pages of 4
    assertThat(annotations).hasSize(sample.annotations()).isEqualTo(lines("annotations.jsonl"));
    assertThat(client().annotationsOf(List.of())).isEmpty();
    String annotated = Json.text(annotations.get(0), "resource_id");
    long ofIt =
        annotations.stream().filter(a -> Json.text(a, "resource_id").equals(annotated)).count();
    assertThat(client().annotationsOf(List.of(annotated)))
        .hasSize((int) ofIt)
        .allSatisfy(a -> assertThat(Json.text(a, "resource_id")).isEqualTo(annotated));
  }

  @Test
  void worklistsComeInTheMirrorsFormWithTheirSegmentationGroups() throws IOException {
    List<Worklist> fromApi = new ArrayList<>();
    client().worklists(sample.projectId()).forEach(w -> fromApi.add(Worklist.fromJson(w)));
    List<Worklist> fromMirror = new ArrayList<>();
    Json.MAPPER
        .readTree(sample.dir().resolve("worklists.json").toFile())
        .forEach(w -> fromMirror.add(Worklist.fromJson(w)));
    assertThat(fromApi).isEqualTo(fromMirror).isNotEmpty();
    assertThat(fromApi).anySatisfy(w -> assertThat(w.segmentationGroup()).isNotEmpty());
  }

  @Test
  void splitsAsOfAnInstantAndNow() {
    List<JsonNode> now = client().splits(sample.projectId(), null);
    List<JsonNode> early = client().splits(sample.projectId(), "2000-01-01T00:00:00Z");
    assertThat(now).isNotEmpty();
    assertThat(early).isEmpty();
  }

  @Test
  void downloadsResourceAndMaskFilesByteForByte() throws IOException {
    JsonNode resource = lines("resources.jsonl").get(0);
    String id = Json.text(resource, "id");
    byte[] bytes = client().downloadResource(id, BodyReaders.bytes(1 << 30, "x"));
    assertThat(bytes).isEqualTo(Files.readAllBytes(sample.dir().resolve("files/resources/" + id)));
    byte[] head = client().downloadResourcePrefix(id, 100, BodyReaders.prefix(100));
    assertThat(head).isEqualTo(java.util.Arrays.copyOf(bytes, 100));
    assertThatThrownBy(
            () -> client().downloadResource(id, BodyReaders.bytes(10, "the file of " + id)))
        .hasMessageContaining("larger than 10 bytes");
    JsonNode mask =
        lines("annotations.jsonl").stream()
            .filter(a -> "segmentation".equals(Json.firstText(a, "type", "annotation_type")))
            .findFirst()
            .orElseThrow();
    byte[] maskBytes =
        client()
            .downloadAnnotation(
                Json.text(mask, "resource_id"),
                Json.text(mask, "id"),
                BodyReaders.bytes(1 << 30, "mask"));
    assertThat(maskBytes)
        .isEqualTo(
            Files.readAllBytes(sample.dir().resolve("files/annotations/" + Json.text(mask, "id"))));
  }

  @Test
  void waitsRetryAfterOnTooManyRequestsThenGivesUp() throws IOException {
    List<Long> waits = new CopyOnWriteArrayList<>();
    try (DatamintApiServer busy =
        DatamintApiServer.start(
            root, 0, Optional.empty(), FaultPlan.parse("rate429=1,retryAfter=2"))) {
      assertThatThrownBy(() -> client(busy, KEY, 3, waits).projects())
          .isInstanceOfSatisfying(
              DatamintApiException.class,
              e -> assertThat(e.kind()).isEqualTo(DatamintApiException.Kind.RATE_LIMITED))
          .hasMessageContaining("answered 429")
          .hasMessageContaining("(after 3 attempts)");
    }
    assertThat(waits).hasSize(2).allSatisfy(w -> assertThat(w).isBetween(2000L, 2200L));
  }

  @Test
  void retriesServerErrorsDroppedConnectionsAndTruncatedBodies() throws IOException {
    String id = Json.text(lines("resources.jsonl").get(0), "id");
    for (String spec : List.of("rate500=1", "dropRate=1", "truncateRate=1")) {
      List<Long> waits = new CopyOnWriteArrayList<>();
      try (DatamintApiServer failing =
          DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.parse(spec))) {
        DatamintApiClient client = client(failing, KEY, 2, waits);
        assertThatThrownBy(() -> client.downloadResource(id, BodyReaders.bytes(1 << 30, "x")))
            .as(spec)
            .isInstanceOf(DatamintApiException.class)
            .hasMessageContaining("GET /resources/")
            .hasMessageContaining("(after 2 attempts)");
      }
      assertThat(waits).as(spec).hasSize(1);
    }
  }

  @Test
  void aTruncatedBodyIsNamedAsSuch() throws IOException {
    String id = Json.text(lines("resources.jsonl").get(0), "id");
    try (DatamintApiServer failing =
        DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.parse("truncateRate=1"))) {
      assertThatThrownBy(
              () ->
                  client(failing, KEY, 1, new ArrayList<>())
                      .downloadResource(id, BodyReaders.bytes(1 << 30, "x")))
          .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("truncated", "EOF", "closed"));
    }
  }

  @Test
  void getsEverythingRightThroughMixedFaults() throws IOException {
    List<Long> waits = new CopyOnWriteArrayList<>();
    try (DatamintApiServer flaky =
        DatamintApiServer.start(
            root,
            0,
            Optional.empty(),
            FaultPlan.parse(
                "rate429=0.15,retryAfter=0,rate500=0.15,truncateRate=0.15,dropRate=0.1,seed=11"))) {
      DatamintApiClient client = client(flaky, KEY, 12, waits);
      List<JsonNode> resources = client.projectResources(sample.projectId());
      assertThat(resources).isEqualTo(lines("resources.jsonl"));
      for (JsonNode r : resources) {
        String id = Json.text(r, "id");
        assertThat(client.downloadResource(id, BodyReaders.bytes(1 << 30, id)))
            .isEqualTo(Files.readAllBytes(sample.dir().resolve("files/resources/" + id)));
      }
      List<String> ids = new ArrayList<>();
      resources.forEach(r -> ids.add(Json.text(r, "id")));
      assertThat(client.annotationsOf(ids)).isEqualTo(lines("annotations.jsonl"));
    }
    assertThat(waits).isNotEmpty(); // the faults did happen
  }
}
