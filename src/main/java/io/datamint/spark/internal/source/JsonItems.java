package io.datamint.spark.internal.source;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Parses a list of JSON entities into typed records, naming the item that is wrong. */
public final class JsonItems {

  private JsonItems() {}

  /**
   * Parses every item with {@code parser}.
   *
   * @param what where the items come from ({@code GET /projects/x/resources}, a file), for the
   *     message
   * @throws ProjectSourceException naming {@code what} and the item's index when an item is
   *     malformed
   */
  public static <T> List<T> parse(
      String what, Iterable<JsonNode> items, Function<JsonNode, T> parser) {
    List<T> out = new ArrayList<>();
    long index = 0;
    for (JsonNode item : items) {
      out.add(parseOne(what, item, index++, parser));
    }
    return out;
  }

  /**
   * Parses one item, the {@code index}-th of its list.
   *
   * @throws ProjectSourceException naming {@code what} and the index when the item is malformed
   */
  public static <T> T parseOne(
      String what, JsonNode item, long index, Function<JsonNode, T> parser) {
    try {
      return parser.apply(item);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProjectSourceException(what + " item " + index + ": " + e.getMessage(), e);
    }
  }
}
