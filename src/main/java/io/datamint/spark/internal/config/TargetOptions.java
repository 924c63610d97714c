package io.datamint.spark.internal.config;

import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.annotation.NameFilter;
import io.datamint.spark.internal.annotation.TrustedSources;
import io.datamint.spark.internal.annotation.WorklistSelection;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The parsed options that shape the training targets (labels, categories, masks), with the SDK
 * dataset constructor's names: {@code worklists}, the include/exclude filters, {@code
 * allow_external_annotations}, {@code return_segmentations}, {@code
 * return_as_semantic_segmentation}, the three merge strategies, {@code trusted_annotation_sources}
 * and {@code return_boxes}. Each key, its default and what it accepts are defined in {@link
 * OptionSpecs}; this record adds the SDK's checks between them (an include and an exclude for the
 * same dimension are refused, semantic segmentation needs segmentations, the semantic merge needs
 * semantic segmentation).
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
    MergeStrategy imageCategoriesMergeStrategy,
    TrustedSources trustedSources,
    boolean returnBoxes)
    implements Serializable {

  /** Parses and validates these options from the merged option map (keys lower case). */
  static TargetOptions parse(Map<String, String> o) {
    TargetOptions t =
        new TargetOptions(
            OptionSpecs.WORKLISTS.get(o),
            names(o, OptionSpecs.INCLUDE_ANNOTATORS, OptionSpecs.EXCLUDE_ANNOTATORS),
            names(
                o, OptionSpecs.INCLUDE_SEGMENTATION_NAMES, OptionSpecs.EXCLUDE_SEGMENTATION_NAMES),
            names(o, OptionSpecs.INCLUDE_IMAGE_LABEL_NAMES, OptionSpecs.EXCLUDE_IMAGE_LABEL_NAMES),
            names(o, OptionSpecs.INCLUDE_FRAME_LABEL_NAMES, OptionSpecs.EXCLUDE_FRAME_LABEL_NAMES),
            OptionSpecs.ALLOW_EXTERNAL_ANNOTATIONS.get(o),
            OptionSpecs.RETURN_SEGMENTATIONS.get(o),
            OptionSpecs.RETURN_AS_SEMANTIC_SEGMENTATION.get(o),
            OptionSpecs.SEMANTIC_SEG_MERGE_STRATEGY.get(o),
            OptionSpecs.IMAGE_LABELS_MERGE_STRATEGY.get(o),
            OptionSpecs.IMAGE_CATEGORIES_MERGE_STRATEGY.get(o),
            trustedSources(o),
            OptionSpecs.RETURN_BOXES.get(o));
    if (t.returnAsSemanticSegmentation && !t.returnSegmentations) {
      throw new InvalidOptionException(
          "option \""
              + OptionSpecs.RETURN_AS_SEMANTIC_SEGMENTATION
              + "\" needs \""
              + OptionSpecs.RETURN_SEGMENTATIONS
              + "\" = true (as the SDK's dataset classes)");
    }
    if (t.semanticSegMergeStrategy != null && !t.returnAsSemanticSegmentation) {
      throw new InvalidOptionException(
          "option \""
              + OptionSpecs.SEMANTIC_SEG_MERGE_STRATEGY
              + "\" needs \""
              + OptionSpecs.RETURN_AS_SEMANTIC_SEGMENTATION
              + "\" = true: author masks are merged as semantic masks (as the SDK)");
    }
    return t;
  }

  private static TrustedSources trustedSources(Map<String, String> o) {
    try {
      return TrustedSources.of(OptionSpecs.TRUSTED_ANNOTATION_SOURCES.get(o));
    } catch (IllegalArgumentException e) {
      throw new InvalidOptionException(
          "invalid value for option \""
              + OptionSpecs.TRUSTED_ANNOTATION_SOURCES.name()
              + "\": "
              + e.getMessage()
              + "; accepted: "
              + TrustedSources.ALL_WORD
              + ", or a list of annotation sources such as imported,manual");
    }
  }

  private static NameFilter names(
      Map<String, String> o, OptionSpec<List<String>> include, OptionSpec<List<String>> exclude) {
    List<String> kept = include.get(o);
    List<String> dropped = exclude.get(o);
    if (kept != null && dropped != null) {
      throw new InvalidOptionException(
          "options \""
              + include.name()
              + "\" and \""
              + exclude.name()
              + "\" are mutually exclusive: set only one of them");
    }
    return NameFilter.of(kept, dropped);
  }
}
