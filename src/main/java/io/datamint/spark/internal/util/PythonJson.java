package io.datamint.spark.internal.util;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Writes JSON byte for byte as CPython's {@code json.dumps(value)} and {@code json.dumps(value,
 * sort_keys=True)} do with their other defaults: separators {@code ", "} and {@code ": "}, {@code
 * ensure_ascii=True} (every character outside {@code ' '..'~'} escaped: {@code \"}, {@code \\},
 * {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, else {@code \}{@code uXXXX} in lower
 * case hex, a character beyond the BMP as its two surrogates), keys sorted by code point when
 * asked, insertion order otherwise. The SDK hashes this text: its MLflow dataset digest ({@code
 * internal.lineage}) and its cache's version hash ({@code internal.prefetch}).
 *
 * <p>Values: {@code null}, {@link Boolean}, {@link Integer}, {@link Long}, {@link CharSequence},
 * {@link Map} with string keys, {@link Collection}, and Jackson's {@link JsonNode} (JSON read from
 * the API, its integers as written, its floats as Python's {@code repr}: {@code 1.0}, {@code
 * 1e+16}, {@code 1e-05}, NaN and infinities as {@code NaN} and {@code Infinity}). Anything else, a
 * Java {@code double} included (no digest hashes one), is a bug of the caller.
 */
public final class PythonJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  /** {@code json.dumps(value)}: maps and JSON objects in their iteration order. */
  public static String dumps(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, false);
    return out.toString();
  }

  /** {@code json.dumps(value, sort_keys=True)}. */
  public static String dumpsSorted(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, true);
    return out.toString();
  }

  private static void write(StringBuilder out, Object value, boolean sortKeys) {
    if (value == null) {
      out.append("null");
    } else if (value instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else if (value instanceof Integer || value instanceof Long) {
      out.append(value);
    } else if (value instanceof CharSequence s) {
      string(out, s.toString());
    } else if (value instanceof Map<?, ?> map) {
      object(out, map, sortKeys);
    } else if (value instanceof Collection<?> items) {
      array(out, items, sortKeys);
    } else if (value instanceof JsonNode node) {
      node(out, node, sortKeys);
    } else {
      throw new IllegalArgumentException(
          "not a JSON value of the SDK's digest: " + value.getClass().getName());
    }
  }

  private static void node(StringBuilder out, JsonNode node, boolean sortKeys) {
    if (node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.append(floatRepr(node.doubleValue()));
    } else if (node.isTextual()) {
      string(out, node.textValue());
    } else if (node.isArray()) {
      List<JsonNode> items = new ArrayList<>(node.size());
      node.elements().forEachRemaining(items::add);
      array(out, items, sortKeys);
    } else if (node.isObject()) {
      Map<String, JsonNode> fields = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        fields.put(e.getKey(), e.getValue());
      }
      object(out, fields, sortKeys);
    } else {
      string(out, node.asText());
    }
  }

  private static void array(StringBuilder out, Collection<?> items, boolean sortKeys) {
    out.append('[');
    boolean first = true;
    for (Object item : items) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      write(out, item, sortKeys);
    }
    out.append(']');
  }

  private static void object(StringBuilder out, Map<?, ?> map, boolean sortKeys) {
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<?, ?> e : entries) {
      if (!(e.getKey() instanceof String)) {
        throw new IllegalArgumentException("a JSON object key must be a string: " + e.getKey());
      }
    }
    if (sortKeys) {
      entries.sort((a, b) -> compareCodePoints((String) a.getKey(), (String) b.getKey()));
    }
    out.append('{');
    boolean first = true;
    for (Map.Entry<?, ?> e : entries) {
      if (!first) {
        out.append(", ");
      }
      first = false;
      string(out, (String) e.getKey());
      out.append(": ");
      write(out, e.getValue(), sortKeys);
    }
    out.append('}');
  }

  /**
   * Orders two strings as Python orders {@code str}: by code point ({@link String#compareTo}
   * compares UTF-16 units, which differs beyond the BMP).
   */
  public static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int ca = a.codePointAt(i);
      int cb = b.codePointAt(j);
      if (ca != cb) {
        return Integer.compare(ca, cb);
      }
      i += Character.charCount(ca);
      j += Character.charCount(cb);
    }
    return Integer.compare(a.length() - i, b.length() - j);
  }

  /** Python's {@code py_encode_basestring_ascii}. */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= ' ' && c <= '~') {
            out.append(c);
          } else {
            // a UTF-16 unit: beyond the BMP this is one of the two surrogates, as Python writes
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xF])
                .append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF])
                .append(HEX[c & 0xF]);
          }
        }
      }
    }
    out.append('"');
  }

  /** Python's {@code repr(float)}: the shortest digits that read back as the same double. */
  static String floatRepr(double d) {
    if (Double.isNaN(d)) {
      return "NaN";
    }
    if (Double.isInfinite(d)) {
      return d > 0 ? "Infinity" : "-Infinity";
    }
    if (d == 0) {
      return (1 / d < 0) ? "-0.0" : "0.0";
    }
    // 17 significant digits always give d back; look for fewer.
    BigDecimal shortest = new BigDecimal(String.format(Locale.ROOT, "%.16e", d));
    for (int digits = 1; digits < 17; digits++) {
      String candidate = String.format(Locale.ROOT, "%." + (digits - 1) + "e", d);
      if (Double.parseDouble(candidate) == d) {
        shortest = new BigDecimal(candidate);
        break;
      }
    }
    BigDecimal value = shortest.stripTrailingZeros();
    String unscaled = value.unscaledValue().abs().toString();
    int exponent = unscaled.length() - 1 - value.scale(); // value = d.ddd x 10^exponent
    String sign = value.signum() < 0 ? "-" : "";
    if (exponent < -4 || exponent >= 16) {
      String mantissa =
          unscaled.length() == 1 ? unscaled : unscaled.charAt(0) + "." + unscaled.substring(1);
      return sign
          + mantissa
          + "e"
          + (exponent < 0 ? "-" : "+")
          + String.format(Locale.ROOT, "%02d", Math.abs(exponent));
    }
    String plain = value.abs().toPlainString();
    return sign + (plain.contains(".") ? plain : plain + ".0");
  }
}
