package io.datamint.spark.lineage;

import java.io.Serializable;
import java.util.Objects;

/**
 * A read's lineage as an MLflow dataset: the fields of the Datamint SDK's {@code
 * DatamintMLflowDataset} ({@code build_mlflow_dataset()}) for the dataset the SDK builds with the
 * same selection and split. Immutable.
 *
 * <ul>
 *   <li>{@link #name()}: the project's name;
 *   <li>{@link #digest()}: 8 hex digits, the first of the MD5 of the SDK's JSON of the resources
 *       (in the SDK's order: a split's shuffled order for a local split) and of {@code
 *       extra_params};
 *   <li>{@link #sourceType()} {@code datamint} and {@link #source()}: the JSON of {@code
 *       DatamintDatasetSource.to_json()} (project id and name, split, {@code extra_params});
 *   <li>{@link #profile()}: the JSON of {@code {"num_resources": N, "most_common_storage_type":
 *       S}}.
 * </ul>
 */
public final class DatasetLineage implements Serializable {

  private static final long serialVersionUID = 1L;

  /** MLflow's {@code source_type} of a Datamint dataset. */
  public static final String SOURCE_TYPE = "datamint";

  private final String name;
  private final String digest;
  private final String source;
  private final String profile;
  private final String projectId;
  private final String split;
  private final int numResources;
  private final String mostCommonStorageType;

  /**
   * A lineage; {@code io.datamint.spark.DatamintLineage.of} makes it.
   *
   * @param name the dataset's name (the project's name)
   * @param digest the SDK's 8-character digest
   * @param source the source's JSON ({@code DatamintDatasetSource.to_json()})
   * @param profile the profile's JSON
   * @param projectId the project's id
   * @param split the split's name, or null for a read that is not one split
   * @param numResources the profile's {@code num_resources}
   * @param mostCommonStorageType the profile's {@code most_common_storage_type}, or null
   */
  public DatasetLineage(
      String name,
      String digest,
      String source,
      String profile,
      String projectId,
      String split,
      int numResources,
      String mostCommonStorageType) {
    this.name = Objects.requireNonNull(name, "name");
    this.digest = Objects.requireNonNull(digest, "digest");
    this.source = Objects.requireNonNull(source, "source");
    this.profile = Objects.requireNonNull(profile, "profile");
    this.projectId = Objects.requireNonNull(projectId, "projectId");
    this.split = split;
    this.numResources = numResources;
    this.mostCommonStorageType = mostCommonStorageType;
  }

  /** The dataset's name: the project's name. */
  public String name() {
    return name;
  }

  /** The SDK's digest: 8 lower-case hex digits. */
  public String digest() {
    return digest;
  }

  /** MLflow's source type: {@value #SOURCE_TYPE}. */
  public String sourceType() {
    return SOURCE_TYPE;
  }

  /** The source as JSON, as {@code DatamintDatasetSource.to_json()} writes it. */
  public String source() {
    return source;
  }

  /** The profile as JSON, as {@code DatamintMLflowDataset.to_dict()["profile"]}. */
  public String profile() {
    return profile;
  }

  /** The project's id. */
  public String projectId() {
    return projectId;
  }

  /** The split's name, or null when the read is not one split. */
  public String split() {
    return split;
  }

  /** How many items the dataset has: resources, or slices or frames of an expanded read. */
  public int numResources() {
    return numResources;
  }

  /** The most common {@code storage} of the resources, or null (slices, frames, no resource). */
  public String mostCommonStorageType() {
    return mostCommonStorageType;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof DatasetLineage l
        && name.equals(l.name)
        && digest.equals(l.digest)
        && source.equals(l.source)
        && profile.equals(l.profile)
        && projectId.equals(l.projectId)
        && Objects.equals(split, l.split)
        && numResources == l.numResources
        && Objects.equals(mostCommonStorageType, l.mostCommonStorageType);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, digest, source, profile, split);
  }

  @Override
  public String toString() {
    return "DatasetLineage[name="
        + name
        + ", digest="
        + digest
        + ", split="
        + split
        + ", profile="
        + profile
        + "]";
  }
}
