package io.datamint.spark.read;

import io.datamint.spark.annotation.FrameLabels;
import io.datamint.spark.annotation.ImageCategories;
import io.datamint.spark.annotation.ImageLabels;
import io.datamint.spark.annotation.LabelSchema;
import io.datamint.spark.annotation.MergeStrategy;
import io.datamint.spark.annotation.mask.AuthorMasks;
import io.datamint.spark.annotation.mask.InstanceMasks;
import io.datamint.spark.annotation.mask.MaskGeometry;
import io.datamint.spark.annotation.mask.MaskMerge;
import io.datamint.spark.annotation.mask.MaskSource;
import io.datamint.spark.annotation.mask.SemanticMasks;
import io.datamint.spark.api.model.Annotation;
import io.datamint.spark.config.TargetOptions;
import io.datamint.spark.decode.DType;
import io.datamint.spark.decode.DecodeException;
import io.datamint.spark.decode.DecodeLimits;
import io.datamint.spark.decode.PixelArray;
import io.datamint.spark.plan.PlannedResource;
import io.datamint.spark.schema.Columns;
import io.datamint.spark.source.ResourceFileStore;
import io.datamint.spark.tensor.TensorRows;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.util.ArrayBasedMapData;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Executor side: a row's training targets from its filtered annotations, with the SDK's semantics (the logic is in
 * {@code io.datamint.spark.annotation}): {@code image_labels}, {@code image_categories}, {@code frame_labels},
 * and the masks {@code segmentations} / {@code seg_labels}, decoded from the mask files onto the image's geometry.
 * Only the target columns of the read schema are computed. Bad annotation data is a {@link DecodeException} that
 * the reader turns into the row's {@code _error}.
 */
final class TargetComputer implements Serializable {

  private static final long serialVersionUID = 1L;

  private final LabelSchema labels;
  private final TargetOptions options;
  private final Set<String> columns;

  TargetComputer(LabelSchema labels, TargetOptions options, StructType readSchema) {
    this.labels = labels;
    this.options = options;
    Set<String> wanted = new java.util.HashSet<>();
    for (String name : readSchema.fieldNames()) {
      if (Columns.TARGETS.contains(name)) {
        wanted.add(name);
      }
    }
    this.columns = wanted;
  }

  /** True when the read schema has a target column. */
  boolean active() {
    return !columns.isEmpty();
  }

  /**
   * The target values of a row, as Spark values by column name; the merged semantic mask, a top-level tensor, by
   * its column name too.
   *
   * @param image the row's decoded image as the dataset lays it out, or null when the file was not read
   */
  Map<String, Object> compute(PlannedResource resource, PixelArray image, ResourceFileStore files,
      DecodeLimits limits) throws DecodeException {
    Map<String, Object> out = new HashMap<>();
    List<Annotation> annotations = resource.annotations();
    try {
      if (columns.contains(Columns.IMAGE_LABELS)) {
        out.put(Columns.IMAGE_LABELS, imageLabels(annotations));
      }
      if (columns.contains(Columns.IMAGE_CATEGORIES)) {
        out.put(Columns.IMAGE_CATEGORIES, imageCategories(annotations));
      }
      if (columns.contains(Columns.FRAME_LABELS)) {
        out.put(Columns.FRAME_LABELS, frameLabels(resource, image, annotations));
      }
    } catch (IllegalArgumentException e) {
      throw new DecodeException(e.getMessage(), e);
    }
    if (columns.contains(Columns.SEGMENTATIONS) || columns.contains(Columns.SEG_LABELS)) {
      segmentations(resource, image, files, limits, out);
    }
    return out;
  }

  private Object imageLabels(List<Annotation> annotations) {
    Map<String, int[]> perAnnotator = ImageLabels.perAnnotator(annotations, labels);
    MergeStrategy merge = options.imageLabelsMergeStrategy();
    if (merge != null) {
      return new GenericArrayData(ImageLabels.merge(perAnnotator.values(), merge, labels.imageLabels().size()));
    }
    return map(perAnnotator, GenericArrayData::new);
  }

  private Object imageCategories(List<Annotation> annotations) {
    Map<String, Integer> perAnnotator = ImageCategories.perAnnotator(annotations, labels);
    MergeStrategy merge = options.imageCategoriesMergeStrategy();
    if (merge == MergeStrategy.MODE) {
      return ImageCategories.mode(perAnnotator.values());
    }
    if (merge != null) {
      return new GenericArrayData(ImageCategories.multiHot(perAnnotator.values(), merge,
          labels.imageCategories().size()));
    }
    return map(perAnnotator, v -> v);
  }

  private Object frameLabels(PlannedResource resource, PixelArray image, List<Annotation> annotations)
      throws DecodeException {
    Integer frames = resource.numFrames();
    if (frames == null && image != null) {
      frames = image.rank() == 4 ? image.dim(1) : 1;
    }
    if (frames == null) {
      return null; // the metadata does not say how many frames, and the file was not read
    }
    int width = labels.frameLabels().size();
    Map<String, int[][]> perAnnotator = FrameLabels.perAnnotator(annotations, labels, frames);
    Map<String, Object> tensors = new java.util.LinkedHashMap<>();
    for (Map.Entry<String, int[][]> e : perAnnotator.entrySet()) {
      PixelArray matrix = PixelArray.allocate(DecodeLimits.defaults(), DType.INT32, frames, Math.max(width, 1))
          .reshape(width == 0 ? new int[] {frames, 0} : new int[] {frames, width});
      for (int f = 0; f < frames; f++) {
        for (int l = 0; l < width; l++) {
          matrix.data().putInt(4 * (f * width + l), e.getValue()[f][l]);
        }
      }
      tensors.put(e.getKey(), TensorRows.of(matrix));
    }
    return map(tensors, v -> v);
  }

  private void segmentations(PlannedResource resource, PixelArray image, ResourceFileStore files,
      DecodeLimits limits, Map<String, Object> out) throws DecodeException {
    if (image == null) {
      throw new DecodeException("segmentations need the image's geometry, and the image could not be read");
    }
    MaskGeometry geometry = image.rank() == 4 ? MaskGeometry.volume(image.dim(1), image.dim(2), image.dim(3))
        : MaskGeometry.image(image.dim(1), image.dim(2));
    List<Annotation> segmentations = new ArrayList<>();
    for (Annotation a : resource.annotations()) {
      if ("segmentation".equals(a.annotationType())) {
        segmentations.add(a);
      }
    }
    Map<String, AuthorMasks> authors = InstanceMasks.build(segmentations, this::segmentationCode, geometry,
        MaskSource.fromStore(files, limits.maxDecodedBytes()), limits);
    Map<String, Object> codes = new java.util.LinkedHashMap<>();
    Map<String, PixelArray> masks = new java.util.LinkedHashMap<>();
    int numLabels = labels.segmentationCodeCount();
    for (Map.Entry<String, AuthorMasks> e : authors.entrySet()) {
      codes.put(e.getKey(), new GenericArrayData(e.getValue().codes()));
      PixelArray instances = e.getValue().inLayout(geometry);
      masks.put(e.getKey(), options.returnAsSemanticSegmentation()
          ? SemanticMasks.fromInstances(instances, e.getValue().codes(), numLabels, limits) : instances);
    }
    out.put(Columns.SEG_LABELS, map(codes, v -> v));
    if (options.semanticSegMergeStrategy() != null) {
      out.put(Columns.SEGMENTATIONS, MaskMerge.merge(options.semanticSegMergeStrategy(),
          new ArrayList<>(masks.values()), numLabels, geometry.spatialShape(), limits));
    } else {
      Map<String, Object> rows = new java.util.LinkedHashMap<>();
      masks.forEach((author, mask) -> rows.put(author, TensorRows.of(mask)));
      out.put(Columns.SEGMENTATIONS, map(rows, v -> v));
    }
  }

  private Integer segmentationCode(String identifier) {
    int code = labels.segmentationCode(identifier);
    return code < 0 ? null : code;
  }

  private static <V> ArrayBasedMapData map(Map<String, V> values, Function<V, Object> convert) {
    Object[] keys = new Object[values.size()];
    Object[] vals = new Object[values.size()];
    int i = 0;
    for (Map.Entry<String, V> e : values.entrySet()) {
      keys[i] = UTF8String.fromString(e.getKey());
      vals[i] = convert.apply(e.getValue());
      i++;
    }
    return new ArrayBasedMapData(new GenericArrayData(keys), new GenericArrayData(vals));
  }
}
