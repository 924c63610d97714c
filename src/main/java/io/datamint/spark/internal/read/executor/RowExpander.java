package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.slice.PlaneResolver;
import io.datamint.spark.internal.slice.SlicePlane;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Decides the rows a decoded resource gives: one row, or (the SDK's {@code
 * VolumeDataset.slice(axis)} and {@code VideoDataset.frame_by_frame()}) one row per slice of a
 * DICOM or NIfTI volume along the option's plane, or per frame of a video (and of a multi-frame
 * DICOM when it is not sliced). Only the slices and frames that pass the pushed {@code slice_index}
 * / {@code frame_index} predicates are kept.
 */
final class RowExpander implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * The rows of one resource: the axis of the {@code (C, D, H, W)} image they cut (-1 for a single
   * whole row), the indexes along it, and whether they are slices (with the plane's label) or
   * frames.
   */
  record Expansion(int axis, int[] indexes, String sliceAxis, boolean frames) {

    /** The resource as one row. */
    static final Expansion WHOLE = new Expansion(-1, new int[] {-1}, null, false);

    static Expansion none() {
      return new Expansion(-1, new int[0], null, false);
    }

    Integer sliceIndex(int index) {
      return axis >= 0 && !frames ? index : null;
    }

    Integer frameIndex(int index) {
      return axis >= 0 && frames ? index : null;
    }
  }

  private final SlicePlane plane;
  private final boolean frameByFrame;
  private final RowIndexFilter filter;

  RowExpander(SlicePlane plane, boolean frameByFrame, RowIndexFilter filter) {
    this.plane = plane;
    this.frameByFrame = frameByFrame;
    this.filter = filter;
  }

  /** True when resources may give several rows, so every volume or video has to be decoded. */
  boolean expands() {
    return plane != null || frameByFrame;
  }

  /**
   * The rows of a resource whose image decoded to {@code image} (null when not read) with this
   * geometry (null for images and videos).
   */
  Expansion expand(PlannedResource resource, PixelArray image, VolumeGeometry geometry)
      throws DecodeException {
    if (image == null || image.rank() != 4 || !expands()) {
      return filter.keeps(null, null) ? Expansion.WHOLE : Expansion.none();
    }
    ResourceKind kind = resource.kind();
    if (kind == ResourceKind.VIDEO && frameByFrame) {
      return along(1, image, null, true);
    }
    if (plane != null && (kind == ResourceKind.DICOM || kind == ResourceKind.NIFTI)) {
      int axis =
          PlaneResolver.axis(
              plane, kind == ResourceKind.NIFTI ? "nifti" : "dicom", geometry, image.shape());
      return along(axis, image, plane.label(), false);
    }
    if (frameByFrame && kind == ResourceKind.DICOM) {
      return along(1, image, null, true);
    }
    return filter.keeps(null, null) ? Expansion.WHOLE : Expansion.none();
  }

  private Expansion along(int axis, PixelArray image, String label, boolean frames) {
    int[] kept = new int[image.dim(axis)];
    int n = 0;
    for (int i = 0; i < kept.length; i++) {
      if (filter.keeps(frames ? null : i, frames ? i : null)) {
        kept[n++] = i;
      }
    }
    return new Expansion(axis, Arrays.copyOf(kept, n), label, frames);
  }
}
