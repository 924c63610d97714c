package io.datamint.spark.internal.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The README's options table against {@link OptionSpecs}: every option has a row, no row names an
 * unknown option, and each row's values, default and meaning are the definition's. Run with {@code
 * -Ddatamint.updateReadme=true} to rewrite the table from the definitions instead.
 */
class OptionsReadmeTest {

  private static final Path README =
      Path.of(System.getProperty("datamint.test.basedir", "."), "README.md");
  private static final String UPDATE = "datamint.updateReadme";
  private static final String HOW_TO_UPDATE =
      "rewrite it from config.OptionSpecs with: mvn test "
          + "-Dtest=OptionsReadmeTest -D"
          + UPDATE
          + "=true";

  @Test
  void theReadmeTableIsTheRegistrys() throws IOException {
    String readme = Files.readString(README, StandardCharsets.UTF_8);
    if (Boolean.getBoolean(UPDATE)) {
      readme = withTable(readme, OptionsTable.markdown());
      Files.writeString(README, readme, StandardCharsets.UTF_8);
    }
    assertThat(differences(table(readme)))
        .as("README.md options table; " + HOW_TO_UPDATE)
        .isEmpty();
    assertThat(table(readme))
        .as("README.md options table (order, header); " + HOW_TO_UPDATE)
        .isEqualTo(OptionsTable.markdown());
  }

  @Test
  void aMissingAnExtraAndAChangedRowAreEachReported() {
    String table =
        OptionsTable.markdown()
                .replace(OptionsTable.row(OptionSpecs.SEED) + "\n", "")
                .replace("| `64m` |", "| `32m` |")
                .replace("| `mode` | one of PERMISSIVE,", "| `mode` | PERMISSIVE or")
            + "| `batch_rows` | rows | `16` | rows per batch |\n";
    assertThat(differences(table))
        .containsExactly(
            "mode: values are \"PERMISSIVE or DROPMALFORMED, FAILFAST (case-insensitive)\" in the README, \""
                + OptionSpecs.MODE.accepts()
                + "\" in OptionSpecs",
            "target_partition_bytes: default is `32m` in the README, `64m` in OptionSpecs",
            "seed: no row in the README",
            "batch_rows: in the README but no such option");
  }

  @Test
  void aReadmeWithoutTheMarkersIsRejected() {
    assertThatThrownBy(() -> table("# README\n| Option | Values |\n"))
        .hasMessageContaining(OptionsTable.BEGIN);
  }

  /**
   * What differs between a table and the registry, one sentence per key, in the registry's order.
   */
  private static List<String> differences(String table) {
    Map<String, List<String>> rows = rows(table);
    List<String> out = new ArrayList<>();
    for (OptionSpec<?> spec : OptionSpecs.all().values()) {
      List<String> row = rows.get(spec.name());
      if (row == null) {
        out.add(spec.name() + ": no row in the README");
        continue;
      }
      List<String> expected = rows(OptionsTable.row(spec)).get(spec.name());
      compare(out, spec.name(), "values are", row.get(0), expected.get(0), true);
      compare(out, spec.name(), "default is", row.get(1), expected.get(1), false);
      compare(out, spec.name(), "meaning is", row.get(2), expected.get(2), true);
    }
    rows.keySet().stream()
        .filter(k -> OptionSpecs.find(k) == null)
        .forEach(k -> out.add(k + ": in the README but no such option"));
    return out;
  }

  private static void compare(
      List<String> out, String key, String what, String readme, String registry, boolean quote) {
    if (!readme.equals(registry)) {
      String q = quote ? "\"" : "";
      out.add(
          key
              + ": "
              + what
              + " "
              + q
              + (readme.isEmpty() ? "(none)" : readme)
              + q
              + " in the README, "
              + q
              + (registry.isEmpty() ? "(none)" : registry)
              + q
              + " in OptionSpecs");
    }
  }

  /**
   * The rows of a Markdown table whose first cell is a key in backticks: key to the other cells.
   */
  private static Map<String, List<String>> rows(String table) {
    Map<String, List<String>> rows = new LinkedHashMap<>();
    for (String line : table.split("\n")) {
      if (!line.startsWith("| `")) {
        continue;
      }
      List<String> cells = cells(line);
      rows.put(cells.get(0).replace("`", ""), cells.subList(1, cells.size()));
    }
    return rows;
  }

  /** The cells of one table line; {@code \|} is a bar inside a cell. */
  private static List<String> cells(String line) {
    List<String> cells = new ArrayList<>();
    String[] parts = line.substring(1, line.lastIndexOf('|')).split("(?<!\\\\)\\|", -1);
    for (String part : parts) {
      cells.add(part.trim());
    }
    while (cells.size() < 4) {
      cells.add("");
    }
    return cells;
  }

  private static String table(String readme) {
    int begin = readme.indexOf(OptionsTable.BEGIN + "\n");
    int end = readme.indexOf(OptionsTable.END, begin);
    assertThat(begin)
        .as("README.md has the line %s before its options table", OptionsTable.BEGIN)
        .isNotNegative();
    assertThat(end)
        .as("README.md has the line %s after its options table", OptionsTable.END)
        .isPositive();
    return readme.substring(begin + OptionsTable.BEGIN.length() + 1, end);
  }

  private static String withTable(String readme, String table) {
    int begin = readme.indexOf(OptionsTable.BEGIN + "\n");
    int end = readme.indexOf(OptionsTable.END, begin);
    assertThat(begin).as("README.md has the line %s", OptionsTable.BEGIN).isNotNegative();
    return readme.substring(0, begin + OptionsTable.BEGIN.length() + 1)
        + table
        + readme.substring(end);
  }
}
