package io.datamint.spark.config;

/** One documented option: its name and what it accepts (shown in error messages). */
public record OptionKey(String name, String accepts) {

  static OptionKey of(String name, String accepts) {
    return new OptionKey(name, accepts);
  }
}
