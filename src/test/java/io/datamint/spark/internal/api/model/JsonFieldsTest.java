package io.datamint.spark.internal.api.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonFields}: the types each reading accepts, the error of an essential field, and the
 * counting of non-essential problems in {@link MetadataIssues} (once per item, a retried item not
 * twice).
 */
class JsonFieldsTest {

  private static JsonNode json(String text) throws Exception {
    return Json.readValue(text);
  }

  @Test
  void byteCountsAreWholeNumbersInTheRangeOfALong() throws Exception {
    MetadataIssues issues = MetadataIssues.ofFile("r.jsonl");
    String[] rejected = {
      "9223372036854775808", "1e300", "-1", "1.5", "NaN", "true", "\"1k\"", "[]"
    };
    for (int i = 0; i < rejected.length; i++) {
      issues.at(i + 1);
      assertThat(new JsonFields(json("{\"size\": " + rejected[i] + "}"), issues).byteCount("size"))
          .as(rejected[i])
          .isNull();
    }
    issues.at(20);
    JsonFields ok =
        new JsonFields(json("{\"a\": 9223372036854775807, \"b\": 1e3, \"c\": \"7\"}"), issues);
    assertThat(ok.byteCount("a")).isEqualTo(Long.MAX_VALUE);
    assertThat(ok.byteCount("b")).isEqualTo(1000L);
    assertThat(ok.byteCount("c")).isEqualTo(7L);
    assertThat(issues.summaries())
        .singleElement()
        .asString()
        .startsWith("r.jsonl: field \"size\" was not accepted in 8 items, read as if absent")
        .contains("first at r.jsonl line 1: found a number (9223372036854775808)");
  }

  @Test
  void anEssentialFieldOfTheWrongTypeIsAnErrorNamingItsPath() throws Exception {
    MetadataIssues issues = MetadataIssues.ofListing("GET /x");
    JsonFields f =
        new JsonFields(json("{\"g\": {\"lung\": {\"index\": -3}}, \"id\": true}"), issues);
    assertThatThrownBy(() -> f.requiredText("id", "resource"))
        .hasMessage("field \"id\": found a boolean (true); accepted: a string");
    JsonFields lung = f.within("g", f.json().get("g")).within("\"lung\"", f.json().at("/g/lung"));
    assertThatThrownBy(() -> lung.requiredIndex("index", 10))
        .hasMessage(
            "field \"g.\"lung\".index\": found a number (-3); accepted: a whole number from 0 to 10");
    assertThatThrownBy(() -> f.requiredText("missing", "annotation"))
        .hasMessage("an annotation needs a non-null \"missing\"");
  }

  @Test
  void anItemReadAgainIsNotCountedTwice() throws Exception {
    MetadataIssues issues = MetadataIssues.ofListing("GET /x");
    JsonNode item = json("{\"tags\": \"chest\", \"type\": \"odd\"}");
    for (long position : new long[] {0, 1, 0, 1, 2}) { // a page of 0..1 read again after a retry
      issues.at(position);
      JsonFields f = new JsonFields(item, issues);
      f.strings("tags");
      f.enumValue(f.text("type"), "type", java.util.Set.of("label"));
    }
    assertThat(issues.summaries())
        .containsExactly(
            "GET /x: field \"tags\" was not accepted in 3 items, read as if absent (first at GET /x"
                + " item 0: found a string (\"chest\"); accepted: a list of strings)",
            "GET /x: unknown value of field \"type\": \"odd\" (3); the items are kept");
  }

  @Test
  void patientIdsAreStringsOrWholeNumbers() throws Exception {
    MetadataIssues issues = MetadataIssues.ofFile("r.jsonl");
    JsonFields f =
        new JsonFields(
            json("{\"a\": \"P-1\", \"b\": 12345678901234567890, \"c\": 1.5, \"d\": null}"), issues);
    assertThat(f.textOrWhole("a")).isEqualTo("P-1");
    assertThat(f.textOrWhole("b")).isEqualTo("12345678901234567890");
    assertThat(f.textOrWhole("c")).isNull();
    assertThat(f.textOrWhole("d")).isNull();
    assertThat(issues.summaries()).hasSize(1);
  }

  @Test
  void oneJsonValueIsAllowed() {
    assertThatThrownBy(() -> Json.readValue("{\"a\": 1} {\"b\": 2}"))
        .hasMessageContaining("unexpected data after the JSON value");
    assertThatThrownBy(() -> Json.readValue("{\"a\": 1}]"))
        .hasMessageContaining("unexpected data after the JSON value");
    assertThatThrownBy(() -> Json.readValue("{\"a\": 1} x"))
        .hasMessageContaining("unexpected data after the JSON value");
  }
}
