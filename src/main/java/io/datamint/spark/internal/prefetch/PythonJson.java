package io.datamint.spark.internal.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;

/**
 * The text Python's {@code json.dumps(value, sort_keys=True)} writes for a JSON value, with its
 * other defaults: separators {@code ", "} and {@code ": "}, {@code ensure_ascii=True} (every
 * character outside printable ASCII as a lowercase {@code \\uXXXX} escape, surrogate pairs for the
 * rest), keys sorted by code point, integers as written, floats as Python's {@code repr} ({@code
 * 1.0}, {@code 1e+16}, {@code 1e-05}), NaN and infinities as {@code NaN} and {@code Infinity}.
 */
final class PythonJson {

  private PythonJson() {}

  /** {@code json.dumps(node, sort_keys=True)}. */
  static String dumps(JsonNode node) {
    StringBuilder out = new StringBuilder();
    write(node, out);
    return out.toString();
  }

  private static void write(JsonNode node, StringBuilder out) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      out.append("null");
    } else if (node.isBoolean()) {
      out.append(node.booleanValue() ? "true" : "false");
    } else if (node.isIntegralNumber()) {
      out.append(node.bigIntegerValue());
    } else if (node.isNumber()) {
      out.append(floatRepr(node.doubleValue()));
    } else if (node.isTextual()) {
      string(node.textValue(), out);
    } else if (node.isArray()) {
      out.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        write(node.get(i), out);
      }
      out.append(']');
    } else if (node.isObject()) {
      List<String> keys = new ArrayList<>();
      for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
        keys.add(it.next());
      }
      keys.sort(PythonJson::compareCodePoints);
      out.append('{');
      for (int i = 0; i < keys.size(); i++) {
        if (i > 0) {
          out.append(", ");
        }
        string(keys.get(i), out);
        out.append(": ");
        write(node.get(keys.get(i)), out);
      }
      out.append('}');
    } else {
      string(node.asText(), out);
    }
  }

  /** Python's {@code py_encode_basestring_ascii}. */
  static void string(String s, StringBuilder out) {
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
          if (c < 0x20 || c > 0x7e) {
            out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
          } else {
            out.append(c);
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

  private static int compareCodePoints(String a, String b) {
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
}
