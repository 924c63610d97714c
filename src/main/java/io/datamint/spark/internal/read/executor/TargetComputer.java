package io.datamint.spark.internal.read.executor;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.annotation.Boxes;
import io.datamint.spark.internal.annotation.FrameLabels;
import io.datamint.spark.internal.annotation.ImageCategories;
import io.datamint.spark.internal.annotation.ImageLabels;
import io.datamint.spark.internal.annotation.LabelSchema;
import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.annotation.mask.AuthorMasks;
import io.datamint.spark.internal.annotation.mask.InstanceMasks;
import io.datamint.spark.internal.annotation.mask.MaskGeometry;
import io.datamint.spark.internal.annotation.mask.MaskMerge;
import io.datamint.spark.internal.annotation.mask.MaskSource;
import io.datamint.spark.internal.annotation.mask.SemanticMasks;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.config.TargetOptions;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.schema.Columns;
import io.datamint.spark.internal.source.ResourceFileStore;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.StructType;

/**
 * Executor side: a row's training targets from its filtered annotations, with the SDK's semantics
 * (the logic is in {@code io.datamint.spark.internal.annotation}): {@code image_labels}, {@code
 * image_categories}, {@code frame_labels}, the boxes {@code boxes} / {@code box_labels} / {@code
 * box_frames}, and the masks {@code segmentations} / {@code seg_labels}, decoded from the mask
 * files onto the image's geometry. Only the target columns of the read schema are computed. Bad
 * annotation data (a corrupt mask file, a frame index outside the resource, an unknown scope) is a
 * {@link DecodeException}, which the reader's {@link RowFailures} turns into the row's {@code
 * _error}; any other exception is a bug and fails the task.
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
   * True when this resource's targets need its decoded image: masks (laid on its geometry), or
   * frame labels when the metadata does not count its frames.
   */
  boolean needsImage(PlannedResource resource) {
    return columns.contains(Columns.SEGMENTATIONS)
        || columns.contains(Columns.SEG_LABELS)
        || (columns.contains(Columns.FRAME_LABELS) && resource.numFrames() == null);
  }

  /** True when the rows carry frame labels, which a row cuts only along the frame axis. */
  boolean cutsFrameLabels() {
    return columns.contains(Columns.FRAME_LABELS);
  }

  /**
   * The targets of a resource.
   *
   * @param image the resource's decoded image as the dataset lays it out, or null when the file was
   *     not read
   */
  RowTargets compute(
      PlannedResource resource, PixelArray image, ResourceFileStore files, DecodeLimits limits)
      throws DecodeException {
    Map<String, Object> labelValues = new HashMap<>();
    List<Annotation> annotations = resource.annotations();
    Map<String, PixelArray> frameLabels = null;
    if (columns.contains(Columns.IMAGE_LABELS)) {
      labelValues.put(Columns.IMAGE_LABELS, imageLabels(annotations));
    }
    if (columns.contains(Columns.IMAGE_CATEGORIES)) {
      labelValues.put(Columns.IMAGE_CATEGORIES, imageCategories(annotations));
    }
    if (columns.contains(Columns.FRAME_LABELS)) {
      frameLabels = frameLabels(resource, image, annotations);
    }
    Boxes boxes = boxes(annotations);
    if (!columns.contains(Columns.SEGMENTATIONS) && !columns.contains(Columns.SEG_LABELS)) {
      return new RowTargets(labelValues, frameLabels, null, null, null, boxes);
    }
    return segmentations(resource, image, files, limits, labelValues, frameLabels, boxes);
  }

  /** The resource's boxes when a box column is read, else null. */
  private Boxes boxes(List<Annotation> annotations) throws DecodeException {
    boolean wanted =
        columns.contains(Columns.BOXES)
            || columns.contains(Columns.BOX_LABELS)
            || columns.contains(Columns.BOX_FRAMES);
    return wanted ? Boxes.of(annotations, labels) : null;
  }

  private Object imageLabels(List<Annotation> annotations) {
    Map<String, int[]> perAnnotator = ImageLabels.perAnnotator(annotations, labels);
    MergeStrategy merge = options.imageLabelsMergeStrategy();
    if (merge != null) {
      return new GenericArrayData(
          ImageLabels.merge(perAnnotator.values(), merge, labels.imageLabels().size()));
    }
    return RowTargets.map(perAnnotator, GenericArrayData::new);
  }

  private Object imageCategories(List<Annotation> annotations) {
    Map<String, Integer> perAnnotator = ImageCategories.perAnnotator(annotations, labels);
    MergeStrategy merge = options.imageCategoriesMergeStrategy();
    if (merge == MergeStrategy.MODE) {
      return ImageCategories.mode(perAnnotator.values());
    }
    if (merge != null) {
      return new GenericArrayData(
          ImageCategories.multiHot(perAnnotator.values(), merge, labels.imageCategories().size()));
    }
    return RowTargets.map(perAnnotator, v -> v);
  }

  private Map<String, PixelArray> frameLabels(
      PlannedResource resource, PixelArray image, List<Annotation> annotations)
      throws DecodeException {
    Integer frames = resource.numFrames();
    if (frames == null && image != null) {
      frames = image.rank() == 4 ? image.dim(1) : 1;
    }
    if (frames == null) {
      return null; // the metadata does not say how many frames, and the file was not read
    }
    int width = labels.frameLabels().size();
    Map<String, PixelArray> out = RowTargets.ordered();
    for (Map.Entry<String, int[][]> e :
        FrameLabels.perAnnotator(annotations, labels, frames).entrySet()) {
      PixelArray matrix =
          PixelArray.wrap(
              DType.INT32,
              new int[] {frames, width},
              java.nio.ByteBuffer.allocate(4 * frames * width));
      for (int f = 0; f < frames; f++) {
        for (int l = 0; l < width; l++) {
          matrix.data().putInt(4 * (f * width + l), e.getValue()[f][l]);
        }
      }
      out.put(e.getKey(), matrix);
    }
    return out;
  }

  private RowTargets segmentations(
      PlannedResource resource,
      PixelArray image,
      ResourceFileStore files,
      DecodeLimits limits,
      Map<String, Object> labelValues,
      Map<String, PixelArray> frameLabels,
      Boxes boxes)
      throws DecodeException {
    if (image == null) {
      throw new DecodeException(
          "segmentations need the image's geometry, and the image could not be read");
    }
    MaskGeometry geometry =
        image.rank() == 4
            ? MaskGeometry.volume(image.dim(1), image.dim(2), image.dim(3))
            : MaskGeometry.image(image.dim(1), image.dim(2));
    List<Annotation> segmentations = new ArrayList<>();
    for (Annotation a : resource.annotations()) {
      if ("segmentation".equals(a.annotationType())) {
        segmentations.add(a);
      }
    }
    Map<String, AuthorMasks> authors =
        InstanceMasks.build(
            segmentations,
            this::segmentationCode,
            geometry,
            MaskSource.fromStore(files, limits),
            limits);
    Map<String, int[]> codes = RowTargets.ordered();
    Map<String, PixelArray> masks = RowTargets.ordered();
    int numLabels = labels.segmentationCodeCount();
    for (Map.Entry<String, AuthorMasks> e : authors.entrySet()) {
      codes.put(e.getKey(), e.getValue().codes());
      PixelArray instances = e.getValue().inLayout(geometry);
      masks.put(
          e.getKey(),
          options.returnAsSemanticSegmentation()
              ? SemanticMasks.fromInstances(instances, e.getValue().codes(), numLabels, limits)
              : instances);
    }
    PixelArray merged =
        options.semanticSegMergeStrategy() == null
            ? null
            : MaskMerge.merge(
                options.semanticSegMergeStrategy(),
                new ArrayList<>(masks.values()),
                numLabels,
                geometry.spatialShape(),
                limits);
    return new RowTargets(
        labelValues, frameLabels, merged == null ? masks : null, codes, merged, boxes);
  }

  private Integer segmentationCode(String identifier) {
    int code = labels.segmentationCode(identifier);
    return code < 0 ? null : code;
  }
}
