package io.datamint.spark.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.api.model.Json;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses option values (booleans, lists, byte sizes, durations, enums) with messages that name the option and value. */
final class OptionValues {

  private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);

  private OptionValues() {}

  static boolean bool(String key, String value) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw invalid(key, value, "true or false");
  }

  /** A comma-separated list or a JSON array of strings; blank items of a comma list are dropped. */
  static List<String> list(String key, String value) {
    String v = value.trim();
    if (v.startsWith("[")) {
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(v);
      } catch (JsonProcessingException e) {
        throw invalid(key, value, "a comma-separated list or a JSON array of strings (" + e.getOriginalMessage() + ")");
      }
      List<String> out = new ArrayList<>();
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw invalid(key, value, "a comma-separated list or a JSON array of strings");
        }
        out.add(item.asText());
      }
      return Collections.unmodifiableList(out);
    }
    List<String> out = new ArrayList<>();
    for (String item : v.split(",")) {
      if (!item.isBlank()) {
        out.add(item.trim());
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A positive byte count: {@code 1048576}, {@code 512k}, {@code 64m}, {@code 1g}, {@code 64MiB}. */
  static long bytes(String key, String value) {
    Matcher m = SIZE.matcher(value.trim());
    if (!m.matches()) {
      throw invalid(key, value, "a positive byte size such as 67108864, 512k, 64m or 1g");
    }
    long n;
    try {
      n = Long.parseLong(m.group(1));
    } catch (NumberFormatException e) {
      throw invalid(key, value, "a positive byte size such as 67108864, 512k, 64m or 1g");
    }
    int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) {
      case "k" -> 10;
      case "m" -> 20;
      case "g" -> 30;
      case "t" -> 40;
      default -> 0;
    };
    if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
      throw invalid(key, value, "a positive byte size such as 67108864, 512k, 64m or 1g");
    }
    return n << shift;
  }

  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);

  /** A positive duration: {@code 30} (seconds), {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}. */
  static java.time.Duration duration(String key, String value) {
    Matcher m = DURATION.matcher(value.trim());
    if (m.matches()) {
      try {
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
        java.time.Duration d = switch (unit) {
          case "ms" -> java.time.Duration.ofMillis(n);
          case "m" -> java.time.Duration.ofMinutes(n);
          case "h" -> java.time.Duration.ofHours(n);
          default -> java.time.Duration.ofSeconds(n);
        };
        if (n > 0) {
          return d;
        }
      } catch (NumberFormatException | ArithmeticException e) {
        // reported below
      }
    }
    throw invalid(key, value, "a positive duration such as 30s, 500ms, 5m or 90 (seconds)");
  }

  static int positiveInt(String key, String value) {
    try {
      int n = Integer.parseInt(value.trim());
      if (n > 0) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw invalid(key, value, "a positive whole number");
  }

  static <E extends Enum<E>> E enumValue(String key, String value, Class<E> type) {
    String v = value.trim().toUpperCase(Locale.ROOT);
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equals(v)) {
        return constant;
      }
    }
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(constant.name());
    }
    throw invalid(key, value, "one of " + String.join(", ", names) + " (case-insensitive)");
  }

  static InvalidOptionException invalid(String key, String value, String accepted) {
    return new InvalidOptionException(
        "invalid value for option \"" + key + "\": \"" + value + "\"; accepted: " + accepted);
  }
}
