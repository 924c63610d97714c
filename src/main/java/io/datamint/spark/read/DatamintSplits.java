package io.datamint.spark.read;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.api.client.ApiClients;
import io.datamint.spark.api.client.DatamintApiClient;
import io.datamint.spark.api.model.Json;
import io.datamint.spark.config.DatamintOptions;
import io.datamint.spark.dataset.ResourceSelection;
import io.datamint.spark.source.ProjectSourceException;
import io.datamint.spark.source.mirror.MirrorLocator;
import io.datamint.spark.source.mirror.MirrorSplitWriter;
import io.datamint.spark.split.ProjectSplits;
import io.datamint.spark.split.SplitMode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Saves a local split as the project's split assignments, as the SDK's {@code SplitResult.save()}: the read with
 * these options (a {@code split} with a {@code seed}, optionally {@code by_patient}) is assigned on the driver and
 * recorded where the read came from, so that a later read with {@code use_project_splits=true} (and an
 * {@code as_of_timestamp} at or after the returned instant) replays exactly this split:
 *
 * <ul>
 *   <li>a project mirror ({@code path}): in its {@code splits.jsonl}, closing each listed resource's current row;
 *   <li>the Datamint API ({@code server_url}, no {@code path}): one {@code POST /projects/{id}/splits} per split, in
 *       the order of the {@code split} option, with that split's resources in read order; the server records its
 *       own user as {@code created_by}.
 * </ul>
 *
 * <p>Like the SDK, it refuses a project that already has assignments unless {@code force} (a mirror: any row in its
 * history; the API: any current assignment); assignments of resources outside the read are kept.
 */
public final class DatamintSplits {

  private DatamintSplits() {}

  /** Where a saved split is recorded. */
  @FunctionalInterface
  private interface SplitRecorder {

    /**
     * Records the assignments (resource id to split name, in read order).
     *
     * @return the instant recorded as {@code created_at}, in the SDK's format
     */
    String record(Map<String, String> assignments, String createdBy);
  }

  /**
   * Computes the split the options define and records it.
   *
   * @param options read options of a project mirror or of the API, with a local split ({@code split}, {@code seed})
   * @param createdBy recorded as the assignments' {@code created_by} in a mirror (the API records its own user)
   * @return the instant recorded as {@code created_at}, in the SDK's format
   */
  public static String save(SparkSession spark, Map<String, String> options, boolean force, String createdBy) {
    return save(spark, options, force, createdBy, Clock.systemUTC());
  }

  /**
   * {@link #save(SparkSession, Map, boolean, String)} with the clock whose instant a mirror records (and the API
   * recorder falls back to); tests pass a fixed one.
   */
  static String save(SparkSession spark, Map<String, String> options, boolean force, String createdBy,
      Clock clock) {
    DatamintTable table = DatamintTableProvider.loadTable(spark, options);
    SplitMode mode = table.options().splits().mode();
    if (mode != SplitMode.LOCAL && mode != SplitMode.LOCAL_BY_PATIENT) {
      throw new IllegalArgumentException("saving a split needs a local split: give option \"split\" (ratios) and "
          + "\"seed\" (so it can be reproduced); this read's split mode is " + mode);
    }
    int existing = table.snapshot().splitHistory().size();
    if (!force && existing > 0) {
      throw new IllegalArgumentException("the project already has split assignments (" + existing + " rows in "
          + table.snapshot().sourceDescription() + "); pass force=true to re-assign the resources of this split");
    }
    Map<String, String> assignments = new LinkedHashMap<>();
    for (ResourceSelection.Selected selected : table.selected()) {
      if (selected.split().split() != null) {
        assignments.put(selected.resource().id(), selected.split().split());
      }
    }
    return recorder(spark, table, clock).record(assignments, createdBy);
  }

  /** The mirror when the read has a {@code path} (which wins, as for reads), else the API. */
  private static SplitRecorder recorder(SparkSession spark, DatamintTable table, Clock clock) {
    DatamintOptions options = table.options();
    String projectId = table.snapshot().project().id();
    return options.path() != null ? mirror(spark, options, projectId, clock) : api(options, projectId, clock);
  }

  private static SplitRecorder mirror(SparkSession spark, DatamintOptions options, String projectId, Clock clock) {
    Configuration conf = spark.sessionState().newHadoopConf();
    options.hadoopOptions().forEach(conf::set);
    Path dir = new MirrorLocator(conf).resolve(options.path(), options.project());
    return (assignments, createdBy) -> {
      String now = ProjectSplits.nowTimestamp(clock);
      new MirrorSplitWriter(dir, conf).assign(assignments, now, createdBy, projectId);
      return now;
    };
  }

  private static SplitRecorder api(DatamintOptions options, String projectId, Clock clock) {
    DatamintApiClient client = ApiClients.shared(options.api().settings());
    List<String> order = options.splits().ratios().names();
    return (assignments, createdBy) -> {
      List<JsonNode> rows = new ArrayList<>();
      List<String> saved = new ArrayList<>();
      for (String split : order) {
        List<String> ids = new ArrayList<>();
        assignments.forEach((id, name) -> {
          if (name.equals(split)) {
            ids.add(id);
          }
        });
        if (ids.isEmpty()) { // the API refuses an empty list; an empty split assigns nothing
          continue;
        }
        try {
          rows.addAll(client.assignSplit(projectId, ids, split));
        } catch (RuntimeException e) {
          throw new ProjectSourceException("saving split \"" + split + "\" failed"
              + (saved.isEmpty() ? "; nothing was saved" : " after splits " + saved + " were saved (run again with "
                  + "force=true to assign every split anew)") + ": " + e.getMessage(), e);
        }
        saved.add(split);
      }
      String latest = latestCreatedAt(rows);
      // The server's own instant when its answers say; else now, after the last one.
      return latest != null ? latest : ProjectSplits.nowTimestamp(clock);
    };
  }

  /** The latest {@code created_at} of the rows, as the server wrote it; null when none has a readable one. */
  private static String latestCreatedAt(List<JsonNode> rows) {
    Instant latest = null;
    String text = null;
    for (JsonNode row : rows) {
      String created = Json.text(row, "created_at");
      if (created == null) {
        continue;
      }
      try {
        Instant at = ProjectSplits.parseTimestamp(created, "created_at");
        if (latest == null || at.isAfter(latest)) {
          latest = at;
          text = created;
        }
      } catch (IllegalArgumentException e) {
        // not an instant we can compare: ignore this row's
      }
    }
    return text;
  }
}
