package io.datamint.spark.prefetch;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;

/**
 * The outcome of one prefetch: the project, where it went, one {@link PrefetchFileResult} per
 * planned file, the counts (downloaded, skipped because unchanged, failed), the bytes and the
 * elapsed time. Immutable. A prefetch with failed files still wrote the mirror; those files are
 * absent from it (a read gives their rows an {@code _error}) and running the prefetch again fetches
 * only them and whatever changed.
 */
public final class PrefetchReport {

  private final String projectId;
  private final String projectName;
  private final String outPath;
  private final int resources;
  private final int partitions;
  private final int concurrency;
  private final Duration elapsed;
  private final Duration downloadTime;
  private final Duration transferTime;
  private final List<PrefetchFileResult> files;
  private final Map<String, Long> metrics;
  private final long downloaded;
  private final long skipped;
  private final long failed;
  private final long bytesDownloaded;
  private final long bytesSkipped;

  /**
   * A report; the counts and bytes are computed from {@code files}. {@code
   * io.datamint.spark.DatamintPrefetch.run} makes it.
   *
   * @param projectId the project's id on the server
   * @param projectName the project's name
   * @param outPath the output mirror, fully qualified
   * @param resources how many resources the options selected
   * @param partitions how many Spark tasks downloaded the files
   * @param concurrency downloads in flight per executor
   * @param elapsed the whole prefetch
   * @param downloadTime the time of the Spark job that downloaded the files (zero without one)
   * @param transferTime from the first download task's start to the last one's end: the job's time
   *     without Spark's scheduling around it (zero without a job)
   * @param files every planned file's result, resource files first, then masks
   * @param metrics the job's Spark metrics by name (empty without a job)
   */
  public PrefetchReport(
      String projectId,
      String projectName,
      String outPath,
      int resources,
      int partitions,
      int concurrency,
      Duration elapsed,
      Duration downloadTime,
      Duration transferTime,
      List<PrefetchFileResult> files,
      Map<String, Long> metrics) {
    this.transferTime = transferTime;
    this.projectId = projectId;
    this.projectName = projectName;
    this.outPath = outPath;
    this.resources = resources;
    this.partitions = partitions;
    this.concurrency = concurrency;
    this.elapsed = elapsed;
    this.downloadTime = downloadTime;
    this.files = List.copyOf(files);
    this.metrics = Map.copyOf(metrics);
    long d = 0;
    long s = 0;
    long f = 0;
    long bd = 0;
    long bs = 0;
    for (PrefetchFileResult r : files) {
      switch (r.status()) {
        case DOWNLOADED -> {
          d++;
          bd += r.bytes();
        }
        case SKIPPED -> {
          s++;
          bs += r.bytes();
        }
        case FAILED -> f++;
        default -> throw new IllegalStateException("unexpected status " + r.status());
      }
    }
    this.downloaded = d;
    this.skipped = s;
    this.failed = f;
    this.bytesDownloaded = bd;
    this.bytesSkipped = bs;
  }

  /** The project's id on the server. */
  public String projectId() {
    return projectId;
  }

  /** The project's name. */
  public String projectName() {
    return projectName;
  }

  /** The output mirror, fully qualified ({@code file:/...}, {@code hdfs://...}). */
  public String outPath() {
    return outPath;
  }

  /** How many resources the options selected (and {@code resources.jsonl} lists). */
  public int resources() {
    return resources;
  }

  /** How many Spark tasks downloaded the files. */
  public int partitions() {
    return partitions;
  }

  /** Downloads in flight per executor ({@code prefetch_concurrency}). */
  public int concurrency() {
    return concurrency;
  }

  /** The whole prefetch: from the first API request to the last metadata file written. */
  public Duration elapsed() {
    return elapsed;
  }

  /**
   * The time of the Spark job that downloaded (or skipped) the files; zero when no file was
   * planned.
   */
  public Duration downloadTime() {
    return downloadTime;
  }

  /** Every planned file: resource files first (API order), then masks, whatever their outcome. */
  public List<PrefetchFileResult> files() {
    return files;
  }

  /** The files that could not be mirrored. */
  public List<PrefetchFileResult> failures() {
    List<PrefetchFileResult> out = new ArrayList<>();
    for (PrefetchFileResult r : files) {
      if (r.status() == PrefetchFileResult.Status.FAILED) {
        out.add(r);
      }
    }
    return out;
  }

  /** Files downloaded by this run. */
  public long downloaded() {
    return downloaded;
  }

  /** Files already in the mirror at the same version. */
  public long skipped() {
    return skipped;
  }

  /** Files that could not be mirrored. */
  public long failed() {
    return failed;
  }

  /** Whether every planned file is in the mirror. */
  public boolean complete() {
    return failed == 0;
  }

  /** Bytes downloaded by this run. */
  public long bytesDownloaded() {
    return bytesDownloaded;
  }

  /** Bytes of the files skipped (already in the mirror). */
  public long bytesSkipped() {
    return bytesSkipped;
  }

  /**
   * From the first download task's start to the last one's end: {@link #downloadTime()} without
   * Spark's scheduling before and after the tasks.
   */
  public Duration transferTime() {
    return transferTime;
  }

  /**
   * Bytes downloaded per second of {@link #transferTime()} (of {@link #downloadTime()} when the
   * transfer time is unknown).
   */
  public double bytesPerSecond() {
    Duration over = transferTime.isZero() ? downloadTime : transferTime;
    double seconds = over.toNanos() / 1e9;
    return seconds <= 0 ? 0 : bytesDownloaded / seconds;
  }

  /**
   * The job's Spark metrics as the scan reported them, by the names the Spark UI shows (empty when
   * no file was planned).
   */
  public Map<String, Long> metrics() {
    return metrics;
  }

  /**
   * The per-file results as a DataFrame of {@link PrefetchFileResult#schema()}: {@code kind,
   * resource_id, annotation_id, path, status, bytes, error, millis}.
   */
  public Dataset<Row> toDataFrame(SparkSession spark) {
    List<Row> rows = new ArrayList<>(files.size());
    for (PrefetchFileResult r : files) {
      rows.add(
          RowFactory.create(
              r.kind().value(),
              r.resourceId(),
              r.annotationId(),
              r.path(),
              r.status().value(),
              r.bytes(),
              r.error(),
              r.millis()));
    }
    return spark.createDataFrame(rows, PrefetchFileResult.schema());
  }

  /** A few lines for people: the counts, bytes, time and every failed file. */
  public String summary() {
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "prefetched project %s (%s) to %s in %.1f s (downloads %.1f s)%n",
            projectName,
            projectId,
            outPath,
            elapsed.toNanos() / 1e9,
            downloadTime.toNanos() / 1e9));
    b.append(
        String.format(
            Locale.ROOT,
            "  %d resources, %d files: %d downloaded, %d skipped (unchanged), %d failed%n",
            resources,
            files.size(),
            downloaded,
            skipped,
            failed));
    b.append(
        String.format(
            Locale.ROOT,
            "  %d bytes downloaded (%.2f MB/s over %.1f s of transfer; Spark's job overhead %.1f s), "
                + "%d bytes already there; %d tasks, %d downloads in flight per executor%n",
            bytesDownloaded,
            bytesPerSecond() / 1e6,
            (transferTime.isZero() ? downloadTime : transferTime).toNanos() / 1e9,
            Math.max(0, downloadTime.minus(transferTime).toNanos()) / 1e9,
            bytesSkipped,
            partitions,
            concurrency));
    List<PrefetchFileResult> failures = failures();
    if (!failures.isEmpty()) {
      b.append("failed files (absent from the mirror; run the prefetch again to retry them):")
          .append(System.lineSeparator());
      for (PrefetchFileResult r : failures) {
        b.append("  ")
            .append(r.describe())
            .append(": ")
            .append(r.error())
            .append(System.lineSeparator());
      }
    }
    return b.toString();
  }

  @Override
  public String toString() {
    return "PrefetchReport["
        + projectName
        + " -> "
        + outPath
        + ": "
        + files.size()
        + " files, "
        + downloaded
        + " downloaded, "
        + skipped
        + " skipped, "
        + failed
        + " failed, "
        + bytesDownloaded
        + " bytes in "
        + elapsed.toMillis()
        + " ms]";
  }
}
