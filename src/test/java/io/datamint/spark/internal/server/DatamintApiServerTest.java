package io.datamint.spark.internal.server;

import static io.datamint.spark.internal.server.ServerTestSupport.get;
import static io.datamint.spark.internal.server.ServerTestSupport.json;
import static io.datamint.spark.internal.server.ServerTestSupport.lines;
import static io.datamint.spark.internal.server.ServerTestSupport.post;
import static io.datamint.spark.internal.server.ServerTestSupport.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.sample.SampleProject;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Every endpoint of the local server over the sample project, compared with the mirror's files. */
class DatamintApiServerTest {

  private static final String RESPLIT = "2026-04-15T09:30:00.000Z";

  @RegisterExtension static final SampleServer SAMPLE = new SampleServer();

  @Test
  void bindsLoopbackOnAFreePort() {
    assertThat(SAMPLE.server().port()).isPositive();
    assertThat(SAMPLE.url()).isEqualTo("http://127.0.0.1:" + SAMPLE.server().port());
    assertThat(SAMPLE.server().projectCount()).isEqualTo(1);
  }

  @Test
  void aProjectMirrorAsRootIsItsOneProjectAndAnEmptyRootSaysWhatIsExpected(@TempDir Path empty)
      throws Exception {
    try (DatamintApiServer single =
        DatamintApiServer.start(SAMPLE.dir(), 0, Optional.empty(), FaultPlan.NONE)) {
      assertThat(single.projectCount()).isEqualTo(1);
      assertThat(json(get(single.url() + "/projects/" + SAMPLE.projectId())).get("name").asText())
          .isEqualTo(SampleProject.NAME);
    }
    assertThatThrownBy(() -> DatamintApiServer.start(empty, 0, Optional.empty(), FaultPlan.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no project.json in ")
        .hasMessageContaining("expected a project mirror");
  }

  @Test
  void listsProjectsInADataEnvelopeWithPaging() throws Exception {
    HttpResponse<byte[]> all = get(SAMPLE.url() + "/projects?includeArchived=true");
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(all.headers().firstValue("Content-Type")).hasValue("application/json");
    JsonNode data = json(all).get("data");
    assertThat(data.isArray()).isTrue();
    assertThat(data).hasSize(1);
    assertThat(data.get(0))
        .isEqualTo(Json.MAPPER.readTree(SAMPLE.dir().resolve("project.json").toFile()));
    assertThat(json(get(SAMPLE.url() + "/projects?offset=0&limit=1")).get("data")).hasSize(1);
    assertThat(json(get(SAMPLE.url() + "/projects?offset=1&limit=1")).get("data")).isEmpty();
    assertThat(get(SAMPLE.url() + "/projects?offset=x").statusCode()).isEqualTo(422);
  }

  @Test
  void servesAProjectAndItsResourcesInMirrorOrder() throws Exception {
    JsonNode project = json(get(SAMPLE.url() + "/projects/" + SAMPLE.projectId()));
    assertThat(project.get("name").asText()).isEqualTo(SampleProject.NAME);
    JsonNode resources = json(get(SAMPLE.url() + "/projects/" + SAMPLE.projectId() + "/resources"));
    assertThat(resources.isArray()).isTrue();
    List<ObjectNode> expected = lines(SAMPLE.dir().resolve("resources.jsonl"));
    assertThat(resources).hasSize(expected.size());
    for (int i = 0; i < expected.size(); i++) {
      assertThat(resources.get(i)).isEqualTo(expected.get(i));
      String id = expected.get(i).get("id").asText();
      assertThat(json(get(SAMPLE.url() + "/resources/" + id))).isEqualTo(expected.get(i));
    }
  }

  @Test
  void pagesAnnotationSearchWithStringOffsetAndLimit() throws Exception {
    List<ObjectNode> resources = lines(SAMPLE.dir().resolve("resources.jsonl"));
    List<ObjectNode> expected = lines(SAMPLE.dir().resolve("annotations.jsonl"));
    ObjectNode body = Json.MAPPER.createObjectNode();
    resources.forEach(r -> body.withArray("resource_ids").add(r.get("id").asText()));
    List<JsonNode> pages = new ArrayList<>();
    int offset = 0;
    int limit = 7;
    int requests = 0;
    while (true) {
      body.put("offset", Integer.toString(offset)).put("limit", Integer.toString(limit));
      HttpResponse<byte[]> response = post(SAMPLE.url() + "/annotations/search", body.toString());
      assertThat(response.statusCode()).isEqualTo(200);
      JsonNode page = json(response);
      assertThat(page.isArray()).isTrue();
      assertThat(page.size()).isLessThanOrEqualTo(limit);
      page.forEach(pages::add);
      requests++;
      if (page.size() < limit) {
        break;
      }
      offset += page.size();
    }
    assertThat(pages).containsExactlyElementsOf(expected);
    assertThat(requests).isEqualTo(expected.size() / limit + 1);

    String one = expected.get(0).get("resource_id").asText();
    JsonNode ofOne =
        json(post(SAMPLE.url() + "/annotations/search", "{\"resource_id\": \"" + one + "\"}"));
    assertThat(ofOne).isNotEmpty();
    ofOne.forEach(a -> assertThat(a.get("resource_id").asText()).isEqualTo(one));
    assertThat(ofOne)
        .hasSize(
            (int) expected.stream().filter(a -> a.get("resource_id").asText().equals(one)).count());
    assertThat(json(post(SAMPLE.url() + "/annotations/search", "{\"resource_ids\": []}")))
        .isEmpty();
  }

  @Test
  void rejectsABadSearchBodyWith422() throws Exception {
    assertThat(post(SAMPLE.url() + "/annotations/search", "{not json").statusCode()).isEqualTo(422);
    assertThat(post(SAMPLE.url() + "/annotations/search", "[1]").statusCode()).isEqualTo(422);
    HttpResponse<byte[]> badOffset =
        post(SAMPLE.url() + "/annotations/search", "{\"offset\": \"minus one\"}");
    assertThat(badOffset.statusCode()).isEqualTo(422);
    assertThat(json(badOffset).get("error").asText()).contains("offset");
  }

  @Test
  void servesWorklistsTheirSpecsAndSegmentationGroups() throws Exception {
    JsonNode mirror = Json.MAPPER.readTree(SAMPLE.dir().resolve("worklists.json").toFile());
    JsonNode list = json(get(SAMPLE.url() + "/projects/" + SAMPLE.projectId() + "/worklists"));
    assertThat(list).hasSize(mirror.size());
    for (int i = 0; i < mirror.size(); i++) {
      JsonNode item = list.get(i);
      String id = mirror.get(i).get("id").asText();
      assertThat(item.get("worklist_id").asText()).isEqualTo(id);
      assertThat(item.get("worklist_name").asText()).isEqualTo(mirror.get(i).get("name").asText());
      assertThat(item.has("id")).isFalse();
      assertThat(item.get("annotations")).isEqualTo(mirror.get(i).get("annotations"));

      JsonNode one = json(get(SAMPLE.url() + "/annotationsets/" + id));
      assertThat(one.get("id").asText()).isEqualTo(id);
      assertThat(one.get("annotations")).isEqualTo(mirror.get(i).get("annotations"));

      JsonNode group = json(get(SAMPLE.url() + "/annotationsets/" + id + "/segmentation-group"));
      assertThat(group.get("groups").isObject()).isTrue();
      JsonNode expectedGroup = mirror.get(i).get("segmentation_group");
      if (expectedGroup != null && !expectedGroup.isNull()) {
        assertThat(group.get("groups")).isEqualTo(expectedGroup.get("groups"));
      }
    }
    assertThat(get(SAMPLE.url() + "/annotationsets/no-such-worklist").statusCode()).isEqualTo(404);
  }

  @Test
  void servesResourceFilesByteForByteWithTheirMimetype() throws Exception {
    for (ObjectNode r : lines(SAMPLE.dir().resolve("resources.jsonl"))) {
      String id = r.get("id").asText();
      HttpResponse<byte[]> file =
          get(SAMPLE.url() + "/resources/" + id + "/file", "accept", "application/octet-stream");
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.body())
          .isEqualTo(Files.readAllBytes(SAMPLE.dir().resolve("files/resources/" + id)));
      assertThat(file.headers().firstValue("Content-Type")).hasValue(r.get("mimetype").asText());
    }
  }

  @Test
  void servesByteRanges() throws Exception {
    String id = lines(SAMPLE.dir().resolve("resources.jsonl")).get(0).get("id").asText();
    byte[] all = Files.readAllBytes(SAMPLE.dir().resolve("files/resources/" + id));
    HttpResponse<byte[]> part =
        get(SAMPLE.url() + "/resources/" + id + "/file", "Range", "bytes=10-19");
    assertThat(part.statusCode()).isEqualTo(206);
    assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(all, 10, 20));
    assertThat(part.headers().firstValue("Content-Range")).hasValue("bytes 10-19/" + all.length);
    HttpResponse<byte[]> tail =
        get(SAMPLE.url() + "/resources/" + id + "/file", "Range", "bytes=-5");
    assertThat(tail.body())
        .isEqualTo(java.util.Arrays.copyOfRange(all, all.length - 5, all.length));
    assertThat(
            get(SAMPLE.url() + "/resources/" + id + "/file", "Range", "bytes=" + all.length + "-")
                .statusCode())
        .isEqualTo(416);
  }

  @Test
  void servesSegmentationMaskFiles() throws Exception {
    int served = 0;
    for (ObjectNode a : lines(SAMPLE.dir().resolve("annotations.jsonl"))) {
      String id = a.get("id").asText();
      Path mask = SAMPLE.dir().resolve("files/annotations/" + id);
      if (!Files.isRegularFile(mask)) {
        continue;
      }
      HttpResponse<byte[]> file =
          get(
              SAMPLE.url()
                  + "/annotations/"
                  + a.get("resource_id").asText()
                  + "/annotations/"
                  + id
                  + "/file");
      assertThat(file.statusCode()).isEqualTo(200);
      assertThat(file.body()).isEqualTo(Files.readAllBytes(mask));
      served++;
    }
    assertThat(served).isPositive();
  }

  @Test
  void answersSplitsAsOfAnInstant() throws Exception {
    String splits = SAMPLE.url() + "/projects/" + SAMPLE.projectId() + "/splits";
    Map<String, String> before =
        assignments(json(get(splits + "?as_of_timestamp=2026-04-15T09:29:59.999Z")));
    Map<String, String> at = assignments(json(get(splits + "?as_of_timestamp=" + RESPLIT)));
    Map<String, String> current = assignments(json(get(splits)));
    assertThat(at).isEqualTo(current);
    assertThat(before.keySet()).isEqualTo(at.keySet());
    Set<String> changed = new HashSet<>();
    before.forEach(
        (resource, split) -> {
          if (!split.equals(at.get(resource))) {
            changed.add(resource);
          }
        });
    assertThat(changed).hasSize(3);
    int resources = lines(SAMPLE.dir().resolve("resources.jsonl")).size();
    assertThat(current).hasSizeLessThan(resources); // one resource never has a split
    assertThat(json(get(splits + "?as_of_timestamp=2000-01-01T00:00:00Z"))).isEmpty();

    JsonNode train = json(get(splits + "?split_name=train&as_of_timestamp=" + RESPLIT));
    assertThat(train).isNotEmpty();
    train.forEach(row -> assertThat(row.get("split_name").asText()).isEqualTo("train"));
    assertThat(get(splits + "?as_of_timestamp=yesterday").statusCode()).isEqualTo(422);
  }

  private static Map<String, String> assignments(JsonNode rows) {
    Map<String, String> out = new HashMap<>();
    rows.forEach(
        row ->
            assertThat(out.put(row.get("resource_id").asText(), row.get("split_name").asText()))
                .as("one assignment per resource")
                .isNull());
    return out;
  }

  @Test
  void answersUnknownPathsAndIdsWith404NotFound() throws Exception {
    HttpResponse<byte[]> path = get(SAMPLE.url() + "/api/v1/projects");
    assertThat(path.statusCode()).isEqualTo(404);
    assertThat(json(path).get("error").asText()).startsWith("not found:");
    for (String p :
        List.of(
            "/projects/nope",
            "/projects/nope/resources",
            "/projects/nope/splits",
            "/projects/nope/worklists",
            "/resources/nope",
            "/resources/nope/file",
            "/annotations/nope/annotations/nope/file",
            "/annotationsets/nope/segmentation-group")) {
      HttpResponse<byte[]> r = get(SAMPLE.url() + p);
      assertThat(r.statusCode()).as(p).isEqualTo(404);
      assertThat(text(r)).as(p).contains("not found");
    }
    assertThat(post(SAMPLE.url() + "/projects", "{}").statusCode()).isEqualTo(405);
  }

  @Test
  void checksTheApiKeyOnlyWhenOneIsConfigured() throws Exception {
    assertThat(get(SAMPLE.url() + "/projects").statusCode()).isEqualTo(200);
    assertThat(get(SAMPLE.url() + "/projects", "apikey", "anything").statusCode()).isEqualTo(200);
    try (DatamintApiServer locked =
        DatamintApiServer.start(SAMPLE.root(), 0, Optional.of("s3cret-key"), FaultPlan.NONE)) {
      String u = locked.url() + "/projects";
      HttpResponse<byte[]> none = get(u);
      assertThat(none.statusCode()).isEqualTo(401);
      assertThat(json(none).get("error").asText()).isEqualTo("API key rejected");
      assertThat(get(u, "apikey", "wrong").statusCode()).isEqualTo(401);
      assertThat(get(u, "Authorization", "Bearer wrong").statusCode()).isEqualTo(401);
      assertThat(text(get(u, "apikey", "wrong"))).doesNotContain("s3cret");
      assertThat(get(u, "apikey", "s3cret-key").statusCode()).isEqualTo(200);
      assertThat(get(u, "Authorization", "Bearer s3cret-key").statusCode()).isEqualTo(200);
      assertThat(get(u, "apikey", "s3cret-key", "Authorization", "Bearer s3cret-key").statusCode())
          .isEqualTo(200);
      String unknown = locked.url() + UnknownRequests.PATH;
      assertThat(get(unknown).statusCode())
          .as("the unknown-request record is behind the key too")
          .isEqualTo(401);
      assertThat(get(unknown, "apikey", "wrong").statusCode()).isEqualTo(401);
      HttpResponse<byte[]> seen = get(unknown, "apikey", "s3cret-key");
      assertThat(seen.statusCode()).isEqualTo(200);
      assertThat(json(seen).get("count").asLong()).isZero();
    }
  }
}
