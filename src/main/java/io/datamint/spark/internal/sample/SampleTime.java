package io.datamint.spark.internal.sample;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Fixed instants of the sample project's history, formatted as the Datamint API does ({@code
 * ...T..:..:..SSSZ}).
 */
final class SampleTime {

  /** When the project was created; resources and annotations follow. */
  static final Instant PROJECT_CREATED = Instant.parse("2026-02-02T08:00:00Z");

  /** First split assignment of most resources. */
  static final Instant FIRST_SPLIT = Instant.parse("2026-03-01T10:00:00Z");

  /** Re-assignment of three resources. */
  static final Instant RESPLIT = Instant.parse("2026-04-15T09:30:00Z");

  private static final DateTimeFormatter API =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

  private SampleTime() {}

  /**
   * Formats {@code t} with milliseconds and a {@code Z} suffix, e.g. {@code
   * 2026-03-01T10:00:00.000Z}.
   */
  static String format(Instant t) {
    return API.format(t);
  }

  /** {@code base} plus {@code minutes}, formatted. */
  static String plusMinutes(Instant base, long minutes) {
    return format(base.plusSeconds(60 * minutes));
  }
}
