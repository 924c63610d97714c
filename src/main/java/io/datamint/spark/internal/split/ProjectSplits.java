package io.datamint.spark.internal.split;

import io.datamint.spark.internal.api.model.IsoTimestamp;
import io.datamint.spark.internal.api.model.SplitAssignment;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Project-scoped split assignments: the assignment history resolved as of an instant (contracts
 * §2), the SDK's {@code now_utc()} timestamp, and the SDK's {@code _split_by_project_api} grouping
 * over a dataset's resources.
 */
public final class ProjectSplits {

  /** {@code split_source} of project-scoped splits. */
  public static final String SOURCE = "project_api";

  private ProjectSplits() {}

  /**
   * The assignments valid at {@code asOf}: for each resource, among its assignments with {@code
   * created_at <= asOf} and {@code deleted_at} null or {@code > asOf}, the one with the latest
   * {@code created_at} (on a tie, the later one in the history). Resources with none are absent.
   * Keys follow the history's first mention of each resource.
   *
   * @throws IllegalArgumentException naming a malformed {@code created_at} or {@code deleted_at}
   */
  public static Map<String, String> asOf(List<SplitAssignment> history, Instant asOf) {
    Map<String, Instant> bestCreated = new HashMap<>();
    LinkedHashMap<String, String> result = new LinkedHashMap<>();
    for (SplitAssignment a : history) {
      Instant created = parseTimestamp(a.createdAt(), "created_at");
      Instant deleted = a.deletedAt() == null ? null : parseTimestamp(a.deletedAt(), "deleted_at");
      if (created.isAfter(asOf) || (deleted != null && !deleted.isAfter(asOf))) {
        continue;
      }
      Instant best = bestCreated.get(a.resourceId());
      if (best == null || !created.isBefore(best)) {
        bestCreated.put(a.resourceId(), created);
        result.put(a.resourceId(), a.splitName());
      }
    }
    return result;
  }

  /**
   * The SDK's project split over a dataset: each resource, in dataset order, goes to its assigned
   * split; splits are ordered by first occurrence in dataset order; resources without an assignment
   * are in no split.
   *
   * @param resourceIds the dataset's resource ids, in dataset order
   * @param assignments resource id to split name, e.g. from {@link #asOf}
   * @throws IllegalArgumentException with the SDK's message when no resource of the dataset has an
   *     assignment
   */
  public static SplitResult group(List<String> resourceIds, Map<String, String> assignments) {
    LinkedHashMap<String, List<String>> splits = new LinkedHashMap<>();
    for (String id : resourceIds) {
      String split = assignments.get(id);
      if (split != null) {
        splits.computeIfAbsent(split, k -> new ArrayList<>()).add(id);
      }
    }
    if (splits.isEmpty()) {
      throw new IllegalArgumentException(
          "No split assignments found for this project. Call api.projects.assign_splits() first.");
    }
    return new SplitResult(splits, SOURCE);
  }

  /**
   * Parses an ISO-8601 timestamp: with or without fractional seconds, with {@code Z} or an offset;
   * one without an offset is taken as UTC.
   *
   * @param what what the timestamp is (e.g. {@code as_of_timestamp}), for the message
   * @throws IllegalArgumentException naming the value when it is null or malformed
   */
  public static Instant parseTimestamp(String value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is missing (expected an ISO-8601 timestamp)");
    }
    Instant instant = IsoTimestamp.parse(value);
    if (instant == null) {
      throw new IllegalArgumentException(
          what
              + " '"
              + value
              + "' is not an ISO-8601 timestamp (expected e.g. 2026-06-19T16:37:40.622014Z or"
              + " 2026-06-19T16:37:40+02:00)");
    }
    return instant;
  }

  /** The SDK's {@code now_utc()} at the clock's instant: see {@link #formatTimestamp(Instant)}. */
  public static String nowTimestamp(Clock clock) {
    return formatTimestamp(clock.instant());
  }

  /**
   * Formats like Python's {@code datetime.isoformat()} of a UTC datetime with {@code +00:00}
   * replaced by {@code Z}: {@code 2026-06-19T16:37:40.622014Z}, microseconds (truncated) left out
   * when they are 0.
   */
  public static String formatTimestamp(Instant instant) {
    LocalDateTime t =
        LocalDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    String base =
        String.format(
            Locale.ROOT,
            "%04d-%02d-%02dT%02d:%02d:%02d",
            t.getYear(),
            t.getMonthValue(),
            t.getDayOfMonth(),
            t.getHour(),
            t.getMinute(),
            t.getSecond());
    int micros = t.getNano() / 1000;
    return micros == 0 ? base + "Z" : base + String.format(Locale.ROOT, ".%06dZ", micros);
  }
}
