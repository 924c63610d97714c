package io.datamint.spark.internal.source;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.MetadataIssues;
import io.datamint.spark.internal.api.model.MetadataParser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses a list of JSON entities into typed records, naming the item that is wrong; the problems of
 * non-essential fields are logged once per field at the end (see {@link MetadataIssues}).
 */
public final class JsonItems {

  private static final Logger LOG = LoggerFactory.getLogger(JsonItems.class);

  private JsonItems() {}

  /**
   * Parses every item with {@code parser}.
   *
   * @param what where the items come from ({@code GET /projects/x/resources}, a file), for the
   *     message
   * @throws ProjectSourceException naming {@code what} and the item's index when an item is
   *     malformed
   */
  public static <T> List<T> parse(String what, Iterable<JsonNode> items, MetadataParser<T> parser) {
    return parse(what, items, parser, null, null);
  }

  /**
   * Parses every item with {@code parser} and checks that no two have the same id.
   *
   * @param idOf the id of a parsed item, or null for no check
   * @param entity what the ids identify, for the message
   * @throws ProjectSourceException naming {@code what} and the items' indexes when an item is
   *     malformed or two have the same id
   */
  public static <T> List<T> parse(
      String what,
      Iterable<JsonNode> items,
      MetadataParser<T> parser,
      Function<T, String> idOf,
      String entity) {
    MetadataIssues issues = MetadataIssues.ofListing(what);
    List<T> out = new ArrayList<>();
    long index = 0;
    for (JsonNode item : items) {
      out.add(parseOne(item, index++, parser, issues));
    }
    if (idOf != null) {
      requireUnique(out, idOf, entity, issues);
    }
    issues.log(LOG);
    return out;
  }

  /**
   * Parses one item, the {@code index}-th of its listing.
   *
   * @throws ProjectSourceException naming the listing and the index when the item is malformed
   */
  public static <T> T parseOne(
      JsonNode item, long index, MetadataParser<T> parser, MetadataIssues issues) {
    issues.at(index);
    return apply(item, parser, issues);
  }

  /**
   * Applies {@code parser} to the current item of {@code issues}.
   *
   * @throws ProjectSourceException naming the item ({@link MetadataIssues#where()}) when the item
   *     is malformed
   */
  public static <T> T apply(JsonNode item, MetadataParser<T> parser, MetadataIssues issues) {
    try {
      return parser.parse(item, issues);
    } catch (IllegalArgumentException | ArithmeticException e) {
      throw new ProjectSourceException(issues.where() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks that no two items of a listing (positions: the list's indexes) have the same id.
   *
   * @throws ProjectSourceException naming both items
   */
  public static <T> void requireUnique(
      List<T> items, Function<T, String> idOf, String entity, MetadataIssues issues) {
    UniqueIds ids = new UniqueIds(entity, issues);
    for (int i = 0; i < items.size(); i++) {
      ids.add(idOf.apply(items.get(i)), i);
    }
  }

  /** Logs the listing's problems of non-essential fields, one warning per field. */
  public static void report(MetadataIssues issues) {
    issues.log(LOG);
  }
}
