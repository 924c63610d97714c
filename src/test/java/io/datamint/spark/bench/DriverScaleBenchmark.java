package io.datamint.spark.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.catalog.DatamintCatalog;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.internal.server.RequestStats;
import io.datamint.spark.testing.SharedSpark;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The driver at scale (issue 14): a synthetic project mirror of N resources (metadata only:
 * resources.jsonl lines copied from the sample project with new ids, file names and patients; no
 * files), one in ten with the template's annotations; then a metadata-only {@code count(*)} and a
 * split report ({@code GROUP BY split} with a local split), through the mirror and optionally
 * through the local API server. Prints a Markdown table: seconds (load = {@code load()}, the
 * snapshot; query = planning and running) and driver heap (peak of the heap pools during the step,
 * and what the loaded table keeps after a full GC).
 *
 * <p>Usage: {@code java ... io.datamint.spark.bench.DriverScaleBenchmark [--resources N] [--api]
 * [--server-url URL] [--dir DIR]}. {@code --api} starts the local API server in this JVM (its
 * requests are counted, its heap is in the figures); {@code --server-url} measures the API path
 * against a server already running elsewhere (e.g. {@code bin/datamint-server} over the same {@code
 * DIR/root}), so the heap figures are the driver's alone.
 */
public final class DriverScaleBenchmark {

  private DriverScaleBenchmark() {}

  /** One measured step. */
  record Result(
      String step, double seconds, long peakHeapBytes, long retainedHeapBytes, String answer) {}

  public static void main(String[] args) throws Exception {
    int n = 1_000_000;
    boolean api = false;
    String serverUrl = null;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--resources" -> n = Integer.parseInt(args[++i]);
        case "--api" -> api = true;
        case "--server-url" -> serverUrl = args[++i];
        case "--dir" -> dir = Path.of(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "usage: DriverScaleBenchmark [--resources N] [--api] [--server-url URL] [--dir"
                    + " DIR]");
      }
    }
    Path work = dir != null ? dir : Files.createTempDirectory("datamint-scale-");
    Path root = work.resolve("root");
    Path project = root.resolve("scale");
    long t0 = System.nanoTime();
    if (!Files.exists(project.resolve("resources.jsonl"))) {
      write(work.resolve("template"), project, n);
    }
    System.err.printf(
        Locale.ROOT, "mirror of %d resources ready in %.1f s%n", n, (System.nanoTime() - t0) / 1e9);
    System.setProperty("datamint.test.master", "local[2]");
    SparkSession spark = SharedSpark.session();
    List<Result> results = new ArrayList<>();
    Map<String, String> mirror = Map.of("path", project.toString());
    if (serverUrl == null || api) {
      results.addAll(measure(spark, "mirror", mirror, null));
      results.addAll(catalog(spark, "mirror", "scale_mirror", Map.of("path", root.toString())));
    }
    if (serverUrl != null) {
      results.addAll(
          measure(
              spark,
              "API (server in its own JVM)",
              Map.of("server_url", serverUrl, "project", SampleProject.NAME),
              null));
      results.addAll(
          catalog(
              spark, "API (server in its own JVM)", "scale_api", Map.of("server_url", serverUrl)));
    }
    if (api) {
      try (DatamintApiServer server =
          DatamintApiServer.start(root, 0, Optional.empty(), FaultPlan.NONE)) {
        results.addAll(
            measure(
                spark,
                "API",
                Map.of("server_url", server.url(), "project", SampleProject.NAME),
                server.stats()));
      }
    }
    spark.stop();
    System.out.println(
        "| source, step | seconds | driver heap peak | kept by the table | answer |");
    System.out.println("|---|---:|---:|---:|---|");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %s | %s | %s |%n",
          r.step(),
          r.seconds(),
          mb(r.peakHeapBytes()),
          r.retainedHeapBytes() < 0 ? "" : mb(r.retainedHeapBytes()),
          r.answer());
    }
  }

  /**
   * The catalog over the same project: {@code DESCRIBE} of its {@code resources} table (the
   * worklists only), {@code SHOW TABLES} (the project listing and the project's tables), then a
   * count of its {@code labels} table, which reads the project, each cold (a new catalog) and then
   * again from the catalog's cache.
   */
  private static List<Result> catalog(
      SparkSession spark, String source, String name, Map<String, String> options) {
    spark.conf().set("spark.sql.catalog." + name, DatamintCatalog.class.getName());
    options.forEach((k, v) -> spark.conf().set("spark.sql.catalog." + name + "." + k, v));
    String project = name + ".`" + SampleProject.NAME + "`";
    List<Result> out = new ArrayList<>();
    for (String round : new String[] {"cold", "cached"}) {
      ProcessMemory.resetHeapPeak();
      long t = System.nanoTime();
      int columns = spark.sql("DESCRIBE TABLE " + project + ".resources").collectAsList().size();
      out.add(
          new Result(
              source + ", catalog `DESCRIBE` of `resources` (" + round + ")",
              (System.nanoTime() - t) / 1e9,
              ProcessMemory.heapPeak(),
              -1,
              columns + " rows"));
      ProcessMemory.resetHeapPeak();
      t = System.nanoTime();
      List<Row> tables = spark.sql("SHOW TABLES IN " + project).collectAsList();
      out.add(
          new Result(
              source + ", catalog `SHOW TABLES` (" + round + ")",
              (System.nanoTime() - t) / 1e9,
              ProcessMemory.heapPeak(),
              -1,
              tables.size() + " tables"));
      ProcessMemory.resetHeapPeak();
      t = System.nanoTime();
      long labels = spark.sql("SELECT * FROM " + project + ".labels").count();
      out.add(
          new Result(
              source + ", catalog `labels` count (" + round + ")",
              (System.nanoTime() - t) / 1e9,
              ProcessMemory.heapPeak(),
              -1,
              labels + " labels"));
    }
    System.err.println(out);
    return out;
  }

  private static String mb(long bytes) {
    return String.format(Locale.ROOT, "%,d MB", bytes >> 20);
  }

  private static List<Result> measure(
      SparkSession spark, String source, Map<String, String> options, RequestStats stats) {
    List<Result> out = new ArrayList<>();
    // load(): the snapshot (every resource and annotation) and the label schema
    ProcessMemory.resetHeapPeak();
    long t = System.nanoTime();
    Dataset<Row> df = spark.read().format("datamint").options(options).load();
    double load = (System.nanoTime() - t) / 1e9;
    long peak = ProcessMemory.heapPeak();
    out.add(
        new Result(
            source + ", load()",
            load,
            peak,
            retainedHeap(),
            stats == null ? "" : stats.requests() + " requests"));

    ProcessMemory.resetHeapPeak();
    t = System.nanoTime();
    spark.sparkContext().setJobGroup("count", "metadata-only count", false);
    long count = df.count();
    out.add(
        new Result(
            source + ", metadata-only count(*)",
            (System.nanoTime() - t) / 1e9,
            ProcessMemory.heapPeak(),
            -1,
            count + " rows, " + tasks(spark, "count")));

    df = null; // the split report reads the project anew: measure it without this snapshot
    ProcessMemory.resetHeapPeak();
    t = System.nanoTime();
    spark.sparkContext().setJobGroup("split-report", "split report", false);
    List<Row> report =
        spark
            .read()
            .format("datamint")
            .options(options)
            .option("split", "train=0.8,val=0.1,test=0.1")
            .option("seed", "42")
            .load()
            .groupBy("split")
            .count()
            .orderBy("split")
            .collectAsList();
    StringBuilder answer = new StringBuilder();
    for (Row r : report) {
      answer.append(answer.length() == 0 ? "" : ", ").append(r.get(0)).append('=').append(r.get(1));
    }
    out.add(
        new Result(
            source + ", split report (load, local split, GROUP BY split)",
            (System.nanoTime() - t) / 1e9,
            ProcessMemory.heapPeak(),
            -1,
            answer + ", " + tasks(spark, "split-report")));
    spark.sparkContext().clearJobGroup();
    System.err.println(out);
    return out;
  }

  /**
   * The tasks the job group's stages ran, e.g. "11 tasks (10 + 1)": stages skipped because an
   * earlier job of the group ran them (adaptive execution's) count none.
   */
  private static String tasks(SparkSession spark, String group) {
    var tracker = spark.sparkContext().statusTracker();
    List<String> stages = new ArrayList<>();
    int total = 0;
    for (int job : tracker.getJobIdsForGroup(group)) {
      var info = tracker.getJobInfo(job);
      if (info.isEmpty()) {
        continue;
      }
      for (int stage : info.get().stageIds()) {
        var stageInfo = tracker.getStageInfo(stage);
        int ran = stageInfo.isDefined() ? stageInfo.get().numCompletedTasks() : 0;
        if (ran > 0) {
          stages.add(String.valueOf(ran));
          total += ran;
        }
      }
    }
    return total + " tasks" + (stages.size() > 1 ? " (" + String.join(" + ", stages) + ")" : "");
  }

  private static long retainedHeap() {
    System.gc();
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return rt.totalMemory() - rt.freeMemory();
  }

  /** Writes the mirror: the sample's project and worklists, N resources copied from its own. */
  static void write(Path templateDir, Path project, int n) throws IOException {
    SampleProject.write(templateDir, SampleProject.DEFAULT_SEED);
    Files.createDirectories(project);
    for (String f : new String[] {"project.json", "worklists.json"}) {
      Files.copy(templateDir.resolve(f), project.resolve(f), StandardCopyOption.REPLACE_EXISTING);
    }
    Files.writeString(project.resolve("splits.jsonl"), "", StandardCharsets.UTF_8);
    List<ObjectNode> resources = new ArrayList<>();
    for (String line : Files.readAllLines(templateDir.resolve("resources.jsonl"))) {
      if (!line.isBlank()) {
        resources.add((ObjectNode) Json.MAPPER.readTree(line));
      }
    }
    List<ObjectNode> annotations = new ArrayList<>();
    for (String line : Files.readAllLines(templateDir.resolve("annotations.jsonl"))) {
      if (!line.isBlank()) {
        annotations.add((ObjectNode) Json.MAPPER.readTree(line));
      }
    }
    try (BufferedWriter res =
            Files.newBufferedWriter(project.resolve("resources.jsonl"), StandardCharsets.UTF_8);
        BufferedWriter ann =
            Files.newBufferedWriter(project.resolve("annotations.jsonl"), StandardCharsets.UTF_8)) {
      for (int i = 0; i < n; i++) {
        ObjectNode template = resources.get(i % resources.size());
        String templateId = Json.text(template, "id");
        ObjectNode r = template.deepCopy();
        String id = uuid(1, i);
        r.put("id", id);
        r.put("resource_uri", "/resources/" + id + "/file");
        r.put(
            "filename", String.format(Locale.ROOT, "R%07d_%s", i, Json.text(template, "filename")));
        r.put("patient_id", String.format(Locale.ROOT, "PAT-%06d", i / 4));
        res.write(Json.MAPPER.writeValueAsString(r));
        res.write('\n');
        if (i % 10 == 0) {
          int k = 0;
          for (ObjectNode a : annotations) {
            if (templateId.equals(Json.text(a, "resource_id"))) {
              ObjectNode c = a.deepCopy();
              c.put("id", uuid(2, i * 64L + k++));
              c.put("resource_id", id);
              ann.write(Json.MAPPER.writeValueAsString(c));
              ann.write('\n');
            }
          }
        }
      }
    }
  }

  private static String uuid(int kind, long i) {
    return String.format(Locale.ROOT, "%08x-0000-4000-8000-%012x", kind, i);
  }
}
