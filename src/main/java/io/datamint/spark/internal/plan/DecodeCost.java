package io.datamint.spark.internal.plan;

import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.core.MetadataGeometry;
import java.util.Locale;

/**
 * The estimated cost of decoding a resource, for balancing partitions across cores (in the units of
 * a raw file's bytes, so that it can be compared with {@code size}): from the pixels the metadata
 * states when it does ({@code width} x {@code height} x frames, or a volume's three lengths), at
 * {@value #COST_PER_PIXEL} per pixel (a 16-bit sample); otherwise from the file's size, at {@value
 * #COMPRESSED_COST_PER_BYTE} per byte for compressed formats (images, videos, {@code .nii.gz}: each
 * byte inflates to several pixels) and 1 for the others (DICOM, whose transfer syntax the metadata
 * does not say, and {@code .nii}). Deliberately modest: a compressed byte costs more than a raw
 * one, but by how much depends on the codec, which planning cannot see. At least 1, so that every
 * resource counts.
 */
public final class DecodeCost {

  /** The cost of one pixel the metadata states: the bytes of a 16-bit sample. */
  public static final long COST_PER_PIXEL = 2;

  /** The cost of one byte of a compressed file (image, video, gzip). */
  public static final long COMPRESSED_COST_PER_BYTE = 2;

  private DecodeCost() {}

  /** The estimated decode cost of {@code resource}. */
  public static long of(Resource resource) {
    long pixels = pixels(resource);
    if (pixels > 0) {
      return Math.max(1, pixels * COST_PER_PIXEL);
    }
    Long size = resource.size();
    long bytes = size == null || size < 0 ? PartitionPlanner.UNKNOWN_SIZE_ESTIMATE : size;
    return Math.max(1, compressed(resource) ? bytes * COMPRESSED_COST_PER_BYTE : bytes);
  }

  /** The pixels the metadata states, or 0 when it does not say. */
  static long pixels(Resource resource) {
    Integer width = resource.width();
    Integer height = resource.height();
    if (width != null && height != null && width > 0 && height > 0) {
      Integer frames = resource.frameCount();
      return (long) width * height * (frames == null || frames < 1 ? 1 : frames);
    }
    MetadataGeometry geometry = resource.geometry();
    if (geometry != null && geometry.hasAllLengths()) {
      return (long) geometry.length(0) * geometry.length(1) * geometry.length(2);
    }
    return 0;
  }

  private static boolean compressed(Resource resource) {
    ResourceKind kind = resource.kind();
    if (kind == ResourceKind.IMAGE || kind == ResourceKind.VIDEO) {
      return true;
    }
    String name = resource.filename() == null ? "" : resource.filename().toLowerCase(Locale.ROOT);
    return name.endsWith(".gz");
  }
}
