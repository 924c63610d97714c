package io.datamint.spark.internal.read;

import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.slice.MetadataSlices;
import io.datamint.spark.internal.source.ProjectSnapshot;

/**
 * A resource's weight when a slice or frame read balances its partitions by rows: its estimated
 * rows ({@link FrameCountProbe}) when its file is read, and 1 when a read that selects no file
 * column can take its rows from the metadata (the executors then count them without opening the
 * file, so its cost is a resource's, not its rows'). Without this, a {@code count(*)} with {@code
 * slice} over 100,000 volumes ran 2,770 partitions of 512 rows that opened no file. The test of
 * "from the metadata" is the planner's estimate: the executors decide ({@code
 * read.executor.RowExpander}); a resource they decode after all is just weighed lightly.
 */
final class RowWeight {

  private final DatamintOptions options;
  private final boolean readsFiles;
  private final ProjectSnapshot snapshot;

  /**
   * @param readsFiles whether the read schema has a column from the files (then every resource is
   *     decoded and weighs its rows)
   */
  RowWeight(DatamintOptions options, boolean readsFiles, ProjectSnapshot snapshot) {
    this.options = options;
    this.readsFiles = readsFiles;
    this.snapshot = snapshot;
  }

  /** The resource's weight in rows. */
  long of(PlannedResource resource) {
    return !readsFiles && rowsFromMetadata(resource) ? 1 : FrameCountProbe.rows(resource, snapshot);
  }

  private boolean rowsFromMetadata(PlannedResource resource) {
    ResourceKind kind = resource.kind();
    boolean volume = kind == ResourceKind.DICOM || kind == ResourceKind.NIFTI;
    if (options.slicePlane() != null && volume) {
      return MetadataSlices.of(options.slicePlane(), kind.label(), resource.geometry()) != null;
    }
    if (options.frameByFrame() && (kind == ResourceKind.VIDEO || kind == ResourceKind.DICOM)) {
      return resource.numFrames() != null;
    }
    return true; // one row
  }
}
