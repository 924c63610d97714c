package io.datamint.spark.internal.catalog;

import io.datamint.spark.internal.annotation.CategoryValue;
import io.datamint.spark.internal.annotation.LabelSchema;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.SplitAssignment;
import io.datamint.spark.internal.dataset.ResourceSelection;
import io.datamint.spark.internal.read.DatamintTable;
import io.datamint.spark.internal.schema.AnnotationStruct;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The rows of a project's metadata tables ({@code annotations}, {@code labels}, {@code splits}),
 * built on the driver from the project's {@link DatamintTable}, so they follow the same read
 * options as {@code resources}.
 */
public final class MetadataTables {

  /** The {@code labels} table's kinds. */
  public static final String IMAGE_LABEL = "image_label";

  /** A frame label. */
  public static final String FRAME_LABEL = "frame_label";

  /** An image category class (identifier in {@code name}, class in {@code value}). */
  public static final String IMAGE_CATEGORY = "image_category";

  /** A segmentation label; its code is its pixel value in the masks. */
  public static final String SEGMENTATION = "segmentation";

  /** A box class ({@code return_boxes}); its code is its value in {@code box_labels}. */
  public static final String BOX = "box";

  /** {@code annotations}: the resource, then every field of the annotation struct. */
  public static final StructType ANNOTATIONS_SCHEMA = annotationsSchema();

  /** {@code labels}: one row per label, category class or segmentation label, with its code. */
  public static final StructType LABELS_SCHEMA =
      new StructType()
          .add("kind", DataTypes.StringType, false)
          .add("name", DataTypes.StringType, false)
          .add("value", DataTypes.StringType, true)
          .add("code", DataTypes.IntegerType, false);

  /**
   * {@code splits}: the split assignments the source gives (a mirror's whole history, the API's
   * current ones).
   */
  public static final StructType SPLITS_SCHEMA =
      new StructType()
          .add("id", DataTypes.StringType, true)
          .add("split_name", DataTypes.StringType, false)
          .add("resource_id", DataTypes.StringType, false)
          .add("created_at", DataTypes.StringType, false)
          .add("deleted_at", DataTypes.StringType, true);

  private MetadataTables() {}

  private static StructType annotationsSchema() {
    StructType type =
        new StructType()
            .add("resource_id", DataTypes.StringType, false)
            .add("resource_filename", DataTypes.StringType, true);
    for (StructField field : AnnotationStruct.TYPE.fields()) {
      type = type.add(field);
    }
    return type;
  }

  /**
   * One row per annotation of the resources the table's options select, after their annotation
   * filtering (with default options: every annotation the worklists allow).
   */
  public static List<InternalRow> annotations(DatamintTable table) {
    Function<Annotation, InternalRow> convert = AnnotationStruct.converter(AnnotationStruct.TYPE);
    int width = ANNOTATIONS_SCHEMA.size();
    List<InternalRow> rows = new ArrayList<>();
    for (ResourceSelection.Selected selected : table.selected()) {
      Resource resource = selected.resource();
      for (Annotation annotation : selected.annotations()) {
        InternalRow fields = convert.apply(annotation);
        Object[] values = new Object[width];
        values[0] = utf8(resource.id());
        values[1] = utf8(resource.filename());
        for (int i = 0; i < fields.numFields(); i++) {
          values[i + 2] =
              fields.isNullAt(i)
                  ? null
                  : fields.get(i, AnnotationStruct.TYPE.fields()[i].dataType());
        }
        rows.add(new GenericInternalRow(values));
      }
    }
    return rows;
  }

  /**
   * The label sets of the table's options, in code order within each kind; segmentation gaps are
   * left out.
   */
  public static List<InternalRow> labels(DatamintTable table) {
    LabelSchema labels = table.labels();
    List<InternalRow> rows = new ArrayList<>();
    for (String name : labels.imageLabels()) {
      rows.add(labelRow(IMAGE_LABEL, name, null, labels.imageLabelCode(name)));
    }
    for (String name : labels.frameLabels()) {
      rows.add(labelRow(FRAME_LABEL, name, null, labels.frameLabelCode(name)));
    }
    for (CategoryValue category : labels.imageCategories()) {
      rows.add(
          labelRow(
              IMAGE_CATEGORY,
              category.identifier(),
              category.value(),
              labels.imageCategoryCode(category.identifier(), category.value())));
    }
    List<String> segmentations = labels.segmentationLabels();
    for (int i = 0; i < segmentations.size(); i++) {
      if (!LabelSchema.UNKNOWN.equals(segmentations.get(i))) {
        rows.add(labelRow(SEGMENTATION, segmentations.get(i), null, i + 1));
      }
    }
    for (String name : labels.boxLabels()) {
      rows.add(labelRow(BOX, name, null, labels.boxLabelCode(name)));
    }
    return rows;
  }

  /**
   * The project's split assignments in source order: from a mirror every row of its history,
   * deleted ones included; from the API the current assignments (it keeps its history to itself).
   */
  public static List<InternalRow> splits(DatamintTable table) {
    List<InternalRow> rows = new ArrayList<>();
    for (SplitAssignment split : table.snapshot().splitHistory()) {
      rows.add(
          new GenericInternalRow(
              new Object[] {
                utf8(split.id()),
                utf8(split.splitName()),
                utf8(split.resourceId()),
                utf8(split.createdAt()),
                utf8(split.deletedAt())
              }));
    }
    return rows;
  }

  private static InternalRow labelRow(String kind, String name, String value, int code) {
    return new GenericInternalRow(new Object[] {utf8(kind), utf8(name), utf8(value), code});
  }

  private static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }
}
