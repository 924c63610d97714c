package io.datamint.spark.internal.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * {@link IsoTimestamp#isValid}'s character-by-character fast path accepts exactly what {@code
 * java.time}'s ISO parsers accept: checked on hand-picked edge cases and on mutations of valid
 * timestamps.
 */
class IsoTimestampTest {

  private static boolean javaTime(String text) {
    String t = text.trim();
    try {
      OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return true;
    } catch (DateTimeParseException e) {
      try {
        LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).toInstant(ZoneOffset.UTC);
        return true;
      } catch (DateTimeParseException e2) {
        return false;
      }
    }
  }

  @Test
  void acceptsWhatJavaTimeAccepts() {
    List<String> cases =
        new ArrayList<>(
            List.of(
                "2026-06-19T16:37:40.622014Z",
                "2026-06-19T16:37:40Z",
                "2026-06-19T16:37:40+02:00",
                "2026-06-19T16:37:40",
                "2026-06-19T16:37:40.1234567891Z",
                "2026-06-19T16:37Z",
                "2026-02-29T00:00:00Z",
                "2024-02-29T00:00:00Z",
                "2026-02-30T00:00:00Z",
                "2026-13-01T00:00:00Z",
                "2026-00-01T00:00:00Z",
                "2026-01-01T24:00:00Z",
                "2026-01-01T23:60:00Z",
                "2026-01-01T23:59:60Z",
                "2026-01-01T00:00:00+18:00",
                "2026-01-01T00:00:00+19:00",
                "2026-01-01T00:00:00+0200",
                "2026-01-01T00:00:00.Z",
                "2026-01-01 00:00:00Z",
                " 2026-01-01T00:00:00Z ",
                "yesterday",
                "",
                "+12026-01-01T00:00:00Z"));
    Random random = new Random(15);
    String digitsAndMarks = "0123456789-:TZ.+ ";
    for (int i = 0; i < 20_000; i++) {
      char[] c = cases.get(random.nextInt(4)).toCharArray();
      c[random.nextInt(c.length)] = digitsAndMarks.charAt(random.nextInt(digitsAndMarks.length()));
      cases.add(new String(c));
    }
    for (String text : cases) {
      assertThat(IsoTimestamp.isValid(text)).as(text).isEqualTo(javaTime(text));
    }
  }

  @Test
  void parsesToTheInstant() {
    assertThat(IsoTimestamp.parse("2026-06-19T16:37:40+02:00"))
        .isEqualTo(Instant.parse("2026-06-19T14:37:40Z"));
    assertThat(IsoTimestamp.parse("2026-06-19T16:37:40"))
        .isEqualTo(Instant.parse("2026-06-19T16:37:40Z"));
    assertThat(IsoTimestamp.parse("soon")).isNull();
  }
}
