package io.datamint.spark;

import io.datamint.spark.internal.read.SplitSave;
import java.time.Clock;
import java.util.Map;
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
   * @param force whether to re-assign the resources of a project that already has assignments
   * @param createdBy recorded as the assignments' {@code created_by} in a mirror (the API records
   *     its own user)
   * @return the instant recorded as {@code created_at}, in the SDK's format
   * @throws IllegalArgumentException when the options give no local split, or the project has
   *     assignments and {@code force} is false
   * @throws io.datamint.spark.error.OptionException for a bad option
   * @throws io.datamint.spark.error.SourceException when the project cannot be read or the
   *     assignments cannot be recorded
   */
  public static String save(
      SparkSession spark, Map<String, String> options, boolean force, String createdBy) {
    return SplitSave.save(spark, options, force, createdBy, Clock.systemUTC());
  }
}
