package io.datamint.spark.schema;

/** Names of the columns that are not plain resource attributes (see {@link ResourceAttribute}). */
public final class Columns {

  /** File size in bytes, as reported by the source. */
  public static final String SIZE = "size";
  /** Resource tags. */
  public static final String TAGS = "tags";
  /** Slices of a volume, frames of a video, 1 for an image. */
  public static final String NUM_FRAMES = "num_frames";
  /** The resource's annotations after filtering. */
  public static final String ANNOTATIONS = "annotations";
  /** Null, or why the row could not be decoded. */
  public static final String ERROR = "_error";

  private Columns() {}
}
