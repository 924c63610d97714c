package io.datamint.spark.internal.lineage;

import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.config.InvalidOptionException;
import io.datamint.spark.internal.config.SplitOptions;
import io.datamint.spark.internal.dataset.ResourceSelection;
import io.datamint.spark.internal.plan.SplitMembership;
import io.datamint.spark.internal.split.LocalSplit;
import io.datamint.spark.internal.split.PatientResource;
import io.datamint.spark.internal.split.SplitMode;
import io.datamint.spark.internal.split.SplitResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resources of a read's dataset in the SDK's order, as {@code build_mlflow_dataset()} lists
 * them: without a split name, every selected resource in source order (the dataset before {@code
 * split()}); with one, that split's resources in the order of the SDK's {@code subset()}: a local
 * split's shuffled order (CPython's shuffle, recomputed with the read's seed), a patient-wise
 * split's patients in shuffled order, project and tag splits in source order.
 *
 * @param resources the resources, in the SDK's order
 * @param splitSource the SDK's {@code split_source}, null without a split name
 * @param splitAsOf the instant of project splits, null otherwise
 */
public record SplitItems(List<Resource> resources, String splitSource, String splitAsOf) {

  /** Keeps an unmodifiable copy of {@code resources}. */
  public SplitItems {
    resources = List.copyOf(resources);
  }

  /** The resources, in the SDK's order (unmodifiable). */
  @Override
  public List<Resource> resources() {
    return Collections.unmodifiableList(resources);
  }

  /**
   * The resources of split {@code splitName} (or of the whole read when null) among {@code
   * selected}, the read's selection with its memberships.
   *
   * @throws InvalidOptionException when a split name is given and the read has no split, the split
   *     is unknown, or a local split has no seed
   */
  public static SplitItems of(
      List<ResourceSelection.Selected> selected, SplitOptions options, String splitName) {
    Map<String, Resource> byId = new LinkedHashMap<>();
    for (ResourceSelection.Selected s : selected) {
      byId.putIfAbsent(s.resource().id(), s.resource());
    }
    if (splitName == null) {
      return new SplitItems(List.copyOf(byId.values()), null, null);
    }
    SplitMode mode = options.mode();
    if (mode == SplitMode.NONE) {
      throw new InvalidOptionException(
          "split \""
              + splitName
              + "\" asked for, but the read has no split: give a split option (split with seed,"
              + " use_project_splits, as_of_timestamp) or no split name");
    }
    boolean local = mode == SplitMode.LOCAL || mode == SplitMode.LOCAL_BY_PATIENT;
    SplitResult result = local ? localSplit(byId, options, mode) : null;
    // the split names: a local split's in ratio order, the others' in order of appearance
    Set<String> known = new LinkedHashSet<>(local ? result.splits().keySet() : Set.of());
    List<String> members = new ArrayList<>();
    SplitMembership membership = null;
    for (ResourceSelection.Selected s : selected) {
      if (s.split().split() == null) {
        continue;
      }
      known.add(s.split().split());
      if (s.split().split().equals(splitName)) {
        members.add(s.resource().id());
        membership = s.split();
      }
    }
    List<String> ordered = members;
    if (local) {
      ordered = result.splits().getOrDefault(splitName, List.of());
      if (!Set.copyOf(ordered).equals(Set.copyOf(members))) {
        throw new IllegalStateException(
            "bug in the datamint connector: the lineage's split "
                + splitName
                + " differs from the read's");
      }
    }
    if (!known.contains(splitName)) {
      throw new InvalidOptionException(
          "split \""
              + splitName
              + "\" is not one of this read's splits: "
              + String.join(", ", known));
    }
    List<Resource> resources = new ArrayList<>();
    for (String id : ordered) {
      resources.add(byId.get(id));
    }
    String asOf = membership == null ? null : membership.asOfTimestamp();
    return new SplitItems(List.copyOf(resources), mode.source(), asOf);
  }

  private static SplitResult localSplit(
      Map<String, Resource> byId, SplitOptions options, SplitMode mode) {
    if (options.seed() == null) {
      throw new InvalidOptionException(
          "the lineage of a local split needs option \"seed\": without one every read draws"
              + " another split, and no digest could name it");
    }
    if (mode == SplitMode.LOCAL) {
      return LocalSplit.assign(List.copyOf(byId.keySet()), options.ratios(), options.seed());
    }
    List<PatientResource> patients = new ArrayList<>();
    for (Resource r : byId.values()) {
      patients.add(PatientResource.of(r));
    }
    return LocalSplit.assignByPatient(
        patients, options.ratios(), options.seed(), options.nonePatientIdStrategy());
  }
}
