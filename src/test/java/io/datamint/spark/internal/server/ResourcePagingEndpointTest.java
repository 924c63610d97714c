package io.datamint.spark.internal.server;

import static io.datamint.spark.internal.server.ServerTestSupport.get;
import static io.datamint.spark.internal.server.ServerTestSupport.json;
import static io.datamint.spark.internal.server.ServerTestSupport.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.sample.SampleProject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code GET /projects/{id}/resources} with and without the SDK's {@code offset}/{@code limit},
 * written from resources.jsonl's lines (blank lines, CRLF and a last line without a newline
 * included) with the body's exact length.
 */
class ResourcePagingEndpointTest {

  @TempDir static Path root;

  private static List<ObjectNode> expected;
  private static String projectId;
  private static DatamintApiServer server;

  @BeforeAll
  static void start() throws Exception {
    Path dir = root.resolve("sample");
    projectId = SampleProject.write(dir, 42).projectId();
    expected = lines(dir.resolve("resources.jsonl"));
    // the same resources, spaced out: indented JSON on one line, blank lines, CRLF, no final
    // newline
    StringBuilder b = new StringBuilder("\n");
    for (int i = 0; i < expected.size(); i++) {
      b.append(
          i % 2 == 0
              ? Json.MAPPER.writeValueAsString(expected.get(i)).replace(",", ", ")
              : Json.MAPPER.writeValueAsString(expected.get(i)));
      b.append(i == expected.size() - 1 ? "" : i % 3 == 0 ? "\r\n\n  \n" : "\n");
    }
    Files.writeString(dir.resolve("resources.jsonl"), b.toString(), StandardCharsets.UTF_8);
    server = DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static HttpResponse<byte[]> resources(String query) throws Exception {
    return get(server.url() + "/projects/" + projectId + "/resources" + query);
  }

  private static void assertSlice(String query, int from, int to) throws Exception {
    HttpResponse<byte[]> response = resources(query);
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValueAsLong("Content-Length"))
        .hasValue(response.body().length);
    JsonNode list = json(response);
    assertThat(list.isArray()).as(query).isTrue();
    assertThat(list).as(query).containsExactlyElementsOf(expected.subList(from, to));
  }

  @Test
  void withoutPagingTheWholeListAsTheSdksUnpagedCall() throws Exception {
    assertThat(expected.size()).isGreaterThan(8);
    assertSlice("", 0, expected.size());
  }

  @Test
  void pagesByOffsetAndLimit() throws Exception {
    int n = expected.size();
    assertSlice("?offset=0&limit=4", 0, 4);
    assertSlice("?offset=4&limit=4", 4, 8);
    assertSlice("?offset=" + (n - 1) + "&limit=4", n - 1, n);
    assertSlice("?offset=" + n + "&limit=4", n, n);
    assertSlice("?offset=" + (n + 10) + "&limit=5000", n, n);
    assertSlice("?offset=0&limit=5000", 0, n);
    assertSlice("?offset=3&limit=0", 3, 3);
    assertSlice("?limit=2", 0, 2);
    assertSlice("?offset=5", 5, n);
  }

  @Test
  void aBadOffsetOrLimitIs422() throws Exception {
    HttpResponse<byte[]> response = resources("?offset=-1&limit=5000");
    assertThat(response.statusCode()).isEqualTo(422);
    assertThat(json(response).get("error").asText())
        .contains("offset must be a non-negative integer, not \"-1\"");
    assertThat(resources("?offset=0&limit=many").statusCode()).isEqualTo(422);
  }

  @Test
  void eachResourceIsServedByIdFromItsLine() throws Exception {
    for (ObjectNode r : expected) {
      assertThat(json(get(server.url() + "/resources/" + r.get("id").asText()))).isEqualTo(r);
    }
    assertThat(get(server.url() + "/resources/no-such-id").statusCode()).isEqualTo(404);
  }

  @Test
  void aMalformedLineFailsTheStartNamingFileAndLine(@TempDir Path other) throws Exception {
    Path dir = other.resolve("p");
    SampleProject.write(dir, 42);
    List<String> text = Files.readAllLines(dir.resolve("resources.jsonl"));
    text.set(2, "{\"id\": \"x\",");
    Files.write(dir.resolve("resources.jsonl"), text);
    assertThatThrownBy(() -> DatamintApiServer.start(other, 0, Optional.empty(), FaultPlan.NONE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("resources.jsonl line 3: malformed JSON");
    text.set(2, "{\"filename\": \"no-id.png\"}");
    Files.write(dir.resolve("resources.jsonl"), text);
    assertThatThrownBy(() -> DatamintApiServer.start(other, 0, Optional.empty(), FaultPlan.NONE))
        .hasMessageContaining("resources.jsonl line 3: a resource needs a text \"id\"");
  }
}
