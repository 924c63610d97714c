package io.datamint.spark.internal.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kind of value an option takes: how its text is parsed, the sentence saying what is accepted
 * (the same in error messages and in the README), and how a value is written back (for defaults in
 * the README). A parser reports a rejected text by throwing {@link IllegalArgumentException};
 * {@link OptionSpec} turns that into the option's message, with the exception's message as a detail
 * in parentheses when the type {@linkplain #explained explains}.
 *
 * @param <T> the parsed value's type
 */
final class OptionType<T> {

  /**
   * Parses an option's text; throws {@link IllegalArgumentException} when the text is not accepted.
   */
  @FunctionalInterface
  public interface Parser<T> {
    /** The value of {@code text}, which is never null. */
    T parse(String text);
  }

  private static final Pattern SIZE =
      Pattern.compile("(\\d+)\\s*([kmgt]?)(i?b)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern DURATION =
      Pattern.compile("(\\d+)\\s*(ms|s|m|h)?", Pattern.CASE_INSENSITIVE);
  private static final String[] SIZE_UNITS = {"", "k", "m", "g", "t"};

  /** {@code true} or {@code false}, any case. */
  public static final OptionType<Boolean> BOOLEAN =
      of("true or false", OptionType::parseBoolean, String::valueOf);

  /**
   * A positive duration: {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h}, or a bare number of
   * seconds.
   */
  public static final OptionType<Duration> DURATION_VALUE =
      of(
          "a positive duration such as 30s, 500ms, 5m or 90 (seconds)",
          OptionType::parseDuration,
          OptionType::formatDuration);

  /** A whole number, negative ones included. */
  public static final OptionType<Long> WHOLE_NUMBER =
      of("a whole number", text -> Long.parseLong(text.trim()), String::valueOf);

  private final String accepts;
  private final Parser<T> parser;
  private final Function<T, String> formatter;
  private final boolean explained;

  private OptionType(
      String accepts, Parser<T> parser, Function<T, String> formatter, boolean explained) {
    this.accepts = accepts;
    this.parser = parser;
    this.formatter = formatter;
    this.explained = explained;
  }

  /**
   * A type whose rejections are described by {@code accepts} alone.
   *
   * @param accepts what is accepted, e.g. {@code "true or false"}
   * @param parser the parser
   * @param formatter writes a value as an option text (for defaults)
   */
  public static <T> OptionType<T> of(
      String accepts, Parser<T> parser, Function<T, String> formatter) {
    return new OptionType<>(accepts, parser, formatter, false);
  }

  /**
   * This type, with the parser's exception message added to {@link #accepts()} in messages about a
   * bad value.
   */
  public OptionType<T> explained() {
    return new OptionType<>(accepts, parser, formatter, true);
  }

  /** This type with another sentence of what is accepted. */
  public OptionType<T> accepting(String sentence) {
    return new OptionType<>(sentence, parser, formatter, explained);
  }

  /** A positive {@code int}; {@code unit} names what is counted, e.g. {@code "rows"}. */
  public static OptionType<Integer> positiveInt(String unit) {
    return of("a positive whole number of " + unit, OptionType::parsePositiveInt, String::valueOf);
  }

  /**
   * A positive byte size ({@code 1048576}, {@code 512k}, {@code 64m}, {@code 1g}, {@code 64MiB}) of
   * at most {@code max}.
   */
  public static OptionType<Long> bytes(long max, String accepts) {
    return of(accepts, text -> parseBytes(text, max), OptionType::formatBytes);
  }

  /**
   * A positive byte size of at most {@code max}, where a value above {@code cap} (but within {@code
   * max}) means {@code cap}: for a bound whose round human form ({@code 2g}) is a little above what
   * can be honoured ({@code 2g} minus a little).
   */
  public static OptionType<Long> bytesCapped(long max, long cap, String accepts) {
    return of(accepts, text -> Math.min(parseBytes(text, max), cap), OptionType::formatBytes);
  }

  /**
   * A comma-separated list or a JSON array of strings (blank items of a comma list are dropped).
   *
   * @param items what the items are, e.g. {@code "tags"}
   */
  public static OptionType<List<String>> list(String items) {
    return of(
            items + " as a comma-separated list or a JSON array of strings",
            OptionType::parseList,
            value -> String.join(",", value))
        .explained();
  }

  /** Free text, trimmed; a blank text is no value (null). */
  public static OptionType<String> text(String accepts) {
    return of(accepts, text -> text.isBlank() ? null : text.trim(), Function.identity());
  }

  /** Free text, kept exactly as given. */
  public static OptionType<String> verbatim(String accepts) {
    return of(accepts, text -> text, Function.identity());
  }

  /**
   * The constants of an enum, matched case-insensitively.
   *
   * @param type the enum
   * @param upperCase whether values are written upper case ({@code PERMISSIVE}) rather than lower
   *     case
   */
  public static <E extends Enum<E>> OptionType<E> enumOf(Class<E> type, boolean upperCase) {
    Function<E, String> name = e -> upperCase ? e.name() : e.name().toLowerCase(Locale.ROOT);
    List<String> names = new ArrayList<>();
    for (E constant : type.getEnumConstants()) {
      names.add(name.apply(constant));
    }
    Parser<E> parser =
        text -> {
          for (E constant : type.getEnumConstants()) {
            if (constant.name().equalsIgnoreCase(text.trim())) {
              return constant;
            }
          }
          throw new IllegalArgumentException();
        };
    return of("one of " + String.join(", ", names) + " (case-insensitive)", parser, name);
  }

  /** What this type accepts, as shown in messages and the README. */
  public String accepts() {
    return accepts;
  }

  /** Whether messages about a rejected text add the parser's explanation. */
  boolean isExplained() {
    return explained;
  }

  /** Parses a non-null text; throws {@link IllegalArgumentException} when it is not accepted. */
  T parse(String text) {
    return parser.parse(text);
  }

  /** A value written as an option text. */
  String format(T value) {
    return formatter.apply(value);
  }

  private static Boolean parseBoolean(String text) {
    String v = text.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return Boolean.valueOf(v);
    }
    throw new IllegalArgumentException();
  }

  private static Integer parsePositiveInt(String text) {
    int n = Integer.parseInt(text.trim());
    if (n <= 0) {
      throw new IllegalArgumentException();
    }
    return n;
  }

  private static Long parseBytes(String text, long max) {
    Matcher m = SIZE.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException();
    }
    long n = Long.parseLong(m.group(1));
    int shift = 10 * List.of(SIZE_UNITS).indexOf(m.group(2).toLowerCase(Locale.ROOT));
    if (n <= 0 || n > (Long.MAX_VALUE >> shift) || (n << shift) > max) {
      throw new IllegalArgumentException();
    }
    return n << shift;
  }

  private static String formatBytes(Long value) {
    int unit = 0;
    long n = value;
    while (unit < SIZE_UNITS.length - 1 && n % 1024 == 0 && n != 0) {
      n /= 1024;
      unit++;
    }
    return n + SIZE_UNITS[unit];
  }

  private static Duration parseDuration(String text) {
    Matcher m = DURATION.matcher(text.trim());
    if (!m.matches()) {
      throw new IllegalArgumentException();
    }
    long n = Long.parseLong(m.group(1));
    if (n <= 0) {
      throw new IllegalArgumentException();
    }
    String unit = m.group(2) == null ? "s" : m.group(2).toLowerCase(Locale.ROOT);
    return switch (unit) {
      case "ms" -> Duration.ofMillis(n);
      case "m" -> Duration.ofMinutes(n);
      case "h" -> Duration.ofHours(n);
      default -> Duration.ofSeconds(n);
    };
  }

  private static String formatDuration(Duration value) {
    return value.toMillis() % 1000 == 0 ? value.toSeconds() + "s" : value.toMillis() + "ms";
  }

  private static List<String> parseList(String text) {
    String v = text.trim();
    List<String> out = new ArrayList<>();
    if (v.startsWith("[")) {
      JsonNode node;
      try {
        node = Json.MAPPER.readTree(v);
      } catch (JsonProcessingException e) {
        throw new IllegalArgumentException(e.getOriginalMessage());
      }
      for (JsonNode item : node) {
        if (!item.isTextual()) {
          throw new IllegalArgumentException("item " + item + " is not a string");
        }
        out.add(item.asText());
      }
    } else {
      for (String item : v.split(",")) {
        if (!item.isBlank()) {
          out.add(item.trim());
        }
      }
    }
    return Collections.unmodifiableList(out);
  }
}
