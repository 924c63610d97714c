package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.DatasetKind;
import io.datamint.spark.internal.core.MetadataGeometry;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.slice.MetadataSlices;
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
   * The rows of a resource as its metadata gives them, without opening its file; null when the
   * metadata does not answer (or only decoding decides the layout). Frames come from the frame
   * count ({@code frame_count}, a video stream's {@code nb_frames}; the SDK's {@code get_depth()},
   * from which it expands frames too). Slices come from the volume geometry the metadata states
   * ({@link MetadataSlices}: NIfTI {@code shape} and {@code axcodes}; DICOM {@code
   * ImageOrientationPatient}, {@code frame_count}, {@code Rows}, {@code Columns}); when the
   * metadata disagrees with the file, these rows follow the metadata.
   *
   * @param axisMatters whether the rows need the axis they cut and not only their indexes (frame
   *     labels are cut along the frame axis only); when the metadata gives a slice count without
   *     its axis, the rows are then left to decoding
   */
  Expansion fromMetadata(PlannedResource resource, DatasetKind dataset, boolean axisMatters) {
    ResourceKind kind = resource.kind();
    if (plane != null && (kind == ResourceKind.DICOM || kind == ResourceKind.NIFTI)) {
      return slices(resource, dataset, axisMatters);
    }
    if (!frameByFrame || (kind != ResourceKind.VIDEO && kind != ResourceKind.DICOM)) {
      // as expand(): other resources are one row whatever their file holds
      return whole();
    }
    Integer frames = resource.numFrames();
    if (frames == null || frames < 1) {
      return null;
    }
    if (kind == ResourceKind.VIDEO) {
      return dataset == DatasetKind.IMAGE ? null : frames(frames);
    }
    return imageLayout(kind, dataset, frames) ? singleFrame(frames) : frames(frames);
  }

  /**
   * Whether a DICOM file of {@code frames} frames is laid out {@code (C, H, W)}, one row however it
   * is read: under the image dataset, or auto for a single frame (as {@code ItemLayout} does).
   */
  private static boolean imageLayout(ResourceKind kind, DatasetKind dataset, int frames) {
    return kind == ResourceKind.DICOM
        && (dataset == DatasetKind.IMAGE || (dataset == DatasetKind.AUTO && frames == 1));
  }

  /** One whole row for a single frame; null (decoding reports the error) for several. */
  private Expansion singleFrame(int frames) {
    return frames == 1 ? whole() : null;
  }

  private Expansion whole() {
    return filter.keeps(null, null) ? Expansion.WHOLE : Expansion.none();
  }

  /** The slice rows of a DICOM or NIfTI volume from its metadata geometry, or null. */
  private Expansion slices(PlannedResource resource, DatasetKind dataset, boolean axisMatters) {
    MetadataGeometry geometry = resource.geometry();
    if (geometry == null) {
      return null;
    }
    ResourceKind kind = resource.kind();
    if (kind == ResourceKind.DICOM) {
      int frames = geometry.length(0); // frame_count
      if (frames < 1) {
        return null;
      }
      if (imageLayout(kind, dataset, frames)) {
        return singleFrame(frames);
      }
    } else if (dataset == DatasetKind.IMAGE) {
      return null; // one row or an error, by the length of the decoder's slice axis
    }
    MetadataSlices.Slices slices =
        MetadataSlices.of(plane, kind == ResourceKind.NIFTI ? "nifti" : "dicom", geometry);
    if (slices == null || (slices.axis() < 0 && axisMatters)) {
      return null;
    }
    int[] kept = new int[slices.count()];
    int n = 0;
    for (int i = 0; i < kept.length; i++) {
      if (filter.keeps(i, null)) {
        kept[n++] = i;
      }
    }
    // without its axis (equal lengths) the rows still are slices: axis 1 stands in, never cut
    int axis = slices.axis() < 0 ? 1 : slices.axis();
    return new Expansion(axis, Arrays.copyOf(kept, n), plane.label(), false);
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
