package io.datamint.spark.internal.read;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.dataset.ResourceSelection;
import io.datamint.spark.internal.source.open.ProjectSources;
import io.datamint.spark.internal.split.SplitMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Saves a local split as the project's split assignments, behind {@code
 * io.datamint.spark.DatamintSplits} (which documents it): the read's selection and split are
 * computed on the driver, and the assignments go to the read's {@link
 * io.datamint.spark.internal.source.SplitAssignmentSink} (a mirror's {@code splits.jsonl} or the
 * API).
 */
public final class SplitSave {

  private SplitSave() {}

  /**
   * Computes the split the options define and records it: {@code
   * io.datamint.spark.DatamintSplits.save}, with the clock whose instant a mirror records (and the
   * API recorder falls back to); tests pass a fixed one.
   *
   * @return the instant recorded as {@code created_at}, in the SDK's format
   */
  public static String save(
      SparkSession spark,
      Map<String, String> options,
      boolean force,
      String createdBy,
      Clock clock) {
    DatamintTable table = DatamintTables.load(spark, options);
    SplitMode mode = table.options().splits().mode();
    if (mode != SplitMode.LOCAL && mode != SplitMode.LOCAL_BY_PATIENT) {
      throw new IllegalArgumentException(
          "saving a split needs a local split: give option \"split\" (ratios) and "
              + "\"seed\" (so it can be reproduced); this read's split mode is "
              + mode);
    }
    int existing = table.snapshot().splitHistory().size();
    if (!force && existing > 0) {
      throw new IllegalArgumentException(
          "the project already has split assignments ("
              + existing
              + " rows in "
              + table.snapshot().sourceDescription()
              + "); pass force=true to re-assign the resources of this split");
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    for (ResourceSelection.Selected selected : table.selected()) {
      if (selected.split().split() != null) {
        assignments.put(selected.resource().id(), selected.split().split());
      }
    }
    DatamintOptions resolved = table.options();
    Configuration conf = DatamintTables.hadoopConf(spark, resolved);
    return ProjectSources.splitSink(resolved, conf, table.snapshot().project().id())
        .assign(assignments, resolved.splits().ratios().names(), createdBy, clock);
  }
}
