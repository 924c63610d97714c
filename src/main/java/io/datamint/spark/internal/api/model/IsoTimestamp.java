package io.datamint.spark.internal.api.model;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * The ISO-8601 timestamps of Datamint's JSON: with or without fractional seconds, with {@code Z} or
 * an offset; one without an offset is UTC. The common shape ({@code 2026-06-19T16:37:40.622014Z})
 * is checked character by character, so that a million resources are checked without a million
 * {@code java.time} parses; anything else goes through {@code java.time}.
 */
public final class IsoTimestamp {

  /** What is accepted, for messages. */
  public static final String ACCEPTED =
      "an ISO-8601 timestamp, e.g. 2026-06-19T16:37:40.622014Z or 2026-06-19T16:37:40+02:00";

  private IsoTimestamp() {}

  /** The instant {@code text} names, or null when it is not an ISO-8601 timestamp. */
  public static Instant parse(String text) {
    String t = text.trim();
    try {
      return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
    } catch (DateTimeParseException e) {
      try {
        return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e2) {
        return null;
      }
    }
  }

  /** Whether {@code text} is a timestamp {@link #parse} accepts. */
  public static boolean isValid(String text) {
    return commonShape(text) || parse(text) != null;
  }

  /**
   * {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}][Z|+HH:MM|-HH:MM]} with a day of at most 28 (any month has
   * it); false leaves the decision to {@code java.time}.
   */
  private static boolean commonShape(String s) {
    int n = s.length();
    if (n < 19
        || s.charAt(4) != '-'
        || s.charAt(7) != '-'
        || s.charAt(10) != 'T'
        || s.charAt(13) != ':'
        || s.charAt(16) != ':') {
      return false;
    }
    int month = twoDigits(s, 5);
    int day = twoDigits(s, 8);
    if (!digits(s, 0, 4)
        || month < 1
        || month > 12
        || day < 1
        || day > 28
        || !inRange(twoDigits(s, 11), 23)
        || !inRange(twoDigits(s, 14), 59)
        || !inRange(twoDigits(s, 17), 59)) {
      return false;
    }
    int i = 19;
    if (i < n && s.charAt(i) == '.') {
      int start = ++i;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      if (i == start || i - start > 9) {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    char zone = s.charAt(i);
    if (zone == 'Z') {
      return i + 1 == n;
    }
    return (zone == '+' || zone == '-')
        && i + 6 == n
        && s.charAt(i + 3) == ':'
        && inRange(twoDigits(s, i + 1), 17)
        && inRange(twoDigits(s, i + 4), 59);
  }

  private static boolean inRange(int value, int max) {
    return value >= 0 && value <= max;
  }

  private static int twoDigits(String s, int at) {
    char a = s.charAt(at);
    char b = s.charAt(at + 1);
    return isDigit(a) && isDigit(b) ? (a - '0') * 10 + (b - '0') : -1;
  }

  private static boolean digits(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (!isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
