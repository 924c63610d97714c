package io.datamint.spark.internal.prefetch;

import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.spark.SparkContext;
import org.apache.spark.scheduler.AccumulableInfo;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerExecutorMetricsUpdate;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.scheduler.TaskInfo;
import org.apache.spark.util.LongAccumulator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The driver's view of a running prefetch job: its {@link ProgressCounters}' values, from the
 * running tasks' heartbeats (every {@code spark.executor.heartbeatInterval}) and the ended tasks'
 * final values; a line logged at an interval ({@code prefetch: 12 of 32 files, 3.1 of 9.8 MB (32%),
 * 1.2 MB/s, ETA 6 s}); and the transfer time, from the first task's launch to the last one's end,
 * which leaves out the job's scheduling overhead.
 */
final class PrefetchProgress extends SparkListener implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(PrefetchProgress.class);

  /** The jobs followed on this driver, latest last. */
  private static final java.util.Deque<PrefetchProgress> RUNNING =
      new java.util.concurrent.ConcurrentLinkedDeque<>();

  private final SparkContext sc;
  private final ProgressCounters counters;
  private final long totalFiles;
  private final long totalBytes;
  private final ScheduledExecutorService timer;

  /** Running tasks' last heartbeat values: files, bytes, downloaded. */
  private final Map<Long, long[]> running = new HashMap<>();

  private final long[] ended = new long[3];
  private final long startNanos = System.nanoTime();
  private long firstLaunch = Long.MAX_VALUE;
  private long lastFinish = Long.MIN_VALUE;
  private volatile String lastLine;

  private PrefetchProgress(
      SparkContext sc, long totalFiles, long totalBytes, Duration interval, String what) {
    this.sc = sc;
    this.totalFiles = totalFiles;
    this.totalBytes = totalBytes;
    this.counters =
        new ProgressCounters(
            sc.longAccumulator(ProgressCounters.FILES),
            sc.longAccumulator(ProgressCounters.BYTES),
            sc.longAccumulator(ProgressCounters.DOWNLOADED));
    sc.addSparkListener(this);
    RUNNING.addLast(this);
    this.timer =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "datamint-prefetch-progress");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, interval.toMillis());
    timer.scheduleAtFixedRate(
        () -> {
          lastLine = line();
          LOG.info("{}: {}", what, lastLine);
        },
        every,
        every,
        TimeUnit.MILLISECONDS);
  }

  /**
   * Starts following a job of {@code totalFiles} files of {@code totalBytes} bytes (their declared
   * sizes), logging a line every {@code interval}.
   */
  static PrefetchProgress start(
      SparkContext sc, long totalFiles, long totalBytes, Duration interval, String what) {
    return new PrefetchProgress(sc, totalFiles, totalBytes, interval, what);
  }

  /**
   * The last progress line logged for the latest job running on this driver, or null when none runs
   * or none was logged yet.
   */
  static String current() {
    PrefetchProgress latest = RUNNING.peekLast();
    return latest == null ? null : latest.lastLine;
  }

  /** The accumulators the job's readers add to. */
  ProgressCounters counters() {
    return counters;
  }

  @Override
  public void onTaskStart(SparkListenerTaskStart event) {
    synchronized (this) {
      firstLaunch = Math.min(firstLaunch, event.taskInfo().launchTime());
    }
  }

  @Override
  public void onExecutorMetricsUpdate(SparkListenerExecutorMetricsUpdate event) {
    for (var task : CollectionConverters.asJava(event.accumUpdates())) {
      long[] values = values(CollectionConverters.asJava(task._4()));
      if (values != null) {
        synchronized (this) {
          running.put((Long) task._1(), values);
        }
      }
    }
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd event) {
    TaskInfo info = event.taskInfo();
    long[] values = values(CollectionConverters.asJava(info.accumulables()));
    synchronized (this) {
      running.remove(info.taskId());
      if (values != null) {
        for (int i = 0; i < ended.length; i++) {
          ended[i] += values[i];
        }
        lastFinish = Math.max(lastFinish, info.finishTime());
      }
    }
  }

  /** This job's values among a task's accumulator updates, or null when none is this job's. */
  private long[] values(Iterable<AccumulableInfo> updates) {
    long[] values = null;
    for (AccumulableInfo update : updates) {
      int slot = slot(update.id());
      if (slot >= 0 && update.update().isDefined()) {
        if (values == null) {
          values = new long[3];
        }
        values[slot] = ((Number) update.update().get()).longValue();
      }
    }
    return values;
  }

  private int slot(long id) {
    LongAccumulator[] all = {counters.files(), counters.bytes(), counters.downloaded()};
    for (int i = 0; i < all.length; i++) {
      if (all[i].id() == id) {
        return i;
      }
    }
    return -1;
  }

  /** Files, bytes and bytes downloaded so far: ended tasks plus running tasks' last values. */
  synchronized long[] done() {
    long[] done = ended.clone();
    for (long[] values : running.values()) {
      for (int i = 0; i < done.length; i++) {
        done[i] += values[i];
      }
    }
    return done;
  }

  /** The progress line: files and bytes done of total, rate, ETA. */
  String line() {
    long[] done = done();
    long since;
    synchronized (this) {
      since = firstLaunch == Long.MAX_VALUE ? 0 : System.currentTimeMillis() - firstLaunch;
    }
    return line(done[0], totalFiles, done[1], totalBytes, done[2], since);
  }

  /**
   * {@code 12 of 32 files, 3.1 of 9.8 MB (32%), 1.2 MB/s, ETA 6 s}: the rate of the bytes
   * downloaded over {@code millis} since the first task started; the ETA the longer of the bytes
   * left at that rate and the files left at the files' rate (masks declare no size, so the bytes
   * alone would end early).
   */
  static String line(
      long files, long totalFiles, long bytes, long totalBytes, long downloaded, long millis) {
    double seconds = millis / 1000.0;
    double rate = millis <= 0 ? 0 : downloaded / seconds;
    double fileRate = millis <= 0 ? 0 : files / seconds;
    String eta =
        files >= totalFiles
            ? "done"
            : rate <= 0 || fileRate <= 0
                ? "ETA unknown"
                : "ETA "
                    + seconds(
                        Math.max(
                            Math.max(0, totalBytes - bytes) / rate,
                            (totalFiles - files) / fileRate));
    return String.format(
        Locale.ROOT,
        "%d of %d files, %.1f of %.1f MB (%d%%), %.2f MB/s, %s",
        files,
        totalFiles,
        bytes / 1e6,
        totalBytes / 1e6,
        totalBytes <= 0 ? 100 : Math.min(100, Math.round(100.0 * bytes / totalBytes)),
        rate / 1e6,
        eta);
  }

  private static String seconds(double s) {
    long whole = Math.max(0, Math.round(s));
    return whole < 120 ? whole + " s" : (whole / 60) + " min " + (whole % 60) + " s";
  }

  /**
   * From the first task's launch to the last task's end (zero when no task ended); the job's time
   * without the driver's scheduling before and after.
   */
  synchronized Duration transferTime() {
    return lastFinish < firstLaunch ? Duration.ZERO : Duration.ofMillis(lastFinish - firstLaunch);
  }

  /** Stops the lines and the listener (after the job; the listener bus is drained first). */
  @Override
  public void close() {
    if (timer.isShutdown()) {
      return;
    }
    timer.shutdownNow();
    RUNNING.remove(this);
    try {
      sc.listenerBus().waitUntilEmpty();
    } catch (java.util.concurrent.TimeoutException e) {
      LOG.debug("the listener bus did not drain; the transfer time may miss the last tasks", e);
    }
    sc.removeSparkListener(this);
    LOG.debug("prefetch progress followed for {} ms", (System.nanoTime() - startNanos) / 1_000_000);
  }
}
