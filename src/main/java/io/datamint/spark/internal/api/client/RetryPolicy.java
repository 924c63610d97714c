package io.datamint.spark.internal.api.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.OptionalLong;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to try a failed request again: on 429, on 5xx and on I/O errors, up to a number of attempts;
 * waiting {@code Retry-After} when the server sends it (capped, plus up to a tenth more at random),
 * otherwise an exponential backoff with "equal jitter" (half the step fixed, half random), so that
 * executors that failed together do not retry together.
 */
final class RetryPolicy {

  /** The first backoff step. */
  static final Duration BASE_DELAY = Duration.ofMillis(250);

  /** The largest backoff step. */
  static final Duration MAX_DELAY = Duration.ofSeconds(20);

  /** The longest {@code Retry-After} honoured; a longer one is waited this long. */
  static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);

  private final int maxAttempts;
  private final DoubleSupplier random;

  RetryPolicy(int maxAttempts) {
    this(maxAttempts, () -> ThreadLocalRandom.current().nextDouble());
  }

  RetryPolicy(int maxAttempts, DoubleSupplier random) {
    this.maxAttempts = maxAttempts;
    this.random = random;
  }

  int maxAttempts() {
    return maxAttempts;
  }

  /** Whether a response with this status is worth another attempt. */
  static boolean retryable(int status) {
    return status == 429 || status >= 500;
  }

  /** Whether {@code attempt} (1-based) may be followed by another. */
  boolean hasNext(int attempt) {
    return attempt < maxAttempts;
  }

  /**
   * How long to wait after failed attempt {@code attempt} (1-based).
   *
   * @param retryAfterMillis the server's {@code Retry-After}, when it sent one
   */
  long delayMillis(int attempt, OptionalLong retryAfterMillis) {
    if (retryAfterMillis.isPresent()) { // at least what the server asked, plus up to a tenth more
      long wait = Math.min(retryAfterMillis.getAsLong(), MAX_RETRY_AFTER.toMillis());
      return wait + (long) (random.getAsDouble() * (wait / 10.0));
    }
    long step = BASE_DELAY.toMillis() << Math.min(attempt - 1, 20);
    long cap = Math.min(step, MAX_DELAY.toMillis());
    return cap / 2 + (long) (random.getAsDouble() * (cap - cap / 2));
  }

  /**
   * A {@code Retry-After} value in milliseconds: delta-seconds, or an HTTP date (relative to {@code
   * now}); empty when absent or unreadable.
   */
  static OptionalLong parseRetryAfter(String value, Instant now) {
    if (value == null || value.isBlank()) {
      return OptionalLong.empty();
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0
          ? OptionalLong.empty()
          : OptionalLong.of(Math.multiplyExact(seconds, 1000L));
    } catch (NumberFormatException | ArithmeticException e) {
      // an HTTP date, perhaps
    }
    try {
      Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
      return OptionalLong.of(Math.max(0, Duration.between(now, at).toMillis()));
    } catch (DateTimeParseException e) {
      return OptionalLong.empty();
    }
  }
}
