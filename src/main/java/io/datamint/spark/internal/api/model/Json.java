package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Null-tolerant accessors over Jackson trees, with the coercions the Datamint API needs ("36" as
 * 36).
 */
public final class Json {

  /**
   * The shared mapper: lenient about unknown fields, strict about syntax, no source text in
   * messages.
   */
  public static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .disable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .build();

  private Json() {}

  /**
   * Parses exactly one JSON value from {@code text}: anything but whitespace after it (a second
   * object on a line, stray characters) is a {@link JsonParseException} at its column. Empty text
   * is the missing node.
   */
  public static JsonNode readValue(String text) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(text)) {
      return single(p);
    }
  }

  /** {@link #readValue(String)} of {@code bytes[offset, offset + length)} (UTF-8). */
  public static JsonNode readValue(byte[] bytes, int offset, int length) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(bytes, offset, length)) {
      return single(p);
    }
  }

  /** {@link #readValue(String)} of a whole stream (a JSON file). */
  public static JsonNode readValue(InputStream in) throws IOException {
    try (JsonParser p = MAPPER.getFactory().createParser(in)) {
      return single(p);
    }
  }

  /** The one value {@code p} holds, then checks that nothing but whitespace follows. */
  public static JsonNode single(JsonParser p) throws IOException {
    JsonNode node = MAPPER.readTree(p);
    boolean end;
    try {
      end = p.nextToken() == null;
    } catch (JsonProcessingException e) {
      end = false;
    }
    if (!end) {
      throw new JsonParseException(
          p, "unexpected data after the JSON value (one value is allowed: one object per line)");
    }
    return node == null ? MAPPER.missingNode() : node;
  }

  /** The text of {@code node.field}, or null when it is absent, null, or not a scalar. */
  public static String text(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    return value.asText();
  }

  /** The first non-null text among {@code fields}. */
  public static String firstText(JsonNode node, String... fields) {
    for (String field : fields) {
      String value = text(node, field);
      if (value != null) {
        return value;
      }
    }
    return null;
  }

  /**
   * An integer field that may arrive as a number or a numeric string; null when absent or not
   * numeric.
   */
  public static Long integer(JsonNode node, String field) {
    return integer(node == null ? null : node.get(field));
  }

  /**
   * A whole number given as an integer, a float with no fraction or a numeric string; null
   * otherwise (absent, JSON null, another type, a fraction).
   */
  public static Long integer(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isIntegralNumber()) {
      return value.asLong();
    }
    if (value.isNumber()) {
      double d = value.asDouble();
      return d == Math.rint(d) ? (long) d : null;
    }
    if (value.isTextual()) {
      try {
        return Long.parseLong(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A floating-point field that may arrive as a number or a numeric string; null otherwise. */
  public static Double number(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    if (value.isTextual()) {
      try {
        return Double.parseDouble(value.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** A boolean field; null when absent or not a boolean. */
  public static Boolean bool(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value != null && value.isBoolean() ? value.asBoolean() : null;
  }

  /** A list of strings (null elements kept as null); an absent or null field is an empty list. */
  public static List<String> strings(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    if (value == null || !value.isArray()) {
      return Collections.emptyList();
    }
    List<String> out = new ArrayList<>(value.size());
    for (JsonNode element : value) {
      out.add(element.isNull() ? null : element.asText());
    }
    return Collections.unmodifiableList(out);
  }

  /** The compact JSON text of {@code node.field}, or null when absent or null. */
  public static String raw(JsonNode node, String field) {
    JsonNode value = node == null ? null : node.get(field);
    return value == null || value.isNull() ? null : value.toString();
  }
}
