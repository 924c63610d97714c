package io.datamint.spark.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.cli.SqlCommandLine.Conf;
import io.datamint.spark.internal.cli.SqlCommandLine.UsageException;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SqlCommandLineTest {

  private static final Supplier<InputStream> NO_STDIN =
      () -> {
        throw new AssertionError("standard input must not be read");
      };

  private static SqlCommandLine parse(String... args) throws UsageException {
    return SqlCommandLine.parse(List.of(args), NO_STDIN);
  }

  private static String usageError(String... args) {
    try {
      parse(args);
    } catch (UsageException e) {
      return e.getMessage();
    }
    throw new AssertionError("expected a usage error for " + List.of(args));
  }

  @Test
  void defaults() throws Exception {
    SqlCommandLine line = parse("SELECT 1");
    assertThat(line.sql()).isEqualTo("SELECT 1");
    assertThat(line.format()).isEqualTo(OutputFormat.TABLE);
    assertThat(line.master()).isEqualTo("local[*]");
    assertThat(line.confs()).isEmpty();
    assertThat(line.verbose()).isFalse();
    assertThat(line.help()).isFalse();
  }

  @Test
  void confsKeepTheirOrderAndValuesMayContainEquals() throws Exception {
    SqlCommandLine line =
        parse(
            "--conf",
            "spark.sql.catalog.datamint=a.B",
            "--conf=spark.x=k=v",
            "--conf",
            "spark.sql.catalog.datamint=c.D",
            "--conf",
            "spark.empty=",
            "SELECT 1");
    assertThat(line.confs())
        .containsExactly(
            new Conf("spark.sql.catalog.datamint", "a.B"),
            new Conf("spark.x", "k=v"),
            new Conf("spark.sql.catalog.datamint", "c.D"),
            new Conf("spark.empty", ""));
    assertThat(line.conf("spark.sql.catalog.datamint")).contains("c.D");
    assertThat(line.conf("spark.missing")).isEmpty();
    assertThat(line.confs()).isUnmodifiable();
  }

  @Test
  void formatAndMasterInBothSpellings() throws Exception {
    assertThat(parse("--format", "json", "SELECT 1").format()).isEqualTo(OutputFormat.JSON);
    assertThat(parse("--format=JSON", "SELECT 1").format()).isEqualTo(OutputFormat.JSON);
    assertThat(parse("SELECT 1", "--format", "table").format()).isEqualTo(OutputFormat.TABLE);
    assertThat(parse("--master", "spark://h:7077", "SELECT 1").master())
        .isEqualTo("spark://h:7077");
    assertThat(parse("--master=local[2]", "SELECT 1").master()).isEqualTo("local[2]");
  }

  @Test
  void verboseAndHelp() throws Exception {
    assertThat(parse("-v", "SELECT 1").verbose()).isTrue();
    assertThat(parse("--verbose", "SELECT 1").verbose()).isTrue();
    assertThat(parse("--help").help()).isTrue();
    assertThat(parse("--format", "json", "-h").help()).isTrue();
  }

  @Test
  void unknownOptionIsNamed() {
    assertThat(usageError("--bogus", "SELECT 1")).isEqualTo("unknown option '--bogus'");
    assertThat(usageError("--bogus=1", "SELECT 1")).isEqualTo("unknown option '--bogus'");
    assertThat(usageError("-x", "SELECT 1")).isEqualTo("unknown option '-x'");
  }

  @Test
  void missingValueIsNamed() {
    assertThat(usageError("SELECT 1", "--conf")).isEqualTo("option --conf requires a value");
    assertThat(usageError("SELECT 1", "--format")).isEqualTo("option --format requires a value");
    assertThat(usageError("SELECT 1", "--master")).isEqualTo("option --master requires a value");
    assertThat(usageError("-f")).isEqualTo("option -f requires a value");
  }

  @Test
  void invalidValuesAreNamed() {
    assertThat(usageError("--format", "xml", "SELECT 1"))
        .isEqualTo("invalid --format value 'xml' (expected table or json)");
    assertThat(usageError("--conf", "novalue", "SELECT 1"))
        .isEqualTo("invalid --conf value 'novalue' (expected KEY=VALUE)");
    assertThat(usageError("--conf", "=v", "SELECT 1"))
        .isEqualTo("invalid --conf value '=v' (expected KEY=VALUE)");
    assertThat(usageError("--master=", "SELECT 1")).contains("--master");
  }

  @Test
  void sqlIsRequiredOnce() {
    assertThat(usageError()).startsWith("no SQL given");
    assertThat(usageError("--format", "json")).startsWith("no SQL given");
    assertThat(usageError("SELECT 1", "SELECT 2")).contains("unexpected argument 'SELECT 2'");
  }

  @Test
  void sqlFromFile(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("q.sql");
    Files.writeString(file, "SELECT 'é';\nSELECT 2;\n", StandardCharsets.UTF_8);
    assertThat(parse("-f", file.toString()).sql()).isEqualTo("SELECT 'é';\nSELECT 2;\n");
    assertThat(parse("--file=" + file).sql()).isEqualTo("SELECT 'é';\nSELECT 2;\n");
  }

  @Test
  void unreadableFileIsAUsageError(@TempDir Path dir) {
    String missing = dir.resolve("missing.sql").toString();
    assertThat(usageError("-f", missing))
        .isEqualTo("cannot read SQL file '" + missing + "': no such file");
  }

  @Test
  void fileAndSqlArgumentTogetherAreRejected(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("q.sql"), "SELECT 1");
    assertThat(usageError("-f", file.toString(), "SELECT 2")).contains("not both");
    assertThat(usageError("-f", file.toString(), "-f", file.toString())).contains("more than once");
  }

  @Test
  void dashReadsStandardInput() throws Exception {
    Supplier<InputStream> stdin =
        () -> new ByteArrayInputStream("SELECT 'ü'; SELECT 2".getBytes(StandardCharsets.UTF_8));
    assertThat(SqlCommandLine.parse(List.of("--format", "json", "-"), stdin).sql())
        .isEqualTo("SELECT 'ü'; SELECT 2");
    assertThat(SqlCommandLine.parse(List.of("-f", "-"), stdin).sql())
        .isEqualTo("SELECT 'ü'; SELECT 2");
  }

  @Test
  void sqlStartingWithACommentIsNotAnOption() throws Exception {
    assertThat(parse("-- note\nSELECT 1").sql()).isEqualTo("-- note\nSELECT 1");
    assertThat(parse("--format", "json", "-- note\nSELECT 1").sql()).isEqualTo("-- note\nSELECT 1");
  }

  @Test
  void doubleDashEndsOptions() throws Exception {
    SqlCommandLine line = parse("--format", "json", "--", "--verbose");
    assertThat(line.sql()).isEqualTo("--verbose");
    assertThat(line.verbose()).isFalse();
  }

  @Test
  void usageTextNamesEveryOption() {
    assertThat(SqlCommandLine.USAGE)
        .contains(
            "--conf KEY=VALUE", "--format table|json", "--master URL", "-f, --file FILE", "--help");
  }

  @Test
  void formatNames() {
    assertThat(OutputFormat.fromName("Table")).isEqualTo(OutputFormat.TABLE);
    assertThat(OutputFormat.JSON.cliName()).isEqualTo("json");
    assertThatThrownBy(() -> OutputFormat.fromName("csv"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
