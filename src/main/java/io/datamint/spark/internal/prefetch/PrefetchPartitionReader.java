package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.api.client.ApiCallStats;
import io.datamint.spark.internal.api.client.ApiClients;
import io.datamint.spark.internal.api.client.ApiMetrics;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.prefetch.PrefetchFileResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;
import org.apache.spark.sql.connector.read.PartitionReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Downloads one partition's files with a pool of {@code prefetch_concurrency} threads (the
 * executor's download slots bound them together with the other tasks of the job), and returns one
 * result row per file in the order the files finish (Spark reads a reader's metrics every 100 rows
 * and at its end). Logs each failed file (WARN) and a summary (INFO). Closing the reader early (a
 * cancelled job) interrupts the downloads still running; their temporary files are removed.
 */
final class PrefetchPartitionReader implements PartitionReader<InternalRow> {

  private static final Logger LOG = LoggerFactory.getLogger(PrefetchPartitionReader.class);
  private static final long CLOSE_WAIT_SECONDS = 10;

  private final String jobId;
  private final int index;
  private final List<PrefetchTask> tasks;
  private final String mirror;
  private final Configuration conf;
  private final ApiSettings settings;
  private final int concurrency;
  private final ProgressCounters counters;

  private ExecutorService pool;
  private boolean holdsSlots;
  private ApiClients.Lease client;
  private CompletionService<PrefetchFileResult> done;
  private PrefetchFileResult current;
  private int returned;
  private long startNanos;
  private long downloaded;
  private long skipped;
  private long failed;
  private long bytesDownloaded;

  /** This task's API traffic: its download threads add to it. */
  private final ApiCallStats api = new ApiCallStats();

  PrefetchPartitionReader(
      String jobId,
      int index,
      List<PrefetchTask> tasks,
      String mirror,
      Configuration conf,
      ApiSettings settings,
      int concurrency,
      ProgressCounters counters) {
    this.counters = counters;
    this.jobId = jobId;
    this.index = index;
    this.tasks = tasks;
    this.mirror = mirror;
    this.conf = conf;
    this.settings = settings;
    this.concurrency = concurrency;
  }

  private void start() throws IOException {
    startNanos = System.nanoTime();
    Path out = new Path(mirror);
    FileSystem fs = out.getFileSystem(conf);
    client = ApiClients.acquire(settings); // released in close(), after the downloads stop
    FileDownloader downloader =
        new FileDownloader(
            new OutputFs(fs), out, client.client(), DownloadSlots.acquire(jobId, concurrency));
    holdsSlots = true;
    AtomicInteger threads = new AtomicInteger();
    pool =
        Executors.newFixedThreadPool(
            Math.max(1, Math.min(concurrency, tasks.size())),
            r -> {
              Thread t =
                  new Thread(r, "datamint-prefetch-" + index + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    done = new ExecutorCompletionService<>(pool);
    for (PrefetchTask task : tasks) {
      done.submit(
          () -> {
            try (ApiCallStats.Binding binding = api.bind()) {
              return downloader.fetch(task);
            }
          });
    }
  }

  @Override
  public boolean next() throws IOException {
    if (pool == null) {
      start();
    }
    if (returned == tasks.size()) {
      return false;
    }
    try {
      current = done.take().get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("prefetch partition " + index + " was interrupted");
    } catch (ExecutionException e) {
      // FileDownloader turns every exception into a failed result; this is an Error (out of
      // memory...)
      Throwable cause = e.getCause();
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException("prefetch partition " + index + ": " + cause, cause);
    }
    returned++;
    if (counters != null) {
      counters.add(current);
    }
    switch (current.status()) {
      case DOWNLOADED -> {
        downloaded++;
        bytesDownloaded += current.bytes();
      }
      case SKIPPED -> skipped++;
      case FAILED -> {
        failed++;
        LOG.warn("prefetch: {} failed: {}", current.describe(), current.error());
      }
      default -> throw new IllegalStateException("unexpected status " + current.status());
    }
    return true;
  }

  @Override
  public InternalRow get() {
    return PrefetchRows.internal(current);
  }

  @Override
  public CustomTaskMetric[] currentMetricsValues() {
    List<CustomTaskMetric> values =
        new ArrayList<>(
            List.of(
                PrefetchMetrics.value(PrefetchMetrics.FILES_DOWNLOADED, downloaded),
                PrefetchMetrics.value(PrefetchMetrics.FILES_SKIPPED, skipped),
                PrefetchMetrics.value(PrefetchMetrics.FILES_FAILED, failed),
                PrefetchMetrics.value(PrefetchMetrics.BYTES_DOWNLOADED, bytesDownloaded)));
    values.addAll(List.of(ApiMetrics.values(api)));
    return values.toArray(new CustomTaskMetric[0]);
  }

  private void releaseClient() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  @Override
  public void close() {
    if (pool == null) {
      if (holdsSlots) {
        holdsSlots = false;
        DownloadSlots.release(jobId);
      }
      releaseClient();
      return;
    }
    pool.shutdownNow();
    try {
      if (!pool.awaitTermination(CLOSE_WAIT_SECONDS, TimeUnit.SECONDS)) {
        LOG.warn(
            "prefetch partition {}: downloads still running {} s after the task ended",
            index,
            CLOSE_WAIT_SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      holdsSlots = false;
      DownloadSlots.release(jobId);
      releaseClient();
    }
    LOG.info(
        "prefetch partition {}: {} of {} files done: {} downloaded ({} bytes), {} skipped, {} failed"
            + " in {} ms; {} API requests, {} retries ({} x 429), {} ms backing off",
        index,
        returned,
        tasks.size(),
        downloaded,
        bytesDownloaded,
        skipped,
        failed,
        (System.nanoTime() - startNanos) / 1_000_000,
        api.requests(),
        api.retries(),
        api.throttled(),
        api.backoffNanos() / 1_000_000);
    pool = null;
  }
}
