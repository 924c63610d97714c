package io.datamint.spark.internal.schema;

/** Names of the columns that are not plain resource attributes (see {@link ResourceAttribute}). */
public final class Columns {

  /** File size in bytes, as reported by the source. */
  public static final String SIZE = "size";

  /** Resource tags. */
  public static final String TAGS = "tags";

  /** Slices of a volume, frames of a video, 1 for an image. */
  public static final String NUM_FRAMES = "num_frames";

  /** The decoded pixels, a tensor. */
  public static final String IMAGE = "image";

  /** The file's header as JSON: DICOM attributes by keyword, NIfTI header fields. */
  public static final String METAINFO = "metainfo";

  /** The 4x4 voxel-to-world matrix, row-major (volumes). */
  public static final String AFFINE = "affine";

  /** The resource's annotations after filtering. */
  public static final String ANNOTATIONS = "annotations";

  /**
   * Segmentation masks: per author instance masks, semantic masks, or one merged semantic tensor.
   */
  public static final String SEGMENTATIONS = "segmentations";

  /** Per author, the label code of each instance mask. */
  public static final String SEG_LABELS = "seg_labels";

  /** Multi-hot image labels, per annotator or merged. */
  public static final String IMAGE_LABELS = "image_labels";

  /** Image category indexes, per annotator or merged. */
  public static final String IMAGE_CATEGORIES = "image_categories";

  /** Per annotator, the (num_frames, num_frame_labels) frame-label matrix. */
  public static final String FRAME_LABELS = "frame_labels";

  /** With {@code return_boxes}: float32 {@code (N, 4)} pascal_voc pixel boxes. */
  public static final String BOXES = "boxes";

  /** With {@code return_boxes}: int64 {@code (N,)}, each box's class code. */
  public static final String BOX_LABELS = "box_labels";

  /** With {@code return_boxes}: int32 {@code (N,)}, each box's frame or slice, -1 for none. */
  public static final String BOX_FRAMES = "box_frames";

  /** On slice rows: the slice's index along the slicing axis. */
  public static final String SLICE_INDEX = "slice_index";

  /** On slice rows: the plane, {@code axial}, {@code coronal} or {@code sagittal}. */
  public static final String SLICE_AXIS = "slice_axis";

  /** On frame rows: the frame's index. */
  public static final String FRAME_INDEX = "frame_index";

  /** Null, or why the row could not be decoded. */
  public static final String ERROR = "_error";

  /** The columns whose values come from decoding the resource file. */
  public static final java.util.Set<String> FROM_FILE =
      java.util.Set.of(IMAGE, METAINFO, AFFINE, SEGMENTATIONS, SEG_LABELS);

  /** The columns computed from a row's annotations (masks included). */
  public static final java.util.Set<String> TARGETS =
      java.util.Set.of(
          SEGMENTATIONS,
          SEG_LABELS,
          IMAGE_LABELS,
          IMAGE_CATEGORIES,
          FRAME_LABELS,
          BOXES,
          BOX_LABELS,
          BOX_FRAMES);

  private Columns() {}
}
