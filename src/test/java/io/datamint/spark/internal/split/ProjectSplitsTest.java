package io.datamint.spark.internal.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.api.model.SplitAssignment;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reference §10 behaviours 2 and 3, contracts §2. */
class ProjectSplitsTest {

  private static SplitAssignment a(String split, String resource, String created, String deleted) {
    return new SplitAssignment(null, split, resource, created, deleted);
  }

  /**
   * r1: train, re-assigned to val at 10:00 (train deleted then); r2: test, unassigned at 12:00; r3
   * from 11:00; r4 created with a +02:00 offset (08:30Z).
   */
  private static final List<SplitAssignment> HISTORY =
      List.of(
          a("train", "r1", "2026-01-01T08:00:00Z", "2026-01-01T10:00:00.000001Z"),
          a("test", "r2", "2026-01-01T08:00:00.5Z", "2026-01-01T12:00:00Z"),
          a("val", "r1", "2026-01-01T10:00:00.000001Z", null),
          a("train", "r3", "2026-01-01T11:00:00Z", null),
          a("val", "r4", "2026-01-01T10:30:00+02:00", null));

  @ParameterizedTest(name = "as of {0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "2026-01-01T07:59:59Z; ",
        "2026-01-01T08:00:00Z; r1=train",
        "2026-01-01T08:00:00.5Z; r1=train r2=test",
        "2026-01-01T08:30:00Z; r1=train r2=test r4=val",
        "2026-01-01T10:00:00Z; r1=train r2=test r4=val",
        "2026-01-01T10:00:00.000001Z; r2=test r1=val r4=val",
        "2026-01-01T11:00:00Z; r2=test r1=val r3=train r4=val",
        "2026-01-01T12:00:00Z; r1=val r3=train r4=val",
        "2030-01-01T00:00:00Z; r1=val r3=train r4=val",
      })
  void asOfResolution(String asOf, String expected) {
    Map<String, String> got = ProjectSplits.asOf(HISTORY, Instant.parse(asOf));
    Map<String, String> want = new java.util.HashMap<>();
    if (expected != null) {
      for (String kv : expected.split(" ")) {
        want.put(kv.split("=")[0], kv.split("=")[1]);
      }
    }
    assertThat(got).isEqualTo(want);
  }

  @Test
  void latestCreatedWinsRegardlessOfHistoryOrderAndTiesGoToTheLaterEntry() {
    List<SplitAssignment> history =
        List.of(
            a("val", "r1", "2026-01-02T00:00:00Z", null),
            a("train", "r1", "2026-01-01T00:00:00Z", null),
            a("test", "r2", "2026-01-01T00:00:00Z", null),
            a("val", "r2", "2026-01-01T00:00:00.000Z", null));
    assertThat(ProjectSplits.asOf(history, Instant.parse("2026-01-03T00:00:00Z")))
        .containsEntry("r1", "val")
        .containsEntry("r2", "val");
    assertThat(ProjectSplits.asOf(history, Instant.parse("2026-01-01T12:00:00Z")))
        .containsEntry("r1", "train");
  }

  @Test
  void malformedTimestampIsNamed() {
    List<SplitAssignment> history = List.of(a("train", "r1", "yesterday", null));
    assertThatThrownBy(() -> ProjectSplits.asOf(history, Instant.EPOCH))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("created_at 'yesterday'");
    List<SplitAssignment> badDeleted =
        List.of(a("train", "r1", "2026-01-01T00:00:00Z", "2026-13-01T00:00:00Z"));
    assertThatThrownBy(() -> ProjectSplits.asOf(badDeleted, Instant.EPOCH))
        .hasMessageContaining("deleted_at '2026-13-01T00:00:00Z'");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "2026-06-19T16:37:40.622014Z, 2026-06-19T16:37:40.622014Z",
    "2026-06-19T16:37:40Z, 2026-06-19T16:37:40Z",
    "2026-06-19T18:37:40.5+02:00, 2026-06-19T16:37:40.500Z",
    "2026-06-19T16:37:40.123456789-00:30, 2026-06-19T17:07:40.123456789Z",
    "2026-06-19T16:37:40.622014, 2026-06-19T16:37:40.622014Z",
  })
  void parsesIsoTimestamps(String text, String instant) {
    assertThat(ProjectSplits.parseTimestamp(text, "as_of_timestamp"))
        .isEqualTo(Instant.parse(instant));
  }

  @Test
  void parseErrorsNameTheValue() {
    assertThatThrownBy(() -> ProjectSplits.parseTimestamp("2026/06/19", "as_of_timestamp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("as_of_timestamp '2026/06/19'");
    assertThatThrownBy(() -> ProjectSplits.parseTimestamp(null, "as_of_timestamp"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("as_of_timestamp");
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "2026-06-19T16:37:40.622014Z, 2026-06-19T16:37:40.622014Z",
    "2026-06-19T16:37:40Z, 2026-06-19T16:37:40Z",
    "2026-06-19T16:37:40.000000999Z, 2026-06-19T16:37:40Z",
    "2026-06-19T16:37:40.5Z, 2026-06-19T16:37:40.500000Z",
    "2026-06-19T16:37:40.000001999Z, 2026-06-19T16:37:40.000001Z",
    "0999-01-02T03:04:05Z, 0999-01-02T03:04:05Z",
  })
  void nowTimestampLikeTheSdk(String instant, String formatted) {
    Clock clock = Clock.fixed(Instant.parse(instant), ZoneOffset.ofHours(5));
    assertThat(ProjectSplits.nowTimestamp(clock)).isEqualTo(formatted);
  }

  @Test
  void groupFollowsDatasetOrderAndDropsUnassigned() {
    Map<String, String> assigned =
        Map.of("r1", "train", "r2", "val", "r4", "test", "r5", "val", "other", "test");
    SplitResult result = ProjectSplits.group(List.of("r2", "r3", "r1", "r4", "r5"), assigned);
    assertThat(result.splits().keySet()).containsExactly("val", "train", "test");
    assertThat(result.splits().get("val")).containsExactly("r2", "r5");
    assertThat(result.splitOf("r3")).isNull();
    assertThat(result.source()).isEqualTo("project_api");
  }

  @Test
  void groupWithNoAssignmentRaisesTheSdkError() {
    assertThatThrownBy(() -> ProjectSplits.group(List.of("r1"), Map.of("other", "train")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No split assignments found for this project. Call api.projects.assign_splits() first.");
  }
}
