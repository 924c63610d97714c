package io.datamint.spark;

import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.config.ApiOptions;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.InvalidOptionException;
import io.datamint.spark.internal.config.PrefetchOptions;
import io.datamint.spark.internal.dataset.ResourceSelection;
import io.datamint.spark.internal.prefetch.OutputMirror;
import io.datamint.spark.internal.prefetch.PrefetchJob;
import io.datamint.spark.internal.prefetch.PrefetchJobSpec;
import io.datamint.spark.internal.prefetch.PrefetchJobs;
import io.datamint.spark.internal.prefetch.PrefetchLayout;
import io.datamint.spark.internal.prefetch.PrefetchPlan;
import io.datamint.spark.internal.prefetch.PrefetchTask;
import io.datamint.spark.internal.prefetch.ProjectFetch;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.source.ProjectSnapshot;
import io.datamint.spark.internal.source.api.ApiProjectSource;
import io.datamint.spark.internal.util.SerializableHadoopConf;
import io.datamint.spark.prefetch.PrefetchFileResult;
import io.datamint.spark.prefetch.PrefetchReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mirrors a project from the Datamint API, or the part of it that the read options select, to a
 * Hadoop file system path in the mirror format, with the downloads spread over the executors.
 *
 * <pre>{@code
 * PrefetchReport report = DatamintPrefetch.run(spark,
 *     Map.of("server_url", "https://api.datamint.io", "project", "my-project", "tags", "chest",
 *            "prefetch_concurrency", "16"),             // api_key from env DATAMINT_API_KEY
 *     "s3a://bucket/mirrors/my-project");
 * spark.read().format("datamint").load("s3a://bucket/mirrors/my-project");   // the same rows as from the API
 * }</pre>
 *
 * <p>On the driver, the project's metadata is read once and the resources are selected exactly as a
 * read with the same options selects them; each selected resource's file and, unless {@code
 * prefetch_include_annotations=false}, the mask file of each of its segmentation annotations
 * becomes a task; tasks are spread over {@code prefetch_partitions} Spark tasks balanced by bytes.
 * Each executor keeps up to {@code prefetch_concurrency} downloads in flight. A file is written
 * under a temporary name, checked against its expected size, renamed into place and then recorded
 * with the SDK's version hash in {@code .prefetch/}; a file already there at the same version is
 * skipped, so a run after a killed one fetches only what is missing. A file that fails is reported
 * in the {@link PrefetchReport} and left absent; the others go on. Last, the driver writes {@code
 * project.json}, {@code resources.jsonl}, {@code annotations.jsonl}, {@code worklists.json} and
 * {@code splits.jsonl} (each atomically). See docs/prefetch.md.
 */
public final class DatamintPrefetch {

  private static final Logger LOG = LoggerFactory.getLogger(DatamintPrefetch.class);

  private DatamintPrefetch() {}

  /**
   * Runs a prefetch.
   *
   * @param options the read options: {@code server_url} and {@code api_key} (or the session's
   *     {@code spark.datamint.*} conf, or env {@code DATAMINT_API_URL} / {@code DATAMINT_API_KEY}),
   *     {@code project}, the selection ({@code tags}, {@code filename_pattern}, {@code
   *     has_annotations}, {@code annotation_names}, {@code include_unannotated}, the annotation
   *     filters, {@code worklists}...), the API limits and the prefetch options of {@link
   *     PrefetchOptions}; {@code fs.*} keys configure the output file system
   * @param outPath the mirror directory to write (any Hadoop path); created when missing, updated
   *     when it holds an earlier prefetch
   * @return the report; files that failed are listed there, they do not make the call throw
   * @throws InvalidOptionException for a bad option, naming it
   * @throws io.datamint.spark.internal.source.ProjectSourceException when the project's metadata cannot be
   *     read
   * @throws UncheckedIOException when the output cannot be written
   */
  public static PrefetchReport run(
      SparkSession spark, Map<String, String> options, String outPath) {
    Objects.requireNonNull(spark, "spark");
    Objects.requireNonNull(options, "options");
    if (outPath == null || outPath.isBlank()) {
      throw new InvalidOptionException(
          "the prefetch needs an output path: the directory to write the project "
              + "mirror to (local path or Hadoop URI)");
    }
    long start = System.nanoTime();
    Map<String, String> conf = scala.jdk.javaapi.CollectionConverters.asJava(spark.conf().getAll());
    DatamintOptions resolved = DatamintOptions.resolveForPrefetch(options, conf, System.getenv());
    requireApiSource(resolved);
    PrefetchOptions prefetch = resolved.prefetch();
    ApiSettings settings = downloadSettings(resolved);

    ProjectFetch fetch = ProjectFetch.read(ApiProjectSource.open(settings, resolved.project()));
    ProjectSnapshot snapshot = ProjectSnapshot.load(fetch);
    List<ResourceSelection.Selected> selected = DatamintTable.of(snapshot, resolved).selected();
    Set<String> ids = new HashSet<>();
    selected.forEach(s -> ids.add(s.resource().id()));
    int wanted =
        prefetch.partitions() != null
            ? prefetch.partitions()
            : Math.max(1, spark.sparkContext().defaultParallelism());
    PrefetchPlan plan = PrefetchPlan.of(fetch, ids, prefetch.includeAnnotations(), wanted);

    Configuration hadoop = spark.sessionState().newHadoopConf();
    resolved.hadoopOptions().forEach(hadoop::set);
    OutputMirror mirror = open(outPath, hadoop);
    String project = snapshot.project().name();
    try {
      int leftovers = mirror.prepare();
      if (leftovers > 0) {
        LOG.info(
            "prefetch: removed {} temporary files left by an earlier, interrupted run in {}",
            leftovers,
            mirror.dir());
      }
      LOG.info(
          "prefetch of project {} ({}) from {} to {}: {} of {} resources selected, {} files ({} resource "
              + "files of {} bytes, {} masks) in {} tasks, {} downloads in flight per executor ({}, at most {} "
              + "requests per JVM)",
          project,
          snapshot.project().id(),
          settings.baseUrl(),
          mirror.dir(),
          plan.resources().size(),
          fetch.resourcesJson().size(),
          plan.tasks().size(),
          plan.tasks().size() - plan.maskCount(),
          plan.declaredBytes(),
          plan.maskCount(),
          plan.partitions().size(),
          prefetch.concurrency(),
          PrefetchOptions.PREFETCH_CONCURRENCY,
          settings.maxConcurrentRequests());
      PrefetchJob.Outcome outcome =
          plan.tasks().isEmpty()
              ? PrefetchJob.Outcome.NOTHING
              : PrefetchJob.run(
                  spark,
                  new PrefetchJobSpec(
                      PrefetchJobs.newId(),
                      "datamint prefetch of "
                          + project
                          + " to "
                          + mirror.dir()
                          + ": "
                          + plan.tasks().size()
                          + " files",
                      plan.partitions(),
                      mirror.dir().toString(),
                      new SerializableHadoopConf(hadoop),
                      settings,
                      prefetch.concurrency()));
      mirror.writeMetadata(fetch.projectJson(), plan, fetch.worklistsJson());
      PrefetchReport report =
          new PrefetchReport(
              snapshot.project().id(),
              project,
              mirror.dir().toString(),
              plan.resources().size(),
              plan.partitions().size(),
              prefetch.concurrency(),
              Duration.ofNanos(System.nanoTime() - start),
              outcome.time(),
              ordered(plan.tasks(), outcome.results()),
              outcome.metrics());
      if (report.complete()) {
        LOG.info("{}", report);
      } else {
        LOG.warn(
            "{}; failed: {}",
            report,
            report.failures().stream().map(PrefetchFileResult::describe).toList());
      }
      return report;
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot write the project mirror at " + mirror.dir() + ": " + e.getMessage(), e);
    }
  }

  /**
   * Checks prefetch options as {@link #run} does before it starts, without Spark or the network:
   * unknown keys (with the closest valid name), bad values, and a missing API URL or project. The
   * environment's {@code DATAMINT_API_URL} and {@code DATAMINT_API_KEY} count; the session's {@code
   * spark.datamint.*} conf, which {@code run} also reads, does not.
   *
   * @throws InvalidOptionException naming the first problem
   */
  public static void validate(Map<String, String> options) {
    requireApiSource(DatamintOptions.resolveForPrefetch(options, Map.of(), System.getenv()));
  }

  private static void requireApiSource(DatamintOptions o) {
    if (o.path() != null) {
      throw new InvalidOptionException(
          "the prefetch downloads from the Datamint API, not from a mirror: option \""
              + DatamintOptions.PATH
              + "\" ("
              + o.path()
              + ") names a mirror to read; give the directory to write as "
              + "the output path instead, and \""
              + DatamintOptions.SERVER_URL
              + "\" (or env "
              + DatamintOptions.ENV_API_URL
              + ") with \""
              + DatamintOptions.PROJECT
              + "\"");
    }
    if (o.serverUrl() == null) {
      throw new InvalidOptionException(
          "the prefetch needs the Datamint API: give option \""
              + DatamintOptions.SERVER_URL
              + "\" (or env "
              + DatamintOptions.ENV_API_URL
              + ")");
    }
    if (o.project() == null) {
      throw new InvalidOptionException(
          "the prefetch needs option \""
              + DatamintOptions.PROJECT
              + "\": the project's name or id");
    }
  }

  /**
   * The client settings of the downloads: the read options', with the bound on requests per JVM
   * raised to {@code prefetch_concurrency} unless {@code api_max_concurrent_requests} was given.
   */
  static ApiSettings downloadSettings(DatamintOptions resolved) {
    ApiSettings settings = resolved.api().settings();
    int concurrency = resolved.prefetch().concurrency();
    if (concurrency <= settings.maxConcurrentRequests()) {
      return settings;
    }
    if (resolved.api().maxConcurrentRequestsGiven()) {
      LOG.info(
          "prefetch: {}={} bounds the downloads per JVM below {}={}",
          ApiOptions.API_MAX_CONCURRENT_REQUESTS,
          settings.maxConcurrentRequests(),
          PrefetchOptions.PREFETCH_CONCURRENCY,
          concurrency);
      return settings;
    }
    return settings.withMaxConcurrentRequests(concurrency);
  }

  private static OutputMirror open(String outPath, Configuration hadoop) {
    try {
      Path out = new Path(outPath);
      FileSystem fs = out.getFileSystem(hadoop);
      return new OutputMirror(fs, fs.makeQualified(out));
    } catch (IOException | IllegalArgumentException e) {
      throw new InvalidOptionException(
          "cannot use \"" + outPath + "\" as the prefetch's output path: " + e.getMessage());
    }
  }

  /**
   * The results in plan order (resources in API order, then masks), whatever order the tasks
   * finished in.
   */
  private static List<PrefetchFileResult> ordered(
      List<PrefetchTask> tasks, List<PrefetchFileResult> results) {
    Map<String, PrefetchFileResult> byFile = new HashMap<>();
    for (PrefetchFileResult r : results) {
      byFile.put(r.path(), r);
    }
    List<PrefetchFileResult> out = new ArrayList<>(tasks.size());
    for (PrefetchTask task : tasks) {
      PrefetchFileResult r = byFile.get(PrefetchLayout.relativePath(task));
      if (r == null) {
        throw new IllegalStateException(
            "the prefetch job returned no result for " + PrefetchLayout.relativePath(task));
      }
      out.add(r);
    }
    return out;
  }
}
