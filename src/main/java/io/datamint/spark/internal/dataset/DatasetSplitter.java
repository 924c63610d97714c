package io.datamint.spark.internal.dataset;

import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.config.SplitOptions;
import io.datamint.spark.internal.plan.SplitMembership;
import io.datamint.spark.internal.source.ProjectSnapshot;
import io.datamint.spark.internal.split.LocalSplit;
import io.datamint.spark.internal.split.PatientResource;
import io.datamint.spark.internal.split.ProjectSplits;
import io.datamint.spark.internal.split.SplitResult;
import io.datamint.spark.internal.split.TagSplits;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts the selected resources in their splits, on the driver, after the SDK's selection and before
 * any SQL predicate (so a {@code WHERE} never changes a resource's split): a local split (CPython's
 * shuffle, the SDK's rounding), a patient-wise one, the project's assignments as of an instant, or
 * the deprecated {@code split:*} tags (where a resource with two such tags gives two rows).
 * Resources without an assignment keep a null split. Source order is kept; a split's rows are not
 * reordered by the shuffle.
 */
public final class DatasetSplitter {

  private static final Logger LOG = LoggerFactory.getLogger(DatasetSplitter.class);

  private final SplitOptions options;
  private final Clock clock;

  public DatasetSplitter(SplitOptions options, Clock clock) {
    this.options = options;
    this.clock = clock;
  }

  /** The selection with each resource's split. */
  public List<ResourceSelection.Selected> apply(
      List<ResourceSelection.Selected> selected, ProjectSnapshot snapshot) {
    switch (options.mode()) {
      case NONE:
        return selected;
      case LOCAL:
        return local(selected, LocalSplit.assign(ids(selected), options.ratios(), seed()));
      case LOCAL_BY_PATIENT:
        {
          List<PatientResource> patients = new ArrayList<>();
          for (ResourceSelection.Selected s : selected) {
            patients.add(PatientResource.of(s.resource()));
          }
          return local(
              selected,
              LocalSplit.assignByPatient(
                  patients, options.ratios(), seed(), options.nonePatientIdStrategy()));
        }
      case PROJECT:
        return project(selected, snapshot);
      case SERVER_TAGS:
        return tags(selected);
      default:
        throw new IllegalStateException("unexpected split mode " + options.mode());
    }
  }

  private long seed() {
    if (options.seed() != null) {
      return options.seed();
    }
    long seed = new SecureRandom().nextLong();
    LOG.warn("split without a seed: drew seed {}; give option seed to reproduce this split", seed);
    return seed;
  }

  private static List<String> ids(List<ResourceSelection.Selected> selected) {
    List<String> ids = new ArrayList<>();
    for (ResourceSelection.Selected s : selected) {
      ids.add(s.resource().id());
    }
    return ids;
  }

  private static List<ResourceSelection.Selected> local(
      List<ResourceSelection.Selected> selected, SplitResult result) {
    List<ResourceSelection.Selected> out = new ArrayList<>();
    for (ResourceSelection.Selected s : selected) {
      String split = result.splitOf(s.resource().id());
      out.add(
          s.in(
              split == null
                  ? SplitMembership.NONE
                  : new SplitMembership(split, result.source(), null)));
    }
    return out;
  }

  private List<ResourceSelection.Selected> project(
      List<ResourceSelection.Selected> selected, ProjectSnapshot snapshot) {
    // as the SDK: the caller's instant, or the client's time captured before asking for the current
    // assignments
    String asOf =
        options.asOfTimestamp() != null
            ? options.asOfTimestamp()
            : ProjectSplits.nowTimestamp(clock);
    Map<String, String> assignments = snapshot.splitAssignments(options.asOfTimestamp());
    ProjectSplits.group(ids(selected), assignments); // the SDK's error when nothing is assigned
    List<ResourceSelection.Selected> out = new ArrayList<>();
    for (ResourceSelection.Selected s : selected) {
      String split = assignments.get(s.resource().id());
      out.add(
          s.in(
              split == null
                  ? SplitMembership.NONE
                  : new SplitMembership(split, ProjectSplits.SOURCE, asOf)));
    }
    return out;
  }

  private static List<ResourceSelection.Selected> tags(List<ResourceSelection.Selected> selected) {
    LOG.warn(TagSplits.DEPRECATION_WARNING);
    List<Resource> resources = new ArrayList<>();
    for (ResourceSelection.Selected s : selected) {
      resources.add(s.resource());
    }
    Map<String, List<String>> assigned = TagSplits.assign(resources);
    List<ResourceSelection.Selected> out = new ArrayList<>();
    for (ResourceSelection.Selected s : selected) {
      List<String> splits = assigned.getOrDefault(s.resource().id(), List.of());
      if (splits.isEmpty()) {
        out.add(s);
      }
      for (String split : splits) {
        out.add(s.in(new SplitMembership(split, TagSplits.SOURCE, null)));
      }
    }
    return out;
  }
}
