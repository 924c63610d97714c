package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.DatasetKind;
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

    /** Frame rows decoded one at a time: their indexes are known as they come. */
    static final Expansion STREAMED = new Expansion(1, new int[0], null, true);

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

  /** The pushed index filter. */
  RowIndexFilter filter() {
    return filter;
  }

  /**
   * True when the resource's rows may be frames decoded one at a time rather than cut from the
   * whole decoded file: a video or a DICOM file (not sliced) read frame by frame by a dataset that
   * gives it channels-first {@code (C, D, H, W)} (not the image dataset, which refuses files of
   * several frames). Once the stream is open, {@link #streamsFrames(PlannedResource, DatasetKind,
   * int)} confirms it.
   */
  boolean streamsFrames(PlannedResource resource, DatasetKind dataset) {
    if (!frameByFrame || dataset == DatasetKind.IMAGE) {
      return false;
    }
    ResourceKind kind = resource.kind();
    return kind == ResourceKind.VIDEO || (kind == ResourceKind.DICOM && plane == null);
  }

  /**
   * True when a resource that {@link #streamsFrames(PlannedResource, DatasetKind)} streams, whose
   * stream declares {@code frameCount} frames (-1: unknown), gives frame rows: not a DICOM file of
   * one frame read by dataset auto, which is an image ({@code (C, H, W)}, one row; see {@link
   * io.datamint.spark.internal.dataset.ItemLayout}).
   */
  boolean streamsFrames(PlannedResource resource, DatasetKind dataset, int frameCount) {
    return streamsFrames(resource, dataset)
        && !(resource.kind() == ResourceKind.DICOM
            && dataset == DatasetKind.AUTO
            && frameCount == 1);
  }

  /**
   * The rows of a resource as its metadata frame count ({@code frame_count}, a video stream's
   * {@code nb_frames}; the SDK's {@code get_depth()}, from which it expands frames too) gives them,
   * without opening its file; null when the metadata does not answer: no frame count, slices (whose
   * axis depends on the volume's orientation), or a layout that only decoding decides.
   */
  Expansion fromMetadata(PlannedResource resource, DatasetKind dataset) {
    ResourceKind kind = resource.kind();
    if (plane != null && (kind == ResourceKind.DICOM || kind == ResourceKind.NIFTI)) {
      return null; // slices: the axis depends on the volume's orientation
    }
    if (!frameByFrame || (kind != ResourceKind.VIDEO && kind != ResourceKind.DICOM)) {
      // as expand(): other resources are one row whatever their file holds
      return filter.keeps(null, null) ? Expansion.WHOLE : Expansion.none();
    }
    Integer frames = resource.numFrames();
    if (frames == null || frames < 1) {
      return null;
    }
    if (kind == ResourceKind.VIDEO) {
      return dataset == DatasetKind.IMAGE ? null : frames(frames);
    }
    if (kind != ResourceKind.DICOM) {
      return null;
    }
    // A DICOM file is laid out (C, D, H, W), cut into frames, except where the image dataset (or
    // auto, for one frame) makes it (C, H, W): then it is one row, and several frames an error.
    boolean image = dataset == DatasetKind.IMAGE || (dataset == DatasetKind.AUTO && frames == 1);
    if (image) {
      return frames == 1 ? (filter.keeps(null, null) ? Expansion.WHOLE : Expansion.none()) : null;
    }
    return frames(frames);
  }

  /** Frame rows {@code 0..count-1} along axis 1, those the filter keeps. */
  private Expansion frames(int count) {
    int n = (int) Math.min(count, (long) filter.lastFrame() + 1);
    int[] kept = new int[Math.max(n, 0)];
    int k = 0;
    for (int i = 0; i < kept.length; i++) {
      if (filter.keeps(null, i)) {
        kept[k++] = i;
      }
    }
    return new Expansion(1, Arrays.copyOf(kept, k), null, true);
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
