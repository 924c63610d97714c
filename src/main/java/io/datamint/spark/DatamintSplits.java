package io.datamint.spark;

import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.dataset.ResourceSelection;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.source.open.ProjectSources;
import io.datamint.spark.internal.split.SplitMode;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Saves a local split as the project's split assignments, as the SDK's {@code SplitResult.save()}:
 * the read with these options (a {@code split} with a {@code seed}, optionally {@code by_patient})
 * is assigned on the driver and recorded where the read came from, so that a later read with {@code
 * use_project_splits=true} (and an {@code as_of_timestamp} at or after the returned instant)
 * replays exactly this split:
 *
 * <ul>
 *   <li>a project mirror ({@code path}): in its {@code splits.jsonl}, closing each listed
 *       resource's current row;
 *   <li>the Datamint API ({@code server_url}, no {@code path}): one {@code POST
 *       /projects/{id}/splits} per split, in the order of the {@code split} option, with that
 *       split's resources in read order; the server records its own user as {@code created_by}.
 * </ul>
 *
 * <p>Like the SDK, it refuses a project that already has assignments unless {@code force} (a
 * mirror: any row in its history; the API: any current assignment); assignments of resources
 * outside the read are kept.
 */
public final class DatamintSplits {

  private DatamintSplits() {}

  /**
   * Computes the split the options define and records it.
   *
   * @param options read options of a project mirror or of the API, with a local split ({@code
   *     split}, {@code seed})
   * @param createdBy recorded as the assignments' {@code created_by} in a mirror (the API records
   *     its own user)
   * @return the instant recorded as {@code created_at}, in the SDK's format
   */
  public static String save(
      SparkSession spark, Map<String, String> options, boolean force, String createdBy) {
    return save(spark, options, force, createdBy, Clock.systemUTC());
  }

  /**
   * {@link #save(SparkSession, Map, boolean, String)} with the clock whose instant a mirror records
   * (and the API recorder falls back to); tests pass a fixed one.
   */
  static String save(
      SparkSession spark,
      Map<String, String> options,
      boolean force,
      String createdBy,
      Clock clock) {
    DatamintTable table = DatamintDataSource.loadTable(spark, options);
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
    Configuration conf = spark.sessionState().newHadoopConf();
    resolved.hadoopOptions().forEach(conf::set);
    return ProjectSources.splitSink(resolved, conf, table.snapshot().project().id())
        .assign(assignments, resolved.splits().ratios().names(), createdBy, clock);
  }

  /** The mirror when the read has a {@code path} (which wins, as for reads), else the API. */
}
