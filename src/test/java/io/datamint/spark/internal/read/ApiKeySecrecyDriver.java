package io.datamint.spark.internal.read;

import io.datamint.spark.internal.config.SecretRedaction;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.execution.ExplainMode;

/**
 * Driver main for {@link ApiKeySecrecyTest}, in its own JVM so that it has the Spark UI and an
 * event log. It reads a project through the API, then saves everything a person could look at:
 * exception traces, every {@code explain} mode, row errors, the UI's pages and REST answers. The
 * test searches those files, the event log and this JVM's log (stderr, with the connector at DEBUG)
 * for the keys.
 *
 * <p>Mode {@code option}, with Spark's default settings: the key as a read option, through injected
 * faults, and a read with a rejected key. Mode {@code conf}, with {@link
 * SecretRedaction#REDACTION_REGEX} set as the tools and the README do: the key in {@code
 * spark.datamint.api_key} and in SQL {@code OPTIONS}.
 *
 * <p>Arguments: the mode, a properties file (keys {@code url}, {@code strictUrl}, {@code project},
 * {@code out}, {@code events}, {@code optionKey}, {@code rejectedKey}, {@code confKey}, {@code
 * sqlKey}), so that no key is on the command line (which the UI's Environment tab shows).
 */
public final class ApiKeySecrecyDriver {

  private ApiKeySecrecyDriver() {}

  public static void main(String[] args) throws Exception {
    String mode = args[0];
    Properties p = new Properties();
    try (Reader in = Files.newBufferedReader(Path.of(args[1]))) {
      p.load(in);
    }
    Path out = Files.createDirectories(Path.of(p.getProperty("out")).resolve(mode));
    Configurator.setLevel("io.datamint", Level.DEBUG);
    SparkSession.Builder builder =
        SparkSession.builder()
            .master("local[2]")
            .appName("datamint-key-secrecy-" + mode)
            .config("spark.ui.enabled", "true")
            .config("spark.ui.port", "0")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.eventLog.enabled", "true")
            .config("spark.eventLog.dir", Path.of(p.getProperty("events")).toUri().toString())
            .config(
                "spark.eventLog.compress", "false") // plain JSON lines, so the test can search them
            .config("spark.driver.host", "127.0.0.1")
            .config("spark.driver.bindAddress", "127.0.0.1");
    if (mode.equals("conf")) {
      builder
          .config(SecretRedaction.REDACTION_REGEX_CONF, SecretRedaction.REDACTION_REGEX)
          .config("spark.datamint.api_key", p.getProperty("confKey"));
    }
    try (SparkSession spark = builder.getOrCreate()) {
      List<String> seen = new ArrayList<>();
      String url = p.getProperty("url");
      String project = p.getProperty("project");
      if (mode.equals("option")) {
        Dataset<Row> df =
            spark
                .read()
                .format("datamint")
                .option("server_url", url)
                .option("api_key", p.getProperty("optionKey"))
                .option("project", project)
                .option("api_max_attempts", "12")
                .option("return_segmentations", "true")
                .load()
                .where("modality IS NOT NULL");
        seen.add("rows: " + df.count());
        seen.add("errors: " + df.select("_error").collectAsList());
        explain(df, seen);
        try {
          spark
              .read()
              .format("datamint")
              .option("server_url", p.getProperty("strictUrl"))
              .option("api_key", p.getProperty("rejectedKey"))
              .option("project", project)
              .load()
              .count();
          seen.add("the rejected key was accepted");
        } catch (RuntimeException e) {
          StringWriter trace = new StringWriter();
          e.printStackTrace(new PrintWriter(trace));
          seen.add("rejected:\n" + trace);
        }
      } else {
        Dataset<Row> byConf =
            spark
                .read()
                .format("datamint")
                .option("server_url", url)
                .option("project", project)
                .load();
        seen.add("rows: " + byConf.select("resource_id", "image").count());
        explain(byConf, seen);
        spark.sql(
            "CREATE TEMPORARY VIEW by_sql USING datamint OPTIONS (server_url '"
                + url
                + "', api_key '"
                + p.getProperty("sqlKey")
                + "', project '"
                + project
                + "')");
        seen.add(
            "sql: "
                + spark
                    .sql("SELECT modality, count(*) FROM by_sql GROUP BY modality")
                    .collectAsList());
        seen.add(
            "sql explain: " + spark.sql("EXPLAIN EXTENDED SELECT * FROM by_sql").collectAsList());
        seen.add("describe: " + spark.sql("DESCRIBE EXTENDED by_sql").collectAsList());
      }
      Files.writeString(
          out.resolve("driver-views.txt"), String.join("\n\n", seen), StandardCharsets.UTF_8);
      saveUi(spark, out);
    }
  }

  private static void explain(Dataset<Row> df, List<String> seen) {
    for (String mode : List.of("simple", "extended", "codegen", "cost", "formatted")) {
      seen.add(
          "explain "
              + mode
              + ":\n"
              + df.queryExecution().explainString(ExplainMode.fromString(mode)));
    }
    seen.add("queryExecution:\n" + df.queryExecution());
  }

  /** Every UI page and REST answer a person would look at, saved as files. */
  private static void saveUi(SparkSession spark, Path out)
      throws IOException, InterruptedException {
    String ui = spark.sparkContext().uiWebUrl().get();
    String app = spark.sparkContext().applicationId();
    HttpClient http =
        HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NORMAL)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    List<String> pages =
        new ArrayList<>(
            List.of(
                "/jobs/",
                "/stages/",
                "/environment/",
                "/executors/",
                "/SQL/",
                "/api/v1/applications/" + app + "/environment",
                "/api/v1/applications/" + app + "/jobs",
                "/api/v1/applications/" + app + "/stages?details=true",
                "/api/v1/applications/" + app + "/sql?details=true&planDescription=true"));
    for (int id = 0; id < 8; id++) {
      pages.add("/SQL/execution/?id=" + id);
    }
    int n = 0;
    StringBuilder index = new StringBuilder();
    for (String page : pages) {
      HttpResponse<String> r =
          http.send(
              HttpRequest.newBuilder(URI.create(ui + page)).build(),
              HttpResponse.BodyHandlers.ofString());
      Files.writeString(
          out.resolve("ui-" + (n++) + ".txt"), page + "\n" + r.body(), StandardCharsets.UTF_8);
      index.append(r.statusCode()).append(' ').append(page).append('\n');
    }
    Files.writeString(out.resolve("ui-index.txt"), index.toString(), StandardCharsets.UTF_8);
  }
}
