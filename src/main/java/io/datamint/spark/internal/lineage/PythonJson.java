package io.datamint.spark.internal.lineage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Writes JSON byte for byte as CPython's {@code json.dumps(value)} and {@code json.dumps(value,
 * sort_keys=True)} do with their other defaults: separators {@code ", "} and {@code ": "}, {@code
 * ensure_ascii=True} (every character outside {@code ' '..'~'} escaped: {@code \"}, {@code \\},
 * {@code \n}, {@code \r}, {@code \t}, {@code \b}, {@code \f}, else {@code \}{@code uXXXX} in lower
 * case hex, a character beyond the BMP as its two surrogates), keys sorted by code point when
 * asked, insertion order otherwise. The SDK hashes this text for its MLflow digest.
 *
 * <p>Values: {@code null}, {@link Boolean}, {@link Integer}, {@link Long}, {@link CharSequence},
 * {@link Map} with string keys, {@link Collection}. Anything else is a bug of the caller.
 */
public final class PythonJson {

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private PythonJson() {}

  /** {@code json.dumps(value)}: maps in their iteration order. */
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
    } else {
      throw new IllegalArgumentException(
          "not a JSON value of the SDK's digest: " + value.getClass().getName());
    }
  }

  private static void object(StringBuilder out, Map<?, ?> map, boolean sortKeys) {
    List<Map.Entry<?, ?>> entries = new ArrayList<>(map.entrySet());
    for (Map.Entry<?, ?> e : entries) {
      if (!(e.getKey() instanceof String)) {
        throw new IllegalArgumentException("a JSON object key must be a string: " + e.getKey());
      }
    }
    if (sortKeys) {
      // Python compares str by code point; String.compareTo compares UTF-16 units
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

  /** Orders two strings as Python orders {@code str}: by code point. */
  static int compareCodePoints(String a, String b) {
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
}
