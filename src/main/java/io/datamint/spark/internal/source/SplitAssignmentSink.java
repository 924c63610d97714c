package io.datamint.spark.internal.source;

import java.time.Clock;
import java.util.List;
import java.util.Map;

/**
 * Where a project's split assignments are written: the mirror's {@code splits.jsonl}, or the
 * Datamint server ({@code POST /projects/{id}/splits}). The write side of a {@link ProjectSource};
 * {@code source.open} picks the one the options name.
 */
public interface SplitAssignmentSink {

  /**
   * Records one assignment per resource as the project's current split.
   *
   * @param assignments resource id to split name, in resource order
   * @param splitOrder the split names in the order the user gave them (the order writes happen in)
   * @param createdBy recorded as the assignments' author
   * @param clock the instant of the write, where the sink has no clock of its own
   * @return the instant the assignments take effect, in the SDK's timestamp format: a read with
   *     {@code as_of_timestamp} at or after it sees them
   * @throws ProjectSourceException when the write fails, saying what was written before
   */
  String assign(
      Map<String, String> assignments, List<String> splitOrder, String createdBy, Clock clock);
}
