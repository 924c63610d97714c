package io.datamint.spark.internal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.SharedSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SQL runner, in process, against the shared test session. */
class SqlCliTest {

  /** A view with a number, a string, an array, a map, a struct, a null and a binary column. */
  private static final String CREATE_VIEW =
      "CREATE OR REPLACE TEMPORARY VIEW sqlcli_test_v AS "
          + "SELECT 1 AS id, 'alpha' AS name, array(1, 2) AS arr, map('k', 10) AS m, "
          + "named_struct('a', 1, 'b', 'y') AS st, CAST(NULL AS STRING) AS n, X'CAFE' AS bin "
          + "UNION ALL "
          + "SELECT 2, 'b; c', CAST(array() AS ARRAY<INT>), CAST(map() AS MAP<STRING, INT>), "
          + "named_struct('a', 2, 'b', CAST(NULL AS STRING)), 'z', X''";

  private static SparkSession spark;

  @BeforeAll
  static void startSpark() {
    spark = SharedSpark.session();
  }

  /** The outcome of one run: exit status, standard output and standard error. */
  private record Outcome(int status, String out, String err) {}

  private static Outcome run(String script, OutputFormat format) {
    return run(script, format, false);
  }

  private static Outcome run(String script, OutputFormat format, boolean verbose) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status;
    try (PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      status = new SqlCli(spark, outStream, errStream, verbose).execute(script, format);
    }
    return new Outcome(
        status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void printsTheLastResultAsATable() {
    Outcome outcome =
        run(CREATE_VIEW + "; SELECT * FROM sqlcli_test_v ORDER BY id;", OutputFormat.TABLE);
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.status()).isEqualTo(0);
    assertThat(outcome.out())
        .isEqualTo(
            String.join(
                "\n",
                "+----+-------+--------+-------------+-----------------+------+-----------+",
                "| id | name  | arr    | m           | st              | n    | bin       |",
                "+----+-------+--------+-------------+-----------------+------+-----------+",
                "|  1 | alpha | [1, 2] | {\"k\" -> 10} | {a: 1, b: \"y\"}  | NULL | <2 bytes> |",
                "|  2 | b; c  | []     | {}          | {a: 2, b: NULL} | z    | <0 bytes> |",
                "+----+-------+--------+-------------+-----------------+------+-----------+",
                "(2 rows)",
                ""));
  }

  @Test
  void printsTheLastResultAsJsonLines() {
    Outcome outcome =
        run(CREATE_VIEW + "; SELECT * FROM sqlcli_test_v ORDER BY id", OutputFormat.JSON);
    assertThat(outcome.err()).isEmpty();
    assertThat(outcome.status()).isEqualTo(0);
    // Spark's JSON: binary as base64, null fields left out.
    assertThat(outcome.out())
        .isEqualTo(
            "{\"id\":1,\"name\":\"alpha\",\"arr\":[1,2],\"m\":{\"k\":10},\"st\":{\"a\":1,\"b\":\"y\"},"
                + "\"bin\":\"yv4=\"}\n"
                + "{\"id\":2,\"name\":\"b; c\",\"arr\":[],\"m\":{},\"st\":{\"a\":2},\"n\":\"z\","
                + "\"bin\":\"\"}\n");
  }

  @Test
  void timestampsFollowTheSessionTimeZone() {
    String query = "SELECT TIMESTAMP'2024-05-01 12:00:00.5' AS ts, DATE'2024-05-01' AS d";
    assertThat(run(query, OutputFormat.TABLE).out())
        .contains("| 2024-05-01 12:00:00.5 | 2024-05-01 |");
    assertThat(run(query, OutputFormat.JSON).out())
        .isEqualTo("{\"ts\":\"2024-05-01T12:00:00.500Z\",\"d\":\"2024-05-01\"}\n");
  }

  @Test
  void onlyTheLastStatementIsPrinted() {
    Outcome outcome = run("SELECT 1 AS first; SELECT 2 AS second", OutputFormat.TABLE);
    assertThat(outcome.status()).isEqualTo(0);
    assertThat(outcome.out()).contains("second").doesNotContain("first");
  }

  @Test
  void aLastStatementWithoutResultSetPrintsNothing() {
    for (OutputFormat format : OutputFormat.values()) {
      Outcome outcome =
          run("SELECT 1; CREATE OR REPLACE TEMPORARY VIEW sqlcli_test_w AS SELECT 1 AS a", format);
      assertThat(outcome.status()).isEqualTo(0);
      assertThat(outcome.out()).isEmpty();
      assertThat(outcome.err()).isEmpty();
    }
    assertThat(run("SELECT a FROM sqlcli_test_w", OutputFormat.JSON).out())
        .isEqualTo("{\"a\":1}\n");
  }

  @Test
  void emptyResults() {
    assertThat(run("SELECT 1 AS a WHERE false", OutputFormat.TABLE).out())
        .isEqualTo("+---+\n| a |\n+---+\n(0 rows)\n");
    assertThat(run("SELECT 1 AS a WHERE false", OutputFormat.JSON).out()).isEmpty();
  }

  @Test
  void analysisErrorGivesStatusOneAndTheMessage() {
    Outcome outcome = run("SELECT 1; SELECT * FROM sqlcli_no_such_table", OutputFormat.TABLE);
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err())
        .startsWith("error: [TABLE_OR_VIEW_NOT_FOUND]")
        .contains("`sqlcli_no_such_table`")
        .doesNotContain("\tat ")
        .doesNotContain("UnresolvedRelation"); // no query plan
  }

  @Test
  void laterStatementsDoNotRunAfterAnError() {
    Outcome outcome =
        run(
            "SELECT * FROM sqlcli_no_such_table; "
                + "CREATE OR REPLACE TEMPORARY VIEW sqlcli_never AS SELECT 1",
            OutputFormat.TABLE);
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(spark.catalog().tableExists("sqlcli_never")).isFalse();
  }

  @Test
  void parseErrorGivesStatusOneAndTheMessage() {
    Outcome outcome = run("SELEC 1", OutputFormat.JSON);
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.out()).isEmpty();
    assertThat(outcome.err()).startsWith("error: [PARSE_SYNTAX_ERROR]").doesNotContain("\tat ");
  }

  @Test
  void runtimeErrorGivesStatusOneAndTheCauseNotTheJobFailure() {
    Outcome outcome = run("SELECT 10 / x AS q FROM VALUES (1), (0) AS t(x)", OutputFormat.TABLE);
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.err())
        .startsWith("error: [DIVIDE_BY_ZERO]")
        .doesNotContain("Job aborted")
        .doesNotContain("\tat ");
  }

  @Test
  void verboseAddsTheStatementAndStackTrace() {
    Outcome outcome = run("SELECT 1; SELECT * FROM sqlcli_no_such_table", OutputFormat.TABLE, true);
    assertThat(outcome.status()).isEqualTo(1);
    assertThat(outcome.err())
        .startsWith("error: [TABLE_OR_VIEW_NOT_FOUND]")
        .contains("in statement 2 of 2:\nSELECT * FROM sqlcli_no_such_table\n")
        .contains("\tat ");
  }

  @Test
  void errorMessageListsCausesNotAlreadyInTheMessage() {
    Exception failure =
        new IllegalStateException(
            "reading failed", new java.io.IOException("disk gone\n\tat somewhere"));
    assertThat(SqlCli.errorMessage(failure))
        .isEqualTo("reading failed\n  caused by: IOException: disk gone");
    assertThat(SqlCli.errorMessage(new RuntimeException("same", new RuntimeException("same"))))
        .isEqualTo("same");
    assertThat(SqlCli.errorMessage(new NullPointerException()))
        .isEqualTo("java.lang.NullPointerException");
  }

  @Test
  void sessionConfigDefaultsForALocalMaster() throws Exception {
    SqlCommandLine line = SqlCommandLine.parse(List.of("SELECT 1"), () -> null);
    Map<String, String> config = SqlCli.sessionConfig(line, name -> false);
    assertThat(config)
        .containsEntry("spark.master", "local[*]")
        .containsEntry("spark.ui.enabled", "false")
        .containsEntry("spark.sql.session.timeZone", "UTC")
        .containsEntry("spark.driver.host", "127.0.0.1")
        .containsEntry("spark.driver.bindAddress", "127.0.0.1")
        .doesNotContainKey(SqlCli.CATALOG_CONF);
  }

  @Test
  void confsOverrideDefaultsAndRemoteMastersKeepTheirDriverAddress() throws Exception {
    SqlCommandLine line =
        SqlCommandLine.parse(
            List.of(
                "--master",
                "spark://cluster:7077",
                "--conf",
                "spark.sql.session.timeZone=Europe/Berlin",
                "--conf",
                "spark.ui.enabled=true",
                "SELECT 1"),
            () -> null);
    Map<String, String> config = SqlCli.sessionConfig(line, name -> false);
    assertThat(config)
        .containsEntry("spark.master", "spark://cluster:7077")
        .containsEntry("spark.sql.session.timeZone", "Europe/Berlin")
        .containsEntry("spark.ui.enabled", "true")
        .doesNotContainKeys("spark.driver.host", "spark.driver.bindAddress");

    SqlCommandLine local =
        SqlCommandLine.parse(
            List.of("--conf", "spark.driver.host=10.0.0.1", "SELECT 1"), () -> null);
    assertThat(SqlCli.sessionConfig(local, name -> false))
        .containsEntry("spark.driver.host", "10.0.0.1")
        .containsEntry("spark.driver.bindAddress", "127.0.0.1");
  }

  @Test
  void catalogIsRegisteredWhenItsClassIsPresentAndTheUserSetNone() throws Exception {
    // the public catalog class, which the tools name rather than import
    assertThat(SqlCli.CATALOG_CLASS)
        .isEqualTo(io.datamint.spark.catalog.DatamintCatalog.class.getName());
    SqlCommandLine plain = SqlCommandLine.parse(List.of("SELECT 1"), () -> null);
    assertThat(SqlCli.sessionConfig(plain, SqlCli.CATALOG_CLASS::equals))
        .containsEntry(SqlCli.CATALOG_CONF, SqlCli.CATALOG_CLASS);

    SqlCommandLine own =
        SqlCommandLine.parse(
            List.of("--conf", SqlCli.CATALOG_CONF + "=my.Catalog", "SELECT 1"), () -> null);
    assertThat(SqlCli.sessionConfig(own, SqlCli.CATALOG_CLASS::equals))
        .containsEntry(SqlCli.CATALOG_CONF, "my.Catalog");
  }

  @Test
  void sessionExtensionsAreAddedToThoseTheUserListed() throws Exception {
    String ours = io.datamint.spark.DatamintSparkSessionExtensions.class.getName();
    SqlCommandLine plain = SqlCommandLine.parse(List.of("SELECT 1"), () -> null);
    assertThat(SqlCli.sessionConfig(plain, name -> false))
        .containsEntry("spark.sql.extensions", ours);

    SqlCommandLine own =
        SqlCommandLine.parse(
            List.of("--conf", "spark.sql.extensions=org.example.Ext", "SELECT 1"), () -> null);
    assertThat(SqlCli.sessionConfig(own, name -> false))
        .containsEntry("spark.sql.extensions", "org.example.Ext," + ours);

    SqlCommandLine already =
        SqlCommandLine.parse(
            List.of("--conf", "spark.sql.extensions=" + ours + ", org.example.Ext", "SELECT 1"),
            () -> null);
    assertThat(SqlCli.sessionConfig(already, name -> false))
        .containsEntry("spark.sql.extensions", ours + ", org.example.Ext");

    PrefetchCommandLine prefetch =
        PrefetchCommandLine.parse(
            List.of(
                "--project", "p", "--out", "o", "--conf", "spark.sql.extensions=org.example.Ext"));
    assertThat(PrefetchCli.sessionConfig(prefetch))
        .containsEntry("spark.sql.extensions", "org.example.Ext," + ours);
  }

  @Test
  void localMastersAndClassLookup() {
    assertThat(SqlCli.isLocal("local")).isTrue();
    assertThat(SqlCli.isLocal("local[*]")).isTrue();
    assertThat(SqlCli.isLocal("local-cluster[2,1,1024]")).isTrue();
    assertThat(SqlCli.isLocal("spark://h:7077")).isFalse();
    assertThat(SqlCli.isLocal("yarn")).isFalse();
    assertThat(SqlCli.classPresent("java.lang.String")).isTrue();
    assertThat(SqlCli.classPresent("io.datamint.spark.NoSuchClass")).isFalse();
  }

  @Test
  void usageErrorsAndHelpNeedNoSpark() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

    assertThat(SqlCli.run(new String[] {"--bogus", "SELECT 1"}, null, outStream, errStream))
        .isEqualTo(SqlCli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("error: unknown option '--bogus'\n")
        .contains("usage: datamint-sql");
    assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();

    err.reset();
    assertThat(SqlCli.run(new String[] {"; -- nothing"}, null, outStream, errStream))
        .isEqualTo(SqlCli.EXIT_USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEqualTo("error: no SQL statements to run\n");

    err.reset();
    assertThat(SqlCli.run(new String[] {"--help"}, null, outStream, errStream))
        .isEqualTo(SqlCli.EXIT_OK);
    assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(SqlCommandLine.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  void explainPrintsThePlanAsText() {
    Outcome outcome =
        run(
            CREATE_VIEW
                + "; -- why is it slow?\nexplain extended SELECT name FROM sqlcli_test_v "
                + "WHERE id > 1",
            OutputFormat.TABLE);
    assertThat(outcome.status()).isEqualTo(0);
    assertThat(outcome.err()).isEmpty();
    List<String> lines = outcome.out().lines().toList();
    assertThat(lines).contains("== Parsed Logical Plan ==", "== Physical Plan ==");
    assertThat(outcome.out())
        .doesNotContain("\\n")
        .doesNotContain("+--")
        .doesNotContain("| plan")
        .doesNotContain("(1 row)")
        .endsWith("\n");
    assertThat(lines.size()).isGreaterThan(8);
    assertThat(run("EXPLAIN FORMATTED SELECT 1", OutputFormat.TABLE).out().lines())
        .contains("== Physical Plan ==");
  }

  @Test
  void explainInJsonAndAPlanColumnOfAQueryStayAsTheyWere() {
    Outcome json = run("EXPLAIN SELECT 1", OutputFormat.JSON);
    assertThat(json.out()).startsWith("{\"plan\":\"== Physical Plan ==\\n").endsWith("}\n");
    assertThat(json.out().lines()).hasSize(1);
    assertThat(run("SELECT 'a\nb' AS plan", OutputFormat.TABLE).out())
        .isEqualTo("+------+\n| plan |\n+------+\n| a\\nb |\n+------+\n(1 row)\n");
  }
}
