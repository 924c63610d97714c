package io.datamint.spark.docs;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.countDistinct;
import static org.apache.spark.sql.functions.lit;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.cli.SqlScript;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.SharedSpark;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every piece of documented SQL ({@link DocumentedSql}) runs as written: only the example paths are
 * replaced, by sample projects written by the sample generator, and the Spark confs its {@code --
 * spark.*=value} comment lines name are set. Each block runs in a new session of the shared
 * SparkContext, so that its temporary views and its {@code datamint} catalog are its own. A
 * statement that asks for rows ({@code SELECT}, {@code WITH}, {@code SHOW}, ...) must return some.
 * Two results are also checked against counts computed another way: the report of {@code
 * examples/sql/report.sql} and the README's split prevalence.
 */
class DocumentedSqlTest {

  private static final Path REPO = Path.of(System.getProperty("datamint.test.basedir", "."));

  /** The project the README's {@code /data/mirrors/my-project} stands for. */
  private static final String MY_PROJECT = "my-project";

  /** Statements that must return rows, by their first keyword. */
  private static final Set<String> QUERIES =
      Set.of("SELECT", "WITH", "SHOW", "DESCRIBE", "DESC", "VALUES", "TABLE", "FROM", "EXPLAIN");

  /** A path in the SQL: in a quoted literal, or the value of a conf comment line. */
  private static final Pattern PATH = Pattern.compile("(?<=['=])/[^'\\s]*");

  @TempDir static Path tmp;

  /** Each documented example path and the sample project directory it stands for. */
  private static Map<String, Path> placeholders;

  @BeforeAll
  static void writeSampleProjects() throws IOException {
    Path mirrors = tmp.resolve("mirrors");
    Path myProject = mirrors.resolve(MY_PROJECT);
    SampleProject.write(myProject, SampleProject.DEFAULT_SEED);
    rename(myProject, MY_PROJECT);
    Path sample = tmp.resolve("sample");
    SampleProject.write(sample, SampleProject.DEFAULT_SEED);
    placeholders = new LinkedHashMap<>();
    placeholders.put("/data/mirrors", mirrors);
    placeholders.put("/data/mirrors/my-project", myProject);
    placeholders.put("/tmp/sample", sample);
    placeholders.put("/tmp/sample-project", sample);
  }

  /** Names the sample project at {@code dir} as the documentation does, in its project.json. */
  private static void rename(Path dir, String name) throws IOException {
    ObjectMapper json = new ObjectMapper();
    Path file = dir.resolve("project.json");
    ObjectNode project = (ObjectNode) json.readTree(file.toFile());
    json.writeValue(file.toFile(), project.put("name", name));
  }

  @TestFactory
  Stream<DynamicTest> everyDocumentedSqlRunsAsWritten() {
    return DocumentedSql.in(REPO).stream()
        .map(block -> DynamicTest.dynamicTest(block.where(), () -> run(block)));
  }

  @Test
  void theReadmeAndTheExamplesHaveTheirSql() {
    List<DocumentedSql.Block> blocks = DocumentedSql.in(REPO);
    assertThat(blocks)
        .extracting(DocumentedSql.Block::file)
        .contains("README.md", "examples/sql/report.sql");
    assertThat(blocks.stream().filter(b -> b.file().equals("README.md")))
        .hasSizeGreaterThanOrEqualTo(3);
    assertThat(blocks)
        .anySatisfy(
            b ->
                assertThat(b.confs())
                    .containsEntry(
                        "spark.sql.catalog.datamint", "io.datamint.spark.catalog.DatamintCatalog")
                    .containsEntry("spark.sql.catalog.datamint.path", "/data/mirrors"));
  }

  @Test
  void theReportCountsEveryResourceAndPatientOfEachModality() {
    Outcome report = last(run(only(b -> b.file().equals("examples/sql/report.sql"))));
    SparkSession spark = SharedSpark.session();
    String sample = placeholders.get("/tmp/sample-project").toString();
    assertThat(spark.read().format("datamint").load(sample).where("size(annotations) = 0").count())
        .as("the sample has unannotated resources, which the report must count")
        .isPositive();
    Map<String, List<Long>> expected = new HashMap<>();
    for (Row row :
        spark
            .read()
            .format("datamint")
            .load(sample)
            .groupBy("modality")
            .agg(count(lit(1)), countDistinct("patient_id"))
            .collectAsList()) {
      expected.put(row.getString(0), List.of(row.getLong(1), row.getLong(2)));
    }
    Map<String, List<Long>> reported = new HashMap<>();
    long total = 0;
    for (Row row : report.rows()) {
      long resources = row.getLong(row.fieldIndex("resources"));
      reported.put(
          row.getString(row.fieldIndex("modality")),
          List.of(resources, row.getLong(row.fieldIndex("patients"))));
      total += resources;
    }
    assertThat(reported).isEqualTo(expected);
    assertThat(total).isEqualTo(spark.read().format("datamint").load(sample).count()).isEqualTo(13);
  }

  @Test
  void thePrevalenceIsTheShareOfTheSplitsResourcesCarryingTheLabel() {
    Outcome prevalence =
        run(only(b -> b.sql().contains("AS prevalence"))).stream()
            .filter(o -> Arrays.asList(o.schema().fieldNames()).contains("prevalence"))
            .findFirst()
            .orElseThrow();
    List<Row> resources =
        SharedSpark.session()
            .read()
            .format("datamint")
            .option("use_project_splits", "true")
            .load(placeholders.get("/data/mirrors/my-project").toString())
            .selectExpr(
                "split",
                "transform(filter(annotations, a -> a.annotation_type = 'label'), a -> a.identifier)")
            .collectAsList();
    Map<String, Long> splitSizes = new HashMap<>();
    Map<List<String>, Long> carrying = new HashMap<>();
    for (Row row : resources) {
      String split = row.getString(0);
      splitSizes.merge(split, 1L, Long::sum);
      for (String label : new HashSet<>(row.<String>getList(1))) {
        carrying.merge(Arrays.asList(split, label), 1L, Long::sum);
      }
    }
    Map<List<String>, Double> expected = new HashMap<>();
    carrying.forEach((key, n) -> expected.put(key, (double) n / splitSizes.get(key.get(0))));
    Map<List<String>, Double> reported = new HashMap<>();
    for (Row row : prevalence.rows()) {
      reported.put(
          Arrays.asList(row.getString(0), row.getString(1)), ((Number) row.get(2)).doubleValue());
    }
    assertThat(expected).isNotEmpty();
    assertThat(reported).isEqualTo(expected);
  }

  /** One statement's result. */
  private record Outcome(String statement, StructType schema, List<Row> rows) {}

  /** Runs a block's statements in a new session with its confs, and returns their results. */
  private static List<Outcome> run(DocumentedSql.Block block) {
    String sql = substitute(block);
    SparkSession session = SharedSpark.session().newSession();
    new DocumentedSql.Block(block.file(), block.line(), sql).confs().forEach(session.conf()::set);
    List<Outcome> outcomes = new ArrayList<>();
    List<String> statements = SqlScript.split(sql);
    assertThat(statements).as(block.where() + " holds no statement").isNotEmpty();
    SparkSession.setActiveSession(session);
    try {
      for (int i = 0; i < statements.size(); i++) {
        String statement = statements.get(i);
        String where = block.where() + ", statement " + (i + 1) + " of " + statements.size();
        List<Row> rows;
        StructType schema;
        try {
          var result = session.sql(statement);
          schema = result.schema();
          rows = result.collectAsList();
        } catch (
            Exception
                e) { // Spark's AnalysisException and ParseException are checked, thrown undeclared
          throw new AssertionError(where + " failed: " + e.getMessage() + "\n" + statement, e);
        }
        if (QUERIES.contains(SqlScript.firstKeyword(statement))) {
          assertThat(rows).as(where + " returned no rows:\n" + statement).isNotEmpty();
        }
        outcomes.add(new Outcome(statement, schema, rows));
      }
    } finally {
      SparkSession.setActiveSession(SharedSpark.session());
    }
    return outcomes;
  }

  /**
   * The block's SQL with each documented example path replaced by its sample project; any other
   * absolute path fails the test, so that a new example path is given a sample here rather than
   * failing as a missing directory.
   */
  private static String substitute(DocumentedSql.Block block) {
    Matcher m = PATH.matcher(block.sql());
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      Path sample = placeholders.get(m.group());
      assertThat(sample)
          .as(
              block.where()
                  + " uses the path "
                  + m.group()
                  + ", which is none of the documented "
                  + "example paths "
                  + placeholders.keySet()
                  + "; use one of them, or give it a sample project here")
          .isNotNull();
      m.appendReplacement(out, Matcher.quoteReplacement(sample.toString()));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** The one documented block {@code which} selects. */
  private static DocumentedSql.Block only(java.util.function.Predicate<DocumentedSql.Block> which) {
    List<DocumentedSql.Block> found = DocumentedSql.in(REPO).stream().filter(which).toList();
    assertThat(found).as("documented SQL blocks").hasSize(1);
    return found.get(0);
  }

  private static Outcome last(List<Outcome> outcomes) {
    return outcomes.get(outcomes.size() - 1);
  }
}
