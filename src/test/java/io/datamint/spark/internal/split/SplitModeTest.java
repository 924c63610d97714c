package io.datamint.spark.internal.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Mode selection as the SDK v2.17 (reference §3.1), with the connector's NONE rule. */
class SplitModeTest {

  private static Boolean tri(String v) {
    return v == null || v.equals("-") ? null : Boolean.valueOf(v);
  }

  /**
   * ratios; use_project_splits; use_server_splits (- = not given); as_of; project; by_patient;
   * mode.
   */
  @ParameterizedTest(name = "[{index}] {0} {1} {2} {3} {4} {5} -> {6}")
  @CsvSource({
    // nothing asked: no split, even with a project (the SDK's split() would auto-select project
    // splits)
    "false, -, -, false, true, false, NONE",
    "false, -, -, false, false, false, NONE",
    "true, -, -, false, true, false, LOCAL",
    "true, -, -, false, false, false, LOCAL",
    "true, false, -, false, true, false, LOCAL",
    "true, -, false, false, true, false, LOCAL",
    "false, true, -, false, true, false, PROJECT",
    "false, true, -, true, true, false, PROJECT",
    "false, -, -, true, true, false, PROJECT",
    "false, true, false, false, true, false, PROJECT",
    // use_project_splits=False with no ratios falls back to tag mode
    "false, false, -, false, true, false, SERVER_TAGS",
    // explicit use_server_splits=True skips the project auto-mode
    "false, -, true, false, true, false, SERVER_TAGS",
    "false, -, true, false, false, false, SERVER_TAGS",
    "true, -, -, false, true, true, LOCAL_BY_PATIENT",
    "true, false, false, false, false, true, LOCAL_BY_PATIENT",
  })
  void modes(
      boolean ratios,
      String project,
      String server,
      boolean asOf,
      boolean hasProject,
      boolean byPatient,
      SplitMode expected) {
    assertThat(SplitMode.resolve(ratios, tri(project), tri(server), asOf, hasProject, byPatient))
        .isEqualTo(expected);
  }

  @ParameterizedTest(name = "[{index}] -> {6}")
  @CsvSource(
      delimiter = ';',
      value = {
        "true; true; -; false; true; false; Ratio kwargs must not be provided with use_project_splits=True.",
        "false; true; -; false; false; false; Dataset must be loaded from a project",
        "false; -; -; true; false; false; Dataset must be loaded from a project",
        "true; -; -; true; true; false; as_of_timestamp is only supported with project-scoped splits",
        "false; false; -; true; true; false; as_of_timestamp is only supported with project-scoped splits",
        "false; -; true; true; true; false; as_of_timestamp is only supported with project-scoped splits",
        "true; -; true; false; true; false; Ratio kwargs (e.g. train=0.7) must not be provided when use_server_splits=True.",
        "false; -; false; false; true; false; At least 2 splits are required",
        "true; true; -; false; true; true; cannot be combined",
        "false; -; -; false; true; true; requires ratio kwargs",
        "true; -; true; false; true; true; cannot be combined",
        "true; -; -; true; true; true; as_of_timestamp is only supported with project-scoped splits",
      })
  void errors(
      boolean ratios,
      String project,
      String server,
      boolean asOf,
      boolean hasProject,
      boolean byPatient,
      String message) {
    assertThatThrownBy(
            () -> SplitMode.resolve(ratios, tri(project), tri(server), asOf, hasProject, byPatient))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(message);
  }

  @org.junit.jupiter.api.Test
  void sources() {
    assertThat(SplitMode.NONE.source()).isNull();
    assertThat(SplitMode.LOCAL.source()).isEqualTo("local");
    assertThat(SplitMode.LOCAL_BY_PATIENT.source()).isEqualTo("local_by_patient");
    assertThat(SplitMode.PROJECT.source()).isEqualTo("project_api");
    assertThat(SplitMode.SERVER_TAGS.source()).isEqualTo("server_tags");
  }
}
