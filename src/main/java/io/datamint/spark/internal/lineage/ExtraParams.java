package io.datamint.spark.internal.lineage;

import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.annotation.TrustedSources;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.config.TargetOptions;
import io.datamint.spark.internal.util.PythonJson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The SDK's {@code extra_params} of {@code build_mlflow_dataset()} (v2.45, {@code
 * datamint/dataset/base.py}) from a read's options, in the SDK's insertion order: the target
 * options, the name filters as given (lists in their order, null when not given), {@code
 * semantic_seg_merge_strategy} as {@code str()} ({@code "None"} when unset), {@code
 * trusted_annotation_sources} sorted (null when every source is kept: the connector's default, the
 * SDK's {@code None}), and the split's source and instant.
 */
public final class ExtraParams {

  private ExtraParams() {}

  /**
   * {@code extra_params} of a read.
   *
   * @param options the read's options
   * @param splitSource the SDK's {@code split_source} ({@code local}, {@code local_by_patient},
   *     {@code project_api}), or null when the dataset is not one split
   * @param splitAsOf the instant project splits were read as of, or null
   */
  public static Map<String, Object> of(
      DatamintOptions options, String splitSource, String splitAsOf) {
    TargetOptions t = options.targets();
    Map<String, Object> p = new LinkedHashMap<>();
    p.put("return_segmentations", t.returnSegmentations());
    p.put("return_boxes", t.returnBoxes());
    p.put("return_as_semantic_segmentation", t.returnAsSemanticSegmentation());
    MergeStrategy merge = t.semanticSegMergeStrategy();
    p.put(
        "semantic_seg_merge_strategy",
        merge == null ? "None" : merge.name().toLowerCase(Locale.ROOT));
    p.put("include_unannotated", options.includeUnannotated());
    p.putAll(options.nameFiltersAsGiven());
    p.put("trusted_annotation_sources", trusted(t.trustedSources()));
    p.put("split_source", splitSource);
    p.put("split_as_of_timestamp", splitAsOf);
    return p;
  }

  /** {@code sorted(set(sources))}, or null for every source. */
  private static List<String> trusted(TrustedSources sources) {
    if (sources.isAll()) {
      return null;
    }
    TreeSet<String> sorted = new TreeSet<>(PythonJson::compareCodePoints);
    sorted.addAll(sources.sources());
    return List.copyOf(sorted);
  }
}
