package io.datamint.spark.internal.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.source.mirror.MirrorSplitWriter;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One project's split assignment rows as the server answers them. They are read from {@code
 * splits.jsonl} at start; a re-assignment is written to that file by {@link MirrorSplitWriter} (the
 * writer {@code DatamintSplits.save} uses for mirrors) and the file is then read again, so the rows
 * served are always the file's rows. Writes of one project are serialized; readers see either the
 * rows before a write or the rows after it.
 */
final class SplitLog {

  private final MirrorSplitWriter writer;
  private final Supplier<List<ObjectNode>> reader;
  private volatile List<ObjectNode> rows;

  /**
   * @param writer writes the project's {@code splits.jsonl}
   * @param reader reads its rows (unmodifiable), at start and after every write
   */
  SplitLog(MirrorSplitWriter writer, Supplier<List<ObjectNode>> reader) {
    this.writer = writer;
    this.reader = reader;
    this.rows = reader.get();
  }

  /** Every row, in file order: the whole history. */
  List<ObjectNode> rows() {
    return rows;
  }

  /**
   * Closes the current assignment of each listed resource and opens a new one at {@code now}.
   *
   * @param assignments resource id to split name
   * @return the new rows
   */
  synchronized List<ObjectNode> assign(
      Map<String, String> assignments, String now, String createdBy, String projectId) {
    List<ObjectNode> created = writer.assign(assignments, now, createdBy, projectId);
    rows = reader.get();
    return created;
  }
}
