package io.datamint.spark.internal.prefetch;

import io.datamint.spark.prefetch.PrefetchFileResult;
import java.io.Serializable;
import org.apache.spark.util.LongAccumulator;

/**
 * The accumulators a prefetch job's readers add each finished file to: files done (downloaded,
 * skipped or failed), bytes done (downloaded or already there) and bytes downloaded. Named, so the
 * stage page of the Spark UI shows them; executors send their running tasks' values with each
 * heartbeat, which is how {@link PrefetchProgress} follows a task before it ends.
 */
record ProgressCounters(LongAccumulator files, LongAccumulator bytes, LongAccumulator downloaded)
    implements Serializable {

  /** Accumulator names, as the Spark UI shows them. */
  static final String FILES = "datamint prefetch: files done";

  static final String BYTES = "datamint prefetch: bytes done";
  static final String DOWNLOADED = "datamint prefetch: bytes downloaded";

  /** Counts a finished file (on the task thread). */
  void add(PrefetchFileResult result) {
    files.add(1);
    if (result.status() != PrefetchFileResult.Status.FAILED) {
      bytes.add(result.bytes());
    }
    if (result.status() == PrefetchFileResult.Status.DOWNLOADED) {
      downloaded.add(result.bytes());
    }
  }
}
