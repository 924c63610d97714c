package io.datamint.spark.internal.config;

import java.util.Map;

/**
 * The README's options table, written from {@link OptionSpecs}: one row per option with its name,
 * what it accepts, its default and its documentation sentence. The README holds it between {@link
 * #BEGIN} and {@link #END}; {@code OptionsReadmeTest} fails when the README's copy differs and
 * rewrites it when asked to.
 */
final class OptionsTable {

  /** The line before the table in the README. */
  public static final String BEGIN =
      "<!-- options table: generated from config.OptionSpecs by OptionsReadmeTest -->";

  /** The line after the table in the README. */
  public static final String END = "<!-- end of options table -->";

  /** The table's header row. */
  public static final String HEADER = "| Option | Values | Default | Meaning (SDK equivalent) |";

  private OptionsTable() {}

  /** The table in Markdown, header included, one line per option, each ending in a newline. */
  public static String markdown() {
    StringBuilder out = new StringBuilder(HEADER).append('\n').append("|---|---|---|---|\n");
    for (Map.Entry<String, OptionSpec<?>> e : OptionSpecs.all().entrySet()) {
      out.append(row(e.getValue())).append('\n');
    }
    return out.toString();
  }

  /** One option's row. */
  public static String row(OptionSpec<?> spec) {
    String defaultText = spec.defaultText();
    return "| `"
        + spec.name()
        + "` | "
        + cell(spec.accepts())
        + " | "
        + (defaultText == null ? "" : cell(defaultText))
        + " | "
        + cell(spec.doc())
        + " |";
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }
}
