package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The SDK's list envelopes ({@code _convert_array_response}), read from a tree ({@link
 * ApiEnvelope}) and from the streaming body ({@link ApiEnvelopeStream}): every case checks that
 * both give the same items or the same message.
 */
class ApiEnvelopeTest {

  private static List<JsonNode> items(String body, String name) throws Exception {
    List<JsonNode> tree;
    try {
      tree = ApiEnvelope.items(Json.MAPPER.readTree(body), name, "GET /x");
    } catch (DatamintApiException e) {
      assertThatThrownBy(() -> streamed(body, name)).hasMessage(e.getMessage());
      throw e;
    }
    assertThat(streamed(body, name)).isEqualTo(tree);
    return tree;
  }

  private static List<JsonNode> streamed(String body, String name) throws Exception {
    return ApiEnvelopeStream.read(
            new java.io.ByteArrayInputStream(
                body.getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            name,
            "GET /x",
            0,
            (item, index) -> item)
        .items();
  }

  @Test
  void readsEveryShapeTheSdkAccepts() throws Exception {
    assertThat(items("[{\"id\": 1}, {\"id\": 2}]", "resources")).hasSize(2);
    assertThat(items("{\"data\": [{\"id\": 1}]}", "projects"))
        .extracting(n -> n.get("id").asInt())
        .containsExactly(1);
    assertThat(items("{\"items\": [{\"id\": 1}, {\"id\": 2}, {\"id\": 3}]}", "x")).hasSize(3);
    assertThat(
            items(
                "{\"data\": [{\"resources\": [{\"id\": 7}, {\"id\": 8}]}], \"totalCount\": 2}",
                "resources"))
        .extracting(n -> n.get("id").asInt())
        .containsExactly(7, 8);
  }

  @Test
  void unwrapsTheNamedKeyOnlyWithTotalCountAndOneElement() throws Exception {
    // no totalCount: the one element is an item, not an envelope
    assertThat(items("{\"data\": [{\"resources\": [1, 2]}]}", "resources")).hasSize(1);
    // two elements: both are items
    assertThat(
            items(
                "{\"data\": [{\"resources\": []}, {\"resources\": []}], \"totalCount\": 2}",
                "resources"))
        .hasSize(2);
  }

  @Test
  void dataWinsOverItemsAndOtherKeysAreSkipped() throws Exception {
    assertThat(
            items(
                "{\"items\": [{\"id\": 1}], \"next\": {\"a\": [1, 2]}, \"data\": [{\"id\": 2}]}",
                "x"))
        .extracting(n -> n.get("id").asInt())
        .containsExactly(2);
    assertThat(items("{\"data\": [], \"totalCount\": 0}", "resources")).isEmpty();
    assertThat(items("[]", "resources")).isEmpty();
  }

  @Test
  void theStreamedReaderGivesEachItemItsIndexAndTheFirstId() throws Exception {
    ListPage<String> page =
        ApiEnvelopeStream.read(
            new java.io.ByteArrayInputStream(
                "{\"data\": [{\"resources\": [{\"id\": \"a\"}, {\"id\": \"b\"}]}], \"totalCount\": 2}"
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8)),
            "resources",
            "GET /x",
            10,
            (item, index) -> index + item.get("id").asText());
    assertThat(page.items()).containsExactly("10a", "11b");
    assertThat(page.firstId()).isEqualTo("a");
  }

  @Test
  void anythingElseIsAClearError() {
    assertThatThrownBy(() -> items("{\"error\": \"nope\"}", "resources"))
        .hasMessageContaining("GET /x answered with a JSON object where a list");
    assertThatThrownBy(() -> items("{\"data\": {\"resources\": []}}", "resources"))
        .hasMessageContaining("GET /x answered with a JSON object where a list");
    assertThatThrownBy(() -> items("\"text\"", "resources"))
        .hasMessageContaining("GET /x answered with a JSON string where a list");
    assertThatThrownBy(
            () -> items("{\"data\": [{\"resources\": 3}], \"totalCount\": 1}", "resources"))
        .isInstanceOf(DatamintApiException.class);
    assertThatThrownBy(() -> ApiEnvelope.items(Json.MAPPER.missingNode(), "x", "GET /x"))
        .hasMessageContaining("an empty body");
    assertThatThrownBy(() -> streamed("", "x")).hasMessageContaining("an empty body");
  }
}
