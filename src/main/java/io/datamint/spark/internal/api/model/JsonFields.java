package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the fields of one metadata JSON object with the type each must have: the one helper every
 * model parser uses, so that mirror files and API listings are checked alike. An absent or null
 * field is null. A field of the wrong type is, when essential, an {@link IllegalArgumentException}
 * naming the field, what was found and what is accepted (the caller adds the file and line, or the
 * endpoint and item); when not essential, it is counted in the listing's {@link MetadataIssues}
 * (one warning per field) and read as absent. docs/metadata.md lists which fields are essential.
 */
public final class JsonFields {

  private static final int MAX_SHOWN = 40;
  private static final double MAX_EXACT_DOUBLE = 9.007199254740992E15; // 2^53

  /** What {@link #byteCount} accepts. */
  static final String BYTE_COUNT = "a whole number of bytes from 0 to " + Long.MAX_VALUE;

  private final JsonNode json;
  private final MetadataIssues issues;
  private final String path;

  /**
   * @param json the object
   * @param issues where non-essential problems are counted
   */
  public JsonFields(JsonNode json, MetadataIssues issues) {
    this(json, issues, "");
  }

  private JsonFields(JsonNode json, MetadataIssues issues, String path) {
    this.json = json;
    this.issues = issues;
    this.path = path;
  }

  /**
   * The fields of {@code child}, an object inside this one, named in messages by their path from
   * this one's ({@code segmentation_group.groups."lung".index}).
   *
   * @param name the child's name in this object: a field, {@code "lung"}, {@code annotations[2]}
   */
  public JsonFields within(String name, JsonNode child) {
    return new JsonFields(child, issues, path + name + ".");
  }

  /** This object's path for a message prefix ({@code field "annotations[2]": }), or "". */
  public String pathPrefix() {
    return path.isEmpty() ? "" : "field \"" + path.substring(0, path.length() - 1) + "\": ";
  }

  /** A field's name in messages: its path from the item. */
  public String name(String field) {
    return path + field;
  }

  /** The object read. */
  public JsonNode json() {
    return json;
  }

  /** Whether the field is there and not null. */
  public boolean present(String field) {
    JsonNode v = json.get(field);
    return v != null && !v.isNull();
  }

  /**
   * An essential string.
   *
   * @param entity the object's kind, for the message when the field is missing ({@code resource})
   */
  public String requiredText(String field, String entity) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      throw new IllegalArgumentException(
          article(entity) + " " + entity + " needs a non-null \"" + name(field) + "\"");
    }
    if (!v.isTextual()) {
      throw wrongType(name(field), v, "a string");
    }
    return v.textValue();
  }

  /** An optional string. */
  public String text(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    return rejected(field, v, "a string");
  }

  /** The first of {@code fields} that is present, read as {@link #text}. */
  public String firstText(String... fields) {
    for (String field : fields) {
      if (present(field)) {
        return text(field);
      }
    }
    return null;
  }

  /** An optional value read as text: a string, or a number or boolean as its JSON text. */
  public String scalarText(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isValueNode()) {
      return v.asText();
    }
    return rejected(field, v, "a string, number or boolean");
  }

  /** An optional identifier: a string, or a whole JSON number read as its decimal digits. */
  public String textOrWhole(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isIntegralNumber()) {
      return v.bigIntegerValue().toString();
    }
    return rejected(field, v, "a string, or a whole number (read as its decimal digits)");
  }

  /** An optional size in bytes: {@value #BYTE_COUNT} (a numeric string is read as its number). */
  public Long byteCount(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    Long n = whole(v);
    if (n == null || n < 0) {
      rejected(field, v, BYTE_COUNT);
      return null;
    }
    return n;
  }

  /**
   * An essential index, a whole number from 0 to {@code max}; null when absent.
   *
   * @throws IllegalArgumentException when present and not such a number
   */
  public Integer requiredIndex(String field, int max) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    Long n = whole(v);
    if (n == null || n < 0 || n > max) {
      throw wrongType(name(field), v, "a whole number from 0 to " + max);
    }
    return n.intValue();
  }

  /** An optional number (a numeric string is read as its number). */
  public Double number(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isNumber()) {
      return v.doubleValue();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.textValue().trim());
      } catch (NumberFormatException e) {
        // not a number: rejected below
      }
    }
    return rejected(field, v, "a number");
  }

  /** An optional boolean: null when absent, null or not accepted. */
  public Boolean bool(String field) {
    JsonNode v = json.get(field);
    if (v != null && !v.isNull() && !v.isBoolean()) {
      rejected(field, v, "true or false");
    }
    return Json.bool(json, field);
  }

  /**
   * An optional list of strings (null elements kept as null). Absent, null or not accepted, it is
   * the empty list (the SDK's reading of a missing list).
   */
  public List<String> strings(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return Collections.emptyList();
    }
    if (v.isArray()) {
      List<String> out = new ArrayList<>(v.size());
      for (JsonNode element : v) {
        if (element.isTextual()) {
          out.add(element.textValue());
        } else if (element.isNull()) {
          out.add(null);
        } else {
          rejected(field, v, "a list of strings");
          return Collections.emptyList();
        }
      }
      return Collections.unmodifiableList(out);
    }
    rejected(field, v, "a list of strings");
    return Collections.emptyList();
  }

  /** An optional timestamp, kept as its text: {@value IsoTimestamp#ACCEPTED}. */
  public String timestamp(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() && IsoTimestamp.isValid(v.textValue())) {
      return v.textValue();
    }
    return rejected(field, v, IsoTimestamp.ACCEPTED);
  }

  /**
   * An essential timestamp, kept as its text; null when absent.
   *
   * @throws IllegalArgumentException when present and not an ISO-8601 timestamp
   */
  public String requiredTimestamp(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isTextual() && IsoTimestamp.isValid(v.textValue())) {
      return v.textValue();
    }
    throw wrongType(name(field), v, IsoTimestamp.ACCEPTED);
  }

  /**
   * An optional enum-like string, lower-cased; a value outside {@code known} is kept and counted
   * (one warning per field naming each value and how many items hold it).
   */
  public String enumValue(String value, String field, Set<String> known) {
    if (value == null) {
      return null;
    }
    String lower = value.toLowerCase(Locale.ROOT);
    if (!known.contains(lower)) {
      issues.unknownValue(name(field), lower);
    }
    return lower;
  }

  /** An optional JSON object. */
  public JsonNode object(String field) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (v.isObject()) {
      return v;
    }
    return rejected(field, v, "a JSON object");
  }

  /**
   * An essential list; null when absent.
   *
   * @throws IllegalArgumentException when present and not a list
   */
  public JsonNode requiredList(String field, String accepted) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isArray()) {
      throw wrongType(name(field), v, accepted);
    }
    return v;
  }

  /**
   * An essential object; null when absent.
   *
   * @throws IllegalArgumentException when present and not an object
   */
  public JsonNode requiredObject(String field, String accepted) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isObject()) {
      throw wrongType(name(field), v, accepted);
    }
    return v;
  }

  /**
   * The whole number {@code v} holds: an integer within the range of a long, a float with no
   * fraction up to 2^53, or a string of an integer; null otherwise.
   */
  static Long whole(JsonNode v) {
    if (v.isIntegralNumber()) {
      return v.canConvertToLong() ? v.longValue() : null;
    }
    if (v.isFloatingPointNumber()) {
      double d = v.doubleValue();
      return d == Math.rint(d) && Math.abs(d) <= MAX_EXACT_DOUBLE ? (long) d : null;
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.textValue().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /**
   * The error for an essential field: {@code field "x": found a number (3); accepted: a string}.
   */
  public static IllegalArgumentException wrongType(String field, JsonNode found, String accepted) {
    return new IllegalArgumentException(
        "field \"" + field + "\": found " + describe(found) + "; accepted: " + accepted);
  }

  private <T> T rejected(String field, JsonNode found, String accepted) {
    issues.reject(name(field), describe(found), accepted);
    return null;
  }

  /** A JSON value for a message: its type, and a scalar's text (clipped). */
  public static String describe(JsonNode v) {
    switch (v.getNodeType()) {
      case STRING:
        return "a string (\"" + clip(v.textValue()) + "\")";
      case NUMBER:
        return "a number (" + clip(v.asText()) + ")";
      case BOOLEAN:
        return "a boolean (" + v.asText() + ")";
      case OBJECT:
        return "an object";
      case ARRAY:
        return "a list";
      case NULL:
        return "null";
      default:
        return v.getNodeType().name().toLowerCase(Locale.ROOT);
    }
  }

  private static String clip(String s) {
    return s.length() <= MAX_SHOWN ? s : s.substring(0, MAX_SHOWN) + "...";
  }

  private static String article(String noun) {
    return "aeiou".indexOf(noun.charAt(0)) >= 0 ? "an" : "a";
  }
}
