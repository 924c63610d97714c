package io.datamint.spark.internal.api.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The SDK's list envelopes ({@code _convert_array_response}). */
class ApiEnvelopeTest {

  private static List<JsonNode> items(String body, String name) throws Exception {
    return ApiEnvelope.items(Json.MAPPER.readTree(body), name, "GET /x");
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
  void anythingElseIsAClearError() {
    assertThatThrownBy(() -> items("{\"error\": \"nope\"}", "resources"))
        .hasMessageContaining("GET /x answered with a JSON object where a list");
    assertThatThrownBy(() -> ApiEnvelope.items(Json.MAPPER.missingNode(), "x", "GET /x"))
        .hasMessageContaining("an empty body");
  }
}
