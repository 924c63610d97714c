package io.datamint.spark.internal.api.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@link ApiEnvelope}'s reading of a list response done on the body as it streams in: each item is
 * parsed into a tree on its own and handed to an {@link ItemParser}, so no request holds its whole
 * body as bytes, text or one JSON tree. The same shapes and the same messages as {@link
 * ApiEnvelope#items}: a bare list; the object's {@code data} list, else its {@code items} list;
 * with {@code totalCount} and a one-element list whose element holds the endpoint's name, that
 * key's list (only this nested form holds its one element as a tree until the body ends, since
 * {@code totalCount} may come after the list).
 */
final class ApiEnvelopeStream {

  private ApiEnvelopeStream() {}

  /** A list field of the envelope object, read item by item. */
  private static final class Field<T> {
    final List<T> parsed = new ArrayList<>();
    JsonNode only; // the first element, kept unparsed while it may be the nested envelope
    String firstId;
    String notList; // the field's JSON type when it is not a list
  }

  /**
   * Reads the items of a list response.
   *
   * @param name the endpoint's name, e.g. {@code resources}
   * @param what the call, for messages
   * @param base the listing index of this body's first item (the page's offset)
   * @throws com.fasterxml.jackson.core.JsonProcessingException when the body is not JSON
   * @throws DatamintApiException when it is JSON of none of the shapes
   */
  static <T> ListPage<T> read(
      InputStream body, String name, String what, long base, ItemParser<T> parser)
      throws IOException {
    try (JsonParser p = Json.MAPPER.getFactory().createParser(body)) {
      JsonToken token = p.nextToken();
      if (token == JsonToken.START_ARRAY) {
        Field<T> list = new Field<>();
        readList(p, list, base, parser, false);
        return new ListPage<>(list.parsed, list.firstId);
      }
      if (token != JsonToken.START_OBJECT) {
        throw notAList(what, token == null ? null : type(token));
      }
      Field<T> data = null;
      Field<T> items = null;
      boolean totalCount = false;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String key = p.currentName();
        JsonToken value = p.nextToken();
        if (key.equals("data") || key.equals("items")) {
          Field<T> field = new Field<>();
          if (value == JsonToken.START_ARRAY) {
            readList(p, field, base, parser, true);
          } else {
            field.notList = type(value);
            p.skipChildren();
          }
          if (key.equals("data")) {
            data = field;
          } else {
            items = field;
          }
        } else {
          totalCount |= key.equals("totalCount");
          p.skipChildren();
        }
      }
      Field<T> list = data != null ? data : items;
      if (list == null || list.notList != null) {
        throw notAList(what, "object");
      }
      if (list.only != null) {
        JsonNode only = list.only;
        if (totalCount && only.isObject() && only.has(name)) {
          JsonNode inner = only.get(name);
          if (!inner.isArray()) {
            throw notAList(what, "object");
          }
          Field<T> unwrapped = new Field<>();
          for (JsonNode item : inner) {
            add(unwrapped, item, base, parser);
          }
          return new ListPage<>(unwrapped.parsed, unwrapped.firstId);
        }
        add(list, only, base, parser);
      }
      return new ListPage<>(list.parsed, list.firstId);
    }
  }

  /**
   * Reads a list's elements; with {@code holdFirst}, a first element that is the only one stays
   * unparsed in {@link Field#only} (it may be the nested envelope).
   */
  private static <T> void readList(
      JsonParser p, Field<T> list, long base, ItemParser<T> parser, boolean holdFirst)
      throws IOException {
    JsonNode first = null;
    boolean started = false;
    while (p.nextToken() != JsonToken.END_ARRAY) {
      JsonNode item = Json.MAPPER.readTree(p);
      if (holdFirst && !started) {
        started = true;
        first = item;
        continue;
      }
      started = true;
      if (first != null) {
        add(list, first, base, parser);
        first = null;
      }
      add(list, item, base, parser);
    }
    list.only = first;
  }

  private static <T> void add(Field<T> list, JsonNode item, long base, ItemParser<T> parser) {
    if (list.parsed.isEmpty()) {
      list.firstId = Json.text(item, "id");
    }
    list.parsed.add(parser.parse(item, base + list.parsed.size()));
  }

  private static String type(JsonToken token) {
    return switch (token) {
      case START_OBJECT -> "object";
      case START_ARRAY -> "array";
      case VALUE_STRING -> "string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
      case VALUE_TRUE, VALUE_FALSE -> "boolean";
      case VALUE_NULL -> "null";
      default -> token.name().toLowerCase(Locale.ROOT);
    };
  }

  private static DatamintApiException notAList(String what, String type) {
    return new DatamintApiException(
        DatamintApiException.Kind.TRANSPORT,
        200,
        what
            + " answered with "
            + (type == null ? "an empty body" : "a JSON " + type)
            + " where a list (or {\"data\": [...]}) was expected");
  }
}
