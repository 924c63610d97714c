package io.datamint.spark.config;

/**
 * One documented option: its name, what it accepts, and whether this version implements it. A recognized key that
 * is not implemented yet fails at {@code load()} with a clear message instead of being silently ignored.
 */
public record OptionKey(String name, String accepts, boolean implemented) {

  static OptionKey of(String name, String accepts) {
    return new OptionKey(name, accepts, true);
  }

  static OptionKey planned(String name, String accepts) {
    return new OptionKey(name, accepts, false);
  }
}
