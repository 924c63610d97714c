package io.datamint.spark.internal.read;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.decode.nifti.NiftiProbe;
import io.datamint.spark.internal.plan.PartitionPlanner;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.source.ProjectSnapshot;
import java.io.IOException;
import java.io.InputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver side, for reads that expand volumes into slice rows: when the metadata has no frame count
 * for a NIfTI volume, reads its header (a few hundred bytes) so that partitions are balanced by
 * rows. The header probe gives the volume's typed geometry too ({@link NiftiProbe.Header}, the
 * decoder's {@code VolumeGeometry}); the estimate uses only the largest spatial dimension. A header
 * that cannot be read leaves the count unknown (the planner then estimates it); decoding reports
 * the real problem.
 */
final class FrameCountProbe {

  private static final Logger LOG = LoggerFactory.getLogger(FrameCountProbe.class);

  /** Bytes enough for a NIfTI-1/2 header even when gzip-compressed. */
  private static final int HEAD_BYTES = 64 << 10;

  private FrameCountProbe() {}

  /**
   * The estimated rows of a resource: its metadata frame count; for a NIfTI volume without one, the
   * largest spatial dimension of its header; otherwise the planner's default estimate.
   */
  static long rows(PlannedResource resource, ProjectSnapshot snapshot) {
    if (resource.numFrames() != null || resource.kind() != ResourceKind.NIFTI) {
      return PartitionPlanner.rows(resource);
    }
    try (InputStream in =
        snapshot.fileStore().openResourcePrefix(resource.resourceId(), HEAD_BYTES)) {
      NiftiProbe.Header header = NiftiProbe.probe(in);
      LOG.debug("resource {}: header geometry {}", resource.resourceId(), header.geometry());
      return header.maxSpatialDim();
    } catch (IOException | DecodeException e) {
      LOG.debug("no frame count for {}: {}", resource.resourceId(), e.getMessage());
      return PartitionPlanner.rows(resource);
    }
  }
}
