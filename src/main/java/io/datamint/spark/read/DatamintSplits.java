package io.datamint.spark.read;

import io.datamint.spark.dataset.ResourceSelection;
import io.datamint.spark.source.ProjectSourceException;
import io.datamint.spark.source.mirror.MirrorLocator;
import io.datamint.spark.source.mirror.MirrorSplitWriter;
import io.datamint.spark.split.ProjectSplits;
import io.datamint.spark.split.SplitMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Saves a local split as the project's split assignments, as the SDK's {@code SplitResult.save()}: the read with
 * these options (a {@code split} with a {@code seed}, optionally {@code by_patient}) is assigned on the driver and
 * recorded in the mirror's {@code splits.jsonl} at the current instant, so that a later read with
 * {@code use_project_splits=true} (and an {@code as_of_timestamp} after it) replays exactly this split. Like the SDK,
 * it refuses a project that already has assignments unless {@code force}; assignments of resources outside the
 * read are kept.
 */
public final class DatamintSplits {

  private DatamintSplits() {}

  /**
   * Computes the split the options define and records it.
   *
   * @param options read options of the project mirror, with a local split ({@code split}, {@code seed})
   * @param createdBy recorded as the assignments' {@code created_by}
   * @return the instant recorded as {@code created_at}, in the SDK's format
   */
  public static String save(SparkSession spark, Map<String, String> options, boolean force, String createdBy) {
    DatamintTable table = DatamintTableProvider.loadTable(spark, options);
    SplitMode mode = table.options().splits().mode();
    if (mode != SplitMode.LOCAL && mode != SplitMode.LOCAL_BY_PATIENT) {
      throw new IllegalArgumentException("saving a split needs a local split: give option \"split\" (ratios) and "
          + "\"seed\" (so it can be reproduced); this read's split mode is " + mode);
    }
    if (!force && !table.snapshot().splitHistory().isEmpty()) {
      throw new IllegalArgumentException("the project already has split assignments (" 
          + table.snapshot().splitHistory().size() + " in its history); pass force=true to re-assign the "
          + "resources of this split");
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    for (ResourceSelection.Selected selected : table.selected()) {
      if (selected.split().split() != null) {
        assignments.put(selected.resource().id(), selected.split().split());
      }
    }
    if (table.options().path() == null) {
      throw new ProjectSourceException("saving splits needs a project mirror (option \"path\")");
    }
    Configuration conf = spark.sessionState().newHadoopConf();
    table.options().hadoopOptions().forEach(conf::set);
    Path dir = new MirrorLocator(conf).resolve(table.options().path(), table.options().project());
    String now = ProjectSplits.nowTimestamp(Clock.systemUTC());
    new MirrorSplitWriter(dir, conf).assign(assignments, now, createdBy, table.snapshot().project().id());
    return now;
  }
}
