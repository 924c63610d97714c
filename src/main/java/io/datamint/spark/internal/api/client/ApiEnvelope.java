package io.datamint.spark.internal.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;

/**
 * The SDK's reading of a list response ({@code _convert_array_response}): a bare JSON list as is;
 * otherwise the object's {@code data} or {@code items} list; and when the object has {@code
 * totalCount} and that list is one element holding the endpoint's name as a key ({@code {"data":
 * [{"resources": [...]}], "totalCount": n}}), that key's list.
 */
final class ApiEnvelope {

  private ApiEnvelope() {}

  /**
   * The items of a list response.
   *
   * @param name the endpoint's name, e.g. {@code resources} or {@code annotations}
   * @param what the call, for the message when the shape is none of the above
   */
  static List<JsonNode> items(JsonNode body, String name, String what) {
    JsonNode list = body;
    if (body.isObject()) {
      list = body.has("data") ? body.get("data") : body.get("items");
      if (list != null
          && body.has("totalCount")
          && list.isArray()
          && list.size() == 1
          && list.get(0).isObject()
          && list.get(0).has(name)) {
        list = list.get(0).get(name);
      }
    }
    if (list == null || !list.isArray()) {
      throw new DatamintApiException(
          DatamintApiException.Kind.TRANSPORT,
          200,
          what
              + " answered with "
              + (body.isMissingNode()
                  ? "an empty body"
                  : "a JSON " + body.getNodeType().name().toLowerCase(java.util.Locale.ROOT))
              + " where a list (or {\"data\": [...]}) was expected");
    }
    List<JsonNode> out = new ArrayList<>(list.size());
    list.forEach(out::add);
    return out;
  }
}
