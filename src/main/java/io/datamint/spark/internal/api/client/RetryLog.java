package io.datamint.spark.internal.api.client;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a transport logs about retries, in a number of lines that does not grow with the number of
 * retries: the first retry (INFO), then a summary per interval of the retries since, counted by
 * cause and endpoint ({@code 12 x 429 on GET /resources/{id}/file}; INFO), and one WARN for each
 * request that still fails after its last attempt (naming it). Every retry is logged at DEBUG.
 * Summaries name endpoints by their path with ids left out; no line shows the API key (the base URL
 * cannot hold credentials, {@link ApiSettings}).
 */
final class RetryLog {

  private static final Logger LOG = LoggerFactory.getLogger(RetryLog.class);

  /** How often retries are summarised. */
  static final long DEFAULT_INTERVAL_MILLIS = 30_000;

  private final long intervalNanos;
  private final LongSupplier clock;
  private final Map<String, Long> counts = new TreeMap<>();
  private boolean announced;
  private long windowStart;

  RetryLog() {
    this(DEFAULT_INTERVAL_MILLIS, System::nanoTime);
  }

  /**
   * @param intervalMillis how often retries are summarised
   * @param clock nanoseconds, for tests
   */
  RetryLog(long intervalMillis, LongSupplier clock) {
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.clock = clock;
  }

  /**
   * A failed attempt of {@code call} that will be retried after {@code delayMillis}.
   *
   * @param cause the status ({@code 429}, {@code 503}) or the I/O failure's class name
   */
  synchronized void retrying(
      ApiCall call, String cause, int attempt, int maxAttempts, String message, long delayMillis) {
    LOG.debug(
        "{} failed (attempt {} of {}): {}; retrying in {} ms",
        call.describe(),
        attempt,
        maxAttempts,
        message,
        delayMillis);
    long now = clock.getAsLong();
    if (!announced) {
      announced = true;
      windowStart = now;
      LOG.info(
          "{} failed ({}); retrying in {} ms. Further retries are summarised every {} s "
              + "(logger {} at DEBUG logs each)",
          call.endpoint(),
          cause,
          delayMillis,
          TimeUnit.NANOSECONDS.toSeconds(intervalNanos),
          RetryLog.class.getName());
      return;
    }
    counts.merge(cause + " on " + call.endpoint(), 1L, Long::sum);
    summariseIfDue(now);
  }

  /** {@code call} failed after {@code attempts} attempts: one WARN naming the request. */
  synchronized void gaveUp(ApiCall call, int attempts, String message) {
    LOG.warn("{} (gave up after {} attempts)", message, attempts);
    summariseIfDue(clock.getAsLong());
  }

  /** Logs the retries not summarised yet (when the transport closes). */
  synchronized void flush() {
    summarise(clock.getAsLong());
  }

  private void summariseIfDue(long now) {
    if (now - windowStart >= intervalNanos) {
      summarise(now);
    }
  }

  private void summarise(long now) {
    if (!counts.isEmpty()) {
      StringBuilder line = new StringBuilder();
      for (Map.Entry<String, Long> e : counts.entrySet()) {
        if (line.length() > 0) {
          line.append(", ");
        }
        line.append(e.getValue()).append(" x ").append(e.getKey());
      }
      LOG.info(
          "API retries in the last {} s: {}",
          Math.max(1, TimeUnit.NANOSECONDS.toSeconds(now - windowStart)),
          line);
      counts.clear();
    }
    windowStart = now;
  }
}
