package io.datamint.spark.internal.schema;

import io.datamint.spark.internal.annotation.LabelSchema;
import io.datamint.spark.internal.config.TargetOptions;
import io.datamint.spark.internal.tensor.TensorType;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** Builds the table schema: one row per resource with its metadata and annotations. */
public final class DatamintSchema {

  private DatamintSchema() {}

  /**
   * True when reading {@code schema} needs the resource files (a pixel or header column is in it).
   */
  public static boolean readsFiles(StructType schema) {
    for (String name : schema.fieldNames()) {
      if (Columns.FROM_FILE.contains(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The schema of the resource table for these target options: the target columns' types depend on
   * the merge strategies, and their field metadata lists the label names in code order ({@code
   * labels}, a JSON array); with {@code slices} / {@code frames}, the slice and frame index
   * columns.
   */
  public static StructType resources(
      TargetOptions targets, LabelSchema labels, boolean slices, boolean frames) {
    List<StructField> fields = new ArrayList<>();
    for (ResourceAttribute attribute : ResourceAttribute.values()) {
      fields.add(
          field(attribute.column(), DataTypes.StringType, attribute.nullable(), doc(attribute)));
    }
    fields.add(
        field(
            Columns.SIZE,
            DataTypes.LongType,
            true,
            "file size in bytes, as the source reports it"));
    fields.add(
        field(Columns.TAGS, new ArrayType(DataTypes.StringType, true), false, "resource tags"));
    fields.add(
        field(
            Columns.NUM_FRAMES,
            DataTypes.IntegerType,
            true,
            "slices of a volume, frames of a video, 1 for an image; null when the metadata does not say"));
    if (slices) {
      fields.add(
          field(
              Columns.SLICE_INDEX,
              DataTypes.IntegerType,
              true,
              "on slice rows, the index along the slicing axis; null on rows that are not slices"));
      fields.add(
          field(
              Columns.SLICE_AXIS,
              DataTypes.StringType,
              true,
              "on slice rows: axial, coronal or sagittal"));
    }
    if (frames) {
      fields.add(
          field(
              Columns.FRAME_INDEX,
              DataTypes.IntegerType,
              true,
              "on frame rows, the frame's index; null on rows that are not frames"));
    }
    fields.add(
        field(
            Columns.IMAGE,
            TensorType.SPARK_TYPE,
            true,
            "pixels: (C, H, W) for images, (C, D, H, W) for volumes and videos; null when the row has an _error"));
    fields.add(
        field(
            Columns.METAINFO,
            DataTypes.StringType,
            true,
            "the file header as JSON: DICOM attributes by keyword, or NIfTI header fields"));
    fields.add(
        field(
            Columns.AFFINE,
            new ArrayType(DataTypes.DoubleType, false),
            true,
            "4x4 voxel-to-world matrix, row-major (volumes)"));
    fields.add(
        field(
            Columns.ANNOTATIONS,
            new ArrayType(AnnotationStruct.TYPE, false),
            false,
            "the resource's annotations after filtering"));
    TargetColumns.add(fields, targets, labels);
    fields.add(
        field(
            Columns.ERROR,
            DataTypes.StringType,
            true,
            "null, or why this row could not be decoded"));
    return new StructType(fields.toArray(new StructField[0]));
  }

  static StructField field(String name, DataType type, boolean nullable, String comment) {
    Metadata metadata = new MetadataBuilder().putString("comment", comment).build();
    return new StructField(name, type, nullable, metadata);
  }

  private static String doc(ResourceAttribute attribute) {
    return switch (attribute) {
      case RESOURCE_ID -> "the resource id";
      case RESOURCE_KIND ->
          "what the SDK reads the resource as: dicom, nifti, volume, video, image or unknown";
      case PATIENT_ID -> "patient_id, else metadata.PatientID";
      case SPLIT ->
          "the row's split; null when the read asks for none or the resource has no assignment";
      case SPLIT_SOURCE ->
          "how the split was assigned: local, local_by_patient, project_api or server_tags";
      case SPLIT_AS_OF_TIMESTAMP ->
          "for project splits, the instant the assignments were read as of";
      default -> "the resource's " + attribute.column();
    };
  }
}
