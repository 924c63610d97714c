package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.config.ApiOptions;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.InvalidOptionException;
import io.datamint.spark.internal.config.PrefetchOptions;
import io.datamint.spark.internal.dataset.ResourceSelection;
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
 * The prefetch behind {@code io.datamint.spark.DatamintPrefetch} (the public entry point, which
 * documents what it does) and {@code bin/datamint-prefetch}: on the driver, the project's metadata
 * is read once ({@link ProjectFetch}) and the resources are selected exactly as a read with the
 * same options selects them; {@link PrefetchPlan} turns them into file tasks, {@link PrefetchJob}
 * runs them on the executors and {@link OutputMirror} writes the metadata files last. See
 * docs/prefetch.md.
 */
public final class ProjectPrefetch {

  /**
   * Logs under the public entry point's name, as the prefetch did before it moved here: its lines
   * (the plan, the report) read "DatamintPrefetch: ..." in a job's log and in {@code
   * bin/datamint-prefetch}'s.
   */
  private static final Logger LOG = LoggerFactory.getLogger(PrefetchJobs.ENTRY_POINT);

  private ProjectPrefetch() {}

  /**
   * Runs a prefetch: {@code io.datamint.spark.DatamintPrefetch.run} (options, output, report and
   * failures as documented there).
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
                      prefetch.concurrency(),
                      prefetch.progressInterval(),
                      null));
      ApiClients.flushRetryLogs();
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
              outcome.transferTime(),
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
   * The progress of the prefetch job running on this driver (the latest, when several run): files
   * and bytes done of the total, rate, ETA; null when none runs. For front ends that show it
   * themselves (the Python package).
   */
  public static String progress() {
    return PrefetchProgress.current();
  }

  /**
   * Checks prefetch options as {@link #run} does before it starts, without Spark or the network:
   * {@code io.datamint.spark.DatamintPrefetch.validate}.
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
