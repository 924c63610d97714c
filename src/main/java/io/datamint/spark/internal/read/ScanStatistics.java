package io.datamint.spark.internal.read;

import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.config.DatasetKind;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.plan.PartitionPlanner;
import io.datamint.spark.internal.schema.Columns;
import io.datamint.spark.internal.slice.MetadataSlices;
import io.datamint.spark.internal.slice.SlicePlane;
import io.datamint.spark.internal.tensor.TensorType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * The scan's statistics from the read schema and the resources' metadata, without opening a file:
 * what Spark's planner compares with {@code spark.sql.autoBroadcastJoinThreshold}. As Iceberg's
 * scans do, the size is rows times the bytes of a row of the read schema (Spark's {@code
 * defaultSize} for plain columns); unlike a table of plain columns, a tensor column is sized from
 * the decoded pixels the metadata announces, so a scan that selects {@code image} is never mistaken
 * for a small table.
 *
 * <p>Per resource:
 *
 * <ul>
 *   <li>rows: 1; with {@code slice}, the volume's slices along the plane: as the read counts them
 *       from the volume geometry in the metadata ({@link MetadataSlices}) when that answers, else
 *       axial: {@code frame_count}, coronal: {@code height}, sagittal: {@code width}, as in a
 *       volume stored in the usual orientation; with {@code frame_by_frame}, the video's (or
 *       multi-frame DICOM's) {@code frame_count}; {@link PartitionPlanner#UNKNOWN_ROWS_ESTIMATE}
 *       when the metadata does not say. Pushed {@code slice_index} / {@code frame_index} predicates
 *       are not applied: the count is then an upper bound.
 *   <li>decoded values: {@code width x height x frames} from the metadata times {@link
 *       #bytesPerPixel} of the requested {@code pixel_dtype}; when the metadata has no dimensions,
 *       the file's {@code size} (or {@link PartitionPlanner#UNKNOWN_SIZE_ESTIMATE}) times {@link
 *       #expansion}, the decoded-to-file ratio of the format under the SDK's types, scaled to the
 *       requested type. A slice or frame row holds its share of the whole.
 *   <li>{@code image} (when its {@code data} is read): the decoded values; {@code segmentations}:
 *       one uint8 mask of the row's pixels per segmentation annotation (at least one); {@code
 *       annotations}: {@link #ANNOTATION_BYTES} each; {@code metainfo}: {@link #METAINFO_BYTES};
 *       other columns: their type's {@code defaultSize}.
 * </ul>
 */
final class ScanStatistics {

  /** Estimated bytes of one annotation in the {@code annotations} column. */
  static final long ANNOTATION_BYTES = 512;

  /** Estimated bytes of a file header as JSON ({@code metainfo}). */
  static final long METAINFO_BYTES = 4096;

  private final StructType readSchema;
  private final SlicePlane plane;
  private final boolean frameByFrame;
  private final DatasetKind dataset;
  private final PixelDtype dtype;
  private long rows;
  private double bytes;

  ScanStatistics(
      StructType readSchema,
      SlicePlane plane,
      boolean frameByFrame,
      DatasetKind dataset,
      PixelDtype dtype) {
    this.readSchema = readSchema;
    this.plane = plane;
    this.frameByFrame = frameByFrame;
    this.dataset = dataset;
    this.dtype = dtype;
  }

  /**
   * Bytes of one decoded pixel (all channels) in the {@code image} tensor, by kind and requested
   * {@code pixel_dtype}: DICOM and NIfTI volumes are one channel, rescaled to float64 under the
   * SDK's rules (8; an upper bound for stored integers) and int16 as stored ({@code native}, 2, the
   * usual CT and MR type); images and videos are three channels, uint8 unless a float type is asked
   * for.
   */
  static int bytesPerPixel(ResourceKind kind, PixelDtype dtype) {
    boolean volume = kind == ResourceKind.DICOM || kind == ResourceKind.NIFTI;
    volume |= kind == ResourceKind.VOLUME;
    int itemSize =
        switch (dtype) {
          case FLOAT64 -> 8;
          case FLOAT32 -> 4;
          case NATIVE -> volume ? 2 : 1;
          case SDK -> volume ? 8 : 1;
        };
    return (volume ? 1 : 3) * itemSize;
  }

  /**
   * Decoded bytes per file byte, for a resource whose metadata gives no dimensions: video codecs
   * compress about 50x; PNG and JPEG about 8x (3x the file, times a few for uint8 RGB); gzipped
   * NIfTI about 3x, and float64 after scaling another 4x over int16; DICOM is mostly uncompressed,
   * int16 becoming float64 (4).
   */
  static int expansion(ResourceKind kind) {
    return switch (kind) {
      case VIDEO -> 50;
      case NIFTI, VOLUME -> 12;
      case IMAGE -> 8;
      case DICOM -> 4;
      default -> 4;
    };
  }

  /** Adds one resource the scan reads, with its number of (filtered) annotations. */
  void add(Resource resource, int annotations, int segmentationAnnotations) {
    long resourceRows = rows(resource);
    double decoded = decodedBytes(resource, dtype);
    double perRow = decoded / resourceRows;
    double rowBytes = 0;
    for (StructField field : readSchema.fields()) {
      rowBytes += columnBytes(field, perRow, resource, annotations, segmentationAnnotations);
    }
    rows += resourceRows;
    bytes += resourceRows * Math.max(1, rowBytes);
  }

  /** Rows the resources added so far give. */
  long rows() {
    return rows;
  }

  /** Estimated bytes of those rows in the read schema, at least 1. */
  long sizeInBytes() {
    return bytes >= Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(1, (long) Math.ceil(bytes));
  }

  /** The rows one resource gives under the read's expansion. */
  long rows(Resource resource) {
    ResourceKind kind = resource.kind();
    boolean volume = kind == ResourceKind.DICOM || kind == ResourceKind.NIFTI;
    Integer count = null;
    if (kind == ResourceKind.DICOM
        && (dataset == DatasetKind.IMAGE
            || (dataset == DatasetKind.AUTO && Integer.valueOf(1).equals(resource.frameCount())))) {
      return 1; // laid out (C, H, W), one row however it is read (ItemLayout)
    }
    if (plane != null && volume) {
      MetadataSlices.Slices slices =
          MetadataSlices.of(plane, kind.name(), resource.geometry()); // as the read counts them
      count =
          slices != null
              ? Integer.valueOf(slices.count())
              : switch (plane) {
                case AXIAL -> resource.frameCount();
                case CORONAL -> resource.height();
                case SAGITTAL -> resource.width();
              };
    } else if (frameByFrame && (kind == ResourceKind.VIDEO || kind == ResourceKind.DICOM)) {
      count = resource.frameCount();
    } else {
      return 1;
    }
    return count == null || count < 1 ? PartitionPlanner.UNKNOWN_ROWS_ESTIMATE : count;
  }

  /** The decoded bytes of the resource's whole {@code image} in the requested type. */
  static double decodedBytes(Resource resource, PixelDtype dtype) {
    ResourceKind kind = resource.kind();
    Integer width = resource.width();
    Integer height = resource.height();
    if (width != null && height != null) {
      Integer frames = resource.frameCount();
      double pixels = (double) width * height * (frames == null || frames < 1 ? 1 : frames);
      return pixels * bytesPerPixel(kind, dtype);
    }
    Long size = resource.size();
    double file = size == null || size < 0 ? PartitionPlanner.UNKNOWN_SIZE_ESTIMATE : size;
    return file
        * expansion(kind)
        * bytesPerPixel(kind, dtype)
        / bytesPerPixel(kind, PixelDtype.SDK);
  }

  private double columnBytes(
      StructField field,
      double decodedPerRow,
      Resource resource,
      int annotations,
      int segmentationAnnotations) {
    switch (field.name()) {
      case Columns.IMAGE:
        return tensorBytes(field, decodedPerRow);
      case Columns.SEGMENTATIONS:
        {
          double maskPerRow = decodedPerRow / bytesPerPixel(resource.kind(), dtype);
          return maskPerRow * Math.max(1, segmentationAnnotations);
        }
      case Columns.ANNOTATIONS:
        return (double) ANNOTATION_BYTES * annotations;
      case Columns.METAINFO:
        return METAINFO_BYTES;
      default:
        return field.dataType().defaultSize();
    }
  }

  /** A tensor column: its decoded bytes when its {@code data} is read, else its shape and dtype. */
  private static double tensorBytes(StructField field, double decodedPerRow) {
    if (field.dataType() instanceof StructType struct
        && TensorType.isTensor(struct)
        && struct.getFieldIndex(TensorType.DATA).isEmpty()) {
      return struct.defaultSize();
    }
    return decodedPerRow + 64;
  }
}
