package io.datamint.spark.internal.schema;

import com.fasterxml.jackson.databind.node.ArrayNode;
import io.datamint.spark.internal.annotation.CategoryValue;
import io.datamint.spark.internal.annotation.LabelSchema;
import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.config.TargetOptions;
import io.datamint.spark.internal.tensor.TensorType;
import java.util.List;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.Metadata;
import org.apache.spark.sql.types.MetadataBuilder;
import org.apache.spark.sql.types.StructField;

/**
 * The target columns of contracts section 3 and their types under the merge options: per author
 * maps, or one merged value when a strategy is set. Field metadata {@code labels} holds the label
 * names in code order.
 */
final class TargetColumns {

  private static final ArrayType INTS = new ArrayType(DataTypes.IntegerType, false);

  private TargetColumns() {}

  static void add(List<StructField> fields, TargetOptions targets, LabelSchema labels) {
    if (targets.returnSegmentations()) {
      List<String> segmentation = new java.util.ArrayList<>();
      segmentation.add("background");
      segmentation.addAll(labels.segmentationLabels());
      DataType masks =
          targets.semanticSegMergeStrategy() != null
              ? TensorType.SPARK_TYPE
              : new MapType(DataTypes.StringType, TensorType.SPARK_TYPE, true);
      fields.add(
          field(
              Columns.SEGMENTATIONS,
              masks,
              targets.returnAsSemanticSegmentation()
                  ? "semantic masks float32 (L+1, [D,] H, W)"
                      + merged(targets.semanticSegMergeStrategy())
                  : "per author, instance masks uint8 (N, [D,] H, W)",
              segmentation));
      fields.add(
          field(
              Columns.SEG_LABELS,
              new MapType(DataTypes.StringType, INTS, true),
              "per author, the label code of each instance mask (codes index the labels list)",
              segmentation));
    }
    MergeStrategy labelMerge = targets.imageLabelsMergeStrategy();
    fields.add(
        field(
            Columns.IMAGE_LABELS,
            labelMerge != null ? INTS : new MapType(DataTypes.StringType, INTS, true),
            "multi-hot image labels" + (labelMerge != null ? merged(labelMerge) : " per annotator"),
            labels.imageLabels()));
    MergeStrategy categoryMerge = targets.imageCategoriesMergeStrategy();
    DataType categories =
        categoryMerge == null
            ? new MapType(DataTypes.StringType, DataTypes.IntegerType, true)
            : categoryMerge == MergeStrategy.MODE ? DataTypes.IntegerType : INTS;
    List<String> categoryNames =
        labels.imageCategories().stream().map(TargetColumns::categoryName).toList();
    fields.add(
        field(
            Columns.IMAGE_CATEGORIES,
            categories,
            categoryMerge == null
                ? "category index per annotator"
                : categoryMerge == MergeStrategy.MODE
                    ? "the most frequent category index (ties to the lowest; -1 if none)"
                    : "multi-hot categories" + merged(categoryMerge),
            categoryNames));
    fields.add(
        field(
            Columns.FRAME_LABELS,
            new MapType(DataTypes.StringType, TensorType.SPARK_TYPE, true),
            "per annotator, int32 (num_frames, num_frame_labels)",
            labels.frameLabels()));
    if (targets.returnBoxes()) {
      addBoxes(fields, labels.boxLabels());
    }
  }

  /**
   * {@code boxes}, {@code box_labels} and {@code box_frames}; the box class names are in the
   * metadata of each, under {@code labels} and under the SDK's name {@code box_labels_set}.
   */
  private static void addBoxes(List<StructField> fields, List<String> classes) {
    fields.add(
        boxField(
            Columns.BOXES,
            "float32 (N, 4): square annotations as pascal_voc pixel boxes x_min, y_min, x_max, y_max",
            classes));
    fields.add(
        boxField(
            Columns.BOX_LABELS,
            "int64 (N,): each box's class code (codes index box_labels_set)",
            classes));
    fields.add(
        boxField(
            Columns.BOX_FRAMES,
            "int32 (N,): each box's frame or slice index, -1 for an image-scoped box",
            classes));
  }

  private static StructField boxField(String name, String comment, List<String> classes) {
    StructField plain = field(name, TensorType.SPARK_TYPE, comment, classes);
    ArrayNode names = Json.MAPPER.createArrayNode();
    classes.forEach(names::add);
    return new StructField(
        name,
        plain.dataType(),
        true,
        new MetadataBuilder()
            .withMetadata(plain.metadata())
            .putString("box_labels_set", names.toString())
            .build());
  }

  /** The name of a category pair in the field metadata: {@code identifier=value}. */
  static String categoryName(CategoryValue category) {
    return category.identifier() + "=" + category.value();
  }

  private static String merged(MergeStrategy strategy) {
    return strategy == null
        ? ""
        : ", merged across annotators by " + strategy.name().toLowerCase(java.util.Locale.ROOT);
  }

  private static StructField field(
      String name, DataType type, String comment, List<String> labelNames) {
    ArrayNode names = Json.MAPPER.createArrayNode();
    labelNames.forEach(names::add);
    Metadata metadata =
        new MetadataBuilder()
            .putString("comment", comment)
            .putString("labels", names.toString())
            .build();
    return new StructField(name, type, true, metadata);
  }
}
