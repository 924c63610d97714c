package io.datamint.spark.config;

import io.datamint.spark.annotation.MergeStrategy;
import io.datamint.spark.annotation.NameFilter;
import io.datamint.spark.annotation.WorklistSelection;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The options that shape the training targets (labels, categories, masks), with the SDK dataset constructor's names,
 * defaults and validation: {@code worklists} ({@code all}, a list of worklist ids or names, or {@code none} to infer
 * labels from the data), the include/exclude filters (an include and an exclude for the same dimension are refused),
 * {@code allow_external_annotations} (default false), {@code return_segmentations} (default true),
 * {@code return_as_semantic_segmentation} (needs segmentations) and the three merge strategies (the semantic one
 * needs semantic segmentation).
 */
public record TargetOptions(
    WorklistSelection worklists,
    NameFilter annotators,
    NameFilter segmentationNames,
    NameFilter imageLabelNames,
    NameFilter frameLabelNames,
    boolean allowExternalAnnotations,
    boolean returnSegmentations,
    boolean returnAsSemanticSegmentation,
    MergeStrategy semanticSegMergeStrategy,
    MergeStrategy imageLabelsMergeStrategy,
    MergeStrategy imageCategoriesMergeStrategy)
    implements Serializable {

  /** Option keys. */
  public static final String WORKLISTS = "worklists";
  public static final String INCLUDE_ANNOTATORS = "include_annotators";
  public static final String EXCLUDE_ANNOTATORS = "exclude_annotators";
  public static final String INCLUDE_SEGMENTATION_NAMES = "include_segmentation_names";
  public static final String EXCLUDE_SEGMENTATION_NAMES = "exclude_segmentation_names";
  public static final String INCLUDE_IMAGE_LABEL_NAMES = "include_image_label_names";
  public static final String EXCLUDE_IMAGE_LABEL_NAMES = "exclude_image_label_names";
  public static final String INCLUDE_FRAME_LABEL_NAMES = "include_frame_label_names";
  public static final String EXCLUDE_FRAME_LABEL_NAMES = "exclude_frame_label_names";
  public static final String ALLOW_EXTERNAL_ANNOTATIONS = "allow_external_annotations";
  public static final String RETURN_SEGMENTATIONS = "return_segmentations";
  public static final String RETURN_AS_SEMANTIC_SEGMENTATION = "return_as_semantic_segmentation";
  public static final String SEMANTIC_SEG_MERGE_STRATEGY = "semantic_seg_merge_strategy";
  public static final String IMAGE_LABELS_MERGE_STRATEGY = "image_labels_merge_strategy";
  public static final String IMAGE_CATEGORIES_MERGE_STRATEGY = "image_categories_merge_strategy";

  /** Parses and validates these options from the merged option map (keys lower case). */
  static TargetOptions parse(Map<String, String> o) {
    TargetOptions t = new TargetOptions(
        worklists(o.get(WORKLISTS)),
        NameFilter.of(INCLUDE_ANNOTATORS, list(o, INCLUDE_ANNOTATORS), EXCLUDE_ANNOTATORS,
            list(o, EXCLUDE_ANNOTATORS)),
        NameFilter.of(INCLUDE_SEGMENTATION_NAMES, list(o, INCLUDE_SEGMENTATION_NAMES), EXCLUDE_SEGMENTATION_NAMES,
            list(o, EXCLUDE_SEGMENTATION_NAMES)),
        NameFilter.of(INCLUDE_IMAGE_LABEL_NAMES, list(o, INCLUDE_IMAGE_LABEL_NAMES), EXCLUDE_IMAGE_LABEL_NAMES,
            list(o, EXCLUDE_IMAGE_LABEL_NAMES)),
        NameFilter.of(INCLUDE_FRAME_LABEL_NAMES, list(o, INCLUDE_FRAME_LABEL_NAMES), EXCLUDE_FRAME_LABEL_NAMES,
            list(o, EXCLUDE_FRAME_LABEL_NAMES)),
        bool(o, ALLOW_EXTERNAL_ANNOTATIONS, false),
        bool(o, RETURN_SEGMENTATIONS, true),
        bool(o, RETURN_AS_SEMANTIC_SEGMENTATION, false),
        MergeStrategy.parse(SEMANTIC_SEG_MERGE_STRATEGY, o.get(SEMANTIC_SEG_MERGE_STRATEGY)),
        MergeStrategy.parse(IMAGE_LABELS_MERGE_STRATEGY, o.get(IMAGE_LABELS_MERGE_STRATEGY)),
        MergeStrategy.parse(IMAGE_CATEGORIES_MERGE_STRATEGY, o.get(IMAGE_CATEGORIES_MERGE_STRATEGY)));
    if (t.returnAsSemanticSegmentation && !t.returnSegmentations) {
      throw new InvalidOptionException("option \"" + RETURN_AS_SEMANTIC_SEGMENTATION + "\" needs \""
          + RETURN_SEGMENTATIONS + "\" = true (as the SDK's dataset classes)");
    }
    if (t.semanticSegMergeStrategy != null && !t.returnAsSemanticSegmentation) {
      throw new InvalidOptionException("option \"" + SEMANTIC_SEG_MERGE_STRATEGY + "\" needs \""
          + RETURN_AS_SEMANTIC_SEGMENTATION + "\" = true: author masks are merged as semantic masks (as the SDK)");
    }
    return t;
  }

  private static WorklistSelection worklists(String value) {
    if (value == null || value.trim().equalsIgnoreCase("all")) {
      return WorklistSelection.all();
    }
    if (value.trim().equalsIgnoreCase("none")) {
      return WorklistSelection.inferred();
    }
    return WorklistSelection.of(OptionValues.list(WORKLISTS, value));
  }

  private static List<String> list(Map<String, String> o, String key) {
    return o.containsKey(key) ? OptionValues.list(key, o.get(key)) : null;
  }

  private static boolean bool(Map<String, String> o, String key, boolean defaultValue) {
    return o.containsKey(key) ? OptionValues.bool(key, o.get(key)) : defaultValue;
  }
}
