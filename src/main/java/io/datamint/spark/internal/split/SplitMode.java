package io.datamint.spark.internal.split;

/**
 * Which split a read computes, chosen from the split options as the seed's SDK v2.17 {@code
 * split()} chooses (reference §3.1), with one connector rule first: <b>the connector only splits
 * when asked</b>. When none of {@code split} (ratios), {@code use_project_splits}, {@code
 * use_server_splits}, {@code as_of_timestamp} and {@code by_patient=true} is given, the mode is
 * {@link #NONE} and every row's split is null, even for a project-backed dataset (where the SDK's
 * {@code split()} would auto-select project splits: calling {@code split()} is itself the request
 * there).
 */
public enum SplitMode {
  /** No split requested: the split columns are null. */
  NONE(null),
  /** Local random split by ratios and seed. */
  LOCAL(LocalSplit.SOURCE_LOCAL),
  /** Patient-wise local split ({@code by_patient=true}, the SDK at HEAD). */
  LOCAL_BY_PATIENT(LocalSplit.SOURCE_LOCAL_BY_PATIENT),
  /** Project-scoped assignments, as of {@code as_of_timestamp} or the captured now. */
  PROJECT(ProjectSplits.SOURCE),
  /** Legacy {@code split:*} tags (deprecated). */
  SERVER_TAGS(TagSplits.SOURCE);

  private final String source;

  SplitMode(String source) {
    this.source = source;
  }

  /** The {@code split_source} value of this mode, null for {@link #NONE}. */
  public String source() {
    return source;
  }

  /**
   * Resolves the mode, raising the SDK's errors.
   *
   * @param hasRatios whether {@code split} ratios were given
   * @param useProjectSplits {@code use_project_splits}, null when not given
   * @param useServerSplits {@code use_server_splits}, null when not given
   * @param hasAsOfTimestamp whether {@code as_of_timestamp} was given
   * @param hasProject whether the dataset is a project's
   * @param byPatient {@code by_patient}
   * @throws IllegalArgumentException on conflicting options: ratios with project splits or with tag
   *     splits, project splits without a project, {@code as_of_timestamp} outside project mode,
   *     {@code by_patient} with project or tag splits or without ratios, a local split without
   *     ratios
   */
  public static SplitMode resolve(
      boolean hasRatios,
      Boolean useProjectSplits,
      Boolean useServerSplits,
      boolean hasAsOfTimestamp,
      boolean hasProject,
      boolean byPatient) {
    if (!hasRatios
        && useProjectSplits == null
        && useServerSplits == null
        && !hasAsOfTimestamp
        && !byPatient) {
      return NONE;
    }
    if (byPatient) {
      if (Boolean.TRUE.equals(useProjectSplits)) {
        throw new IllegalArgumentException(
            "by_patient=True cannot be combined with use_project_splits=True.");
      }
      if (Boolean.TRUE.equals(useServerSplits)) {
        throw new IllegalArgumentException(
            "by_patient=True cannot be combined with use_server_splits=True.");
      }
      if (!hasRatios) {
        throw new IllegalArgumentException(
            "by_patient=True requires ratio kwargs (e.g. train=0.7, test=0.3).");
      }
      if (hasAsOfTimestamp) {
        throw asOfOutsideProject();
      }
      return LOCAL_BY_PATIENT;
    }
    boolean project;
    if (useProjectSplits == null && useServerSplits == null && !hasRatios) {
      project = hasProject || hasAsOfTimestamp;
    } else {
      project = Boolean.TRUE.equals(useProjectSplits);
    }
    if (project) {
      if (hasRatios) {
        throw new IllegalArgumentException(
            "Ratio kwargs must not be provided with use_project_splits=True.");
      }
      if (!hasProject) {
        throw new IllegalArgumentException(
            "Dataset must be loaded from a project to use use_project_splits=True.");
      }
      return PROJECT;
    }
    if (hasAsOfTimestamp) {
      throw asOfOutsideProject();
    }
    boolean serverTags = useServerSplits == null ? !hasRatios : useServerSplits;
    if (serverTags) {
      if (hasRatios) {
        throw new IllegalArgumentException(
            "Ratio kwargs (e.g. train=0.7) must not be provided when use_server_splits=True.");
      }
      return SERVER_TAGS;
    }
    if (!hasRatios) {
      throw new IllegalArgumentException(
          "At least 2 splits are required (e.g. train=0.7, test=0.3).");
    }
    return LOCAL;
  }

  private static IllegalArgumentException asOfOutsideProject() {
    return new IllegalArgumentException(
        "as_of_timestamp is only supported with project-scoped splits. Set"
            + " use_project_splits=True or use a project-backed dataset with no ratio kwargs.");
  }
}
