package io.datamint.spark.internal.server;

import static io.datamint.spark.internal.server.ServerTestSupport.get;
import static io.datamint.spark.internal.server.ServerTestSupport.json;
import static io.datamint.spark.internal.server.ServerTestSupport.lines;
import static io.datamint.spark.internal.server.ServerTestSupport.post;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.split.ProjectSplits;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /projects/{id}/splits}: re-assignment recorded in the mirror's splits.jsonl and
 * served at once by {@code GET /projects/{id}/splits}; a bad body is a 422 that writes nothing.
 * Each test has its own mirror.
 */
class SplitAssignEndpointTest {

  @TempDir Path root;

  private Path splitsFile;
  private String projectId;
  private List<String> resourceIds;
  private DatamintApiServer server;
  private String splits;

  @BeforeEach
  void start() throws Exception {
    SampleProject.Summary sample = SampleProject.write(root.resolve("sample"), 7);
    splitsFile = sample.dir().resolve("splits.jsonl");
    projectId = sample.projectId();
    resourceIds =
        lines(sample.dir().resolve("resources.jsonl")).stream()
            .map(r -> r.get("id").asText())
            .toList();
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
    splits = server.url() + "/projects/" + projectId + "/splits";
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private static Map<String, String> assignments(JsonNode rows) {
    Map<String, String> out = new HashMap<>();
    rows.forEach(row -> out.put(row.get("resource_id").asText(), row.get("split_name").asText()));
    return out;
  }

  private static String body(String splitName, List<String> ids) {
    return "{\"resource_ids\": ["
        + String.join(", ", ids.stream().map(id -> "\"" + id + "\"").toList())
        + "], \"split_name\": \""
        + splitName
        + "\"}";
  }

  @Test
  void reassignsClosesTheOldRowsAndServesTheNewOnesAtOnce() throws Exception {
    Map<String, String> before = assignments(json(get(splits)));
    List<String> moved = resourceIds.subList(0, 3);
    List<ObjectNode> fileBefore = lines(splitsFile);

    HttpResponse<byte[]> answer = post(splits, body("holdout", moved));
    assertThat(answer.statusCode()).isEqualTo(201);
    JsonNode created = json(answer);
    assertThat(created.isArray()).isTrue();
    assertThat(created).hasSize(3);
    String at = created.get(0).get("created_at").asText();
    Instant instant = ProjectSplits.parseTimestamp(at, "created_at");
    for (int i = 0; i < 3; i++) {
      JsonNode row = created.get(i);
      assertThat(row.get("resource_id").asText()).isEqualTo(moved.get(i));
      assertThat(row.get("split_name").asText()).isEqualTo("holdout");
      assertThat(row.get("project_id").asText()).isEqualTo(projectId);
      assertThat(row.get("created_by").asText()).isEqualTo("api");
      assertThat(row.get("created_at").asText()).isEqualTo(at);
      assertThat(row.get("deleted_at").isNull()).isTrue();
      assertThat(row.get("id").asText()).isNotBlank();
    }

    Map<String, String> expected = new HashMap<>(before);
    moved.forEach(id -> expected.put(id, "holdout"));
    assertThat(assignments(json(get(splits)))).isEqualTo(expected);
    assertThat(assignments(json(get(splits + "?as_of_timestamp=" + at)))).isEqualTo(expected);
    assertThat(assignments(json(get(splits + "?as_of_timestamp=" + instant.minusMillis(1)))))
        .isEqualTo(before);
    assertThat(assignments(json(get(splits + "?split_name=holdout")))).containsOnlyKeys(moved);

    // The file holds the history: every old row, the moved resources' open rows closed at the same
    // instant.
    List<ObjectNode> fileAfter = lines(splitsFile);
    assertThat(fileAfter).hasSize(fileBefore.size() + 3);
    for (int i = 0; i < fileBefore.size(); i++) {
      ObjectNode old = fileBefore.get(i);
      ObjectNode now = fileAfter.get(i);
      boolean closed =
          moved.contains(old.get("resource_id").asText())
              && (old.get("deleted_at") == null || old.get("deleted_at").isNull());
      if (closed) {
        assertThat(now.get("deleted_at").asText()).isEqualTo(at);
        assertThat(now.get("deleted_by").asText()).isEqualTo("api");
      } else {
        assertThat(now).isEqualTo(old);
      }
    }
    assertThat(List.<JsonNode>copyOf(fileAfter.subList(fileBefore.size(), fileAfter.size())))
        .containsExactlyElementsOf(created);
    // No Hadoop checksum beside it: another tool may still append to the file.
    assertThat(splitsFile.resolveSibling(".splits.jsonl.crc")).doesNotExist();
  }

  @Test
  void reassigningAgainIsSafeAndARestartedServerServesTheSavedRows() throws Exception {
    List<String> moved = resourceIds.subList(2, 5);
    assertThat(post(splits, body("val", moved)).statusCode()).isEqualTo(201);
    assertThat(post(splits, body("train", moved)).statusCode()).isEqualTo(201);
    JsonNode current = json(get(splits));
    Map<String, String> now = assignments(current);
    assertThat(current).hasSize(now.size()); // one current row per resource
    moved.forEach(id -> assertThat(now).containsEntry(id, "train"));

    server.close();
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
    assertThat(assignments(json(get(server.url() + "/projects/" + projectId + "/splits"))))
        .isEqualTo(now);
  }

  @Test
  void answersABadBodyWith422AndWritesNothing() throws Exception {
    byte[] file = Files.readAllBytes(splitsFile);
    String one = resourceIds.get(0);
    Map<String, String> bad =
        Map.of(
            "{\"split_name\": \"train\"}",
            "resource_ids",
            "{\"resource_ids\": [], \"split_name\": \"train\"}",
            "non-empty list",
            "{\"resource_ids\": \"" + one + "\", \"split_name\": \"train\"}",
            "list",
            "{\"resource_ids\": [\"" + one + "\", 7], \"split_name\": \"train\"}",
            "resource_ids[1]",
            "{\"resource_ids\": [\""
                + one
                + "\", \"no-such-resource\"], \"split_name\": \"train\"}",
            "no-such-resource",
            "{\"resource_ids\": [\"" + one + "\"]}",
            "split_name",
            "{\"resource_ids\": [\"" + one + "\"], \"split_name\": 3}",
            "split_name",
            "{\"resource_ids\": [\"" + one + "\"], \"split_name\": \" \"}",
            "split_name",
            "[\"" + one + "\"]",
            "JSON object",
            "{not json",
            "not valid JSON");
    for (Map.Entry<String, String> b : bad.entrySet()) {
      HttpResponse<byte[]> answer = post(splits, b.getKey());
      assertThat(answer.statusCode()).as(b.getKey()).isEqualTo(422);
      assertThat(json(answer).get("error").asText()).as(b.getKey()).contains(b.getValue());
    }
    HttpResponse<byte[]> unknown =
        post(
            splits,
            "{\"resource_ids\": [\""
                + one
                + "\", \"nope-1\", \"nope-2\"], "
                + "\"split_name\": \"train\"}");
    assertThat(json(unknown).get("error").asText())
        .contains("2 of resource_ids are not in project " + projectId)
        .contains("nope-1")
        .contains("nope-2");
    assertThat(
            post(server.url() + "/projects/nope/splits", body("train", List.of(one))).statusCode())
        .isEqualTo(404);
    assertThat(Files.readAllBytes(splitsFile)).isEqualTo(file);
  }
}
