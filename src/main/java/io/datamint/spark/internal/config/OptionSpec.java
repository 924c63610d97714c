package io.datamint.spark.internal.config;

import java.util.Map;
import java.util.Objects;

/**
 * The one definition of an option key: its name, its {@link OptionType type} (and so what it
 * accepts), its default, the sentence documenting it, and whether only a prefetch takes it.
 * Parsing, the default, the error message and the README's table row all come from here. Instances
 * are immutable; {@link OptionSpecs} holds them all.
 *
 * @param <T> the parsed value's type
 */
final class OptionSpec<T> {

  private final String name;
  private final OptionType<T> type;
  private final T defaultValue;
  private final String defaultText;
  private final String doc;
  private final boolean prefetchOnly;

  private OptionSpec(
      String name,
      OptionType<T> type,
      T defaultValue,
      String defaultText,
      String doc,
      boolean prefetchOnly) {
    this.name = Objects.requireNonNull(name);
    this.type = Objects.requireNonNull(type);
    this.defaultValue = defaultValue;
    this.defaultText = defaultText;
    this.doc = Objects.requireNonNull(doc);
    this.prefetchOnly = prefetchOnly;
  }

  /**
   * A read option.
   *
   * @param name the lower-case key
   * @param type its type
   * @param defaultValue the value when the key is not given; null for "not given"
   * @param doc what it does, one sentence for the README (Markdown, the SDK equivalent in
   *     parentheses)
   */
  static <T> OptionSpec<T> of(String name, OptionType<T> type, T defaultValue, String doc) {
    return new OptionSpec<>(name, type, defaultValue, null, doc, false);
  }

  /**
   * This option with its default described in words (for a default that is computed, or absent on
   * purpose).
   */
  OptionSpec<T> defaultShownAs(String words) {
    return new OptionSpec<>(name, type, defaultValue, words, doc, prefetchOnly);
  }

  /** This option as one that only a prefetch takes; a read given it fails. */
  OptionSpec<T> prefetchOnly() {
    return new OptionSpec<>(name, type, defaultValue, defaultText, doc, true);
  }

  /** The key, lower case. */
  public String name() {
    return name;
  }

  /** The value's type. */
  public OptionType<T> type() {
    return type;
  }

  /** What the option accepts, as shown in messages and the README. */
  public String accepts() {
    return type.accepts();
  }

  /** The value when the key is not given (null: not given). */
  public T defaultValue() {
    return defaultValue;
  }

  /**
   * The default as the README shows it, in Markdown: a value in backticks such as {@code `64m`},
   * the words given to {@link #defaultShownAs}, or null when the option has none.
   */
  public String defaultText() {
    if (defaultText != null) {
      return defaultText;
    }
    return defaultValue == null ? null : "`" + type.format(defaultValue) + "`";
  }

  /** The documentation sentence. */
  public String doc() {
    return doc;
  }

  /** Whether only a prefetch takes this option. */
  public boolean isPrefetchOnly() {
    return prefetchOnly;
  }

  /** Whether {@code options} (lower-case keys) gives this key. */
  boolean isGiven(Map<String, String> options) {
    return options.containsKey(name);
  }

  /**
   * This option's value in {@code options} (lower-case keys, non-null values), or the default.
   *
   * @throws InvalidOptionException naming the option, the value and what is accepted
   */
  T get(Map<String, String> options) {
    String text = options.get(name);
    return text == null ? defaultValue : parse(text);
  }

  /**
   * Parses a text given for this option.
   *
   * @throws InvalidOptionException naming the option, the value and what is accepted
   */
  T parse(String text) {
    try {
      return type.parse(text);
    } catch (InvalidOptionException e) {
      throw e;
    } catch (IllegalArgumentException | ArithmeticException e) {
      String detail =
          type.isExplained() && e.getMessage() != null ? " (" + e.getMessage() + ")" : "";
      throw invalid(text, accepts() + detail);
    }
  }

  /** The message for a value this option does not take. */
  InvalidOptionException invalid(String text, String accepted) {
    return new InvalidOptionException(
        "invalid value for option \"" + name + "\": \"" + text + "\"; accepted: " + accepted);
  }

  @Override
  public String toString() {
    return name;
  }
}
