package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.internal.source.SplitAssignmentSink;
import io.datamint.spark.internal.split.ProjectSplits;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Split assignments appended to a project mirror's {@code splits.jsonl} ({@link
 * MirrorSplitWriter}).
 */
public final class MirrorSplitSink implements SplitAssignmentSink {

  private final Path projectDir;
  private final Configuration conf;
  private final String projectId;

  /**
   * A sink for the project mirror at {@code projectDir}, whose {@code project.json} id is {@code
   * projectId}.
   */
  public MirrorSplitSink(Path projectDir, Configuration conf, String projectId) {
    this.projectDir = projectDir;
    this.conf = conf;
    this.projectId = projectId;
  }

  @Override
  public String assign(
      Map<String, String> assignments, List<String> splitOrder, String createdBy, Clock clock) {
    String now = ProjectSplits.nowTimestamp(clock);
    new MirrorSplitWriter(projectDir, conf).assign(assignments, now, createdBy, projectId);
    return now;
  }
}
