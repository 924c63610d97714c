package io.datamint.spark.config;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * The options of the prefetch job ({@code io.datamint.spark.prefetch}), beside the read options that choose the
 * project and its resources. Every key starts with {@code prefetch_}; a read given one of them as an option fails
 * at {@code load()} ({@link DatamintOptions#resolve}), since it would have no effect there.
 *
 * @param concurrency downloads in flight at once per executor JVM (every prefetch task of the executor together)
 * @param partitions Spark tasks of the job, or null for the cluster's default parallelism (at most one per file)
 * @param includeAnnotations whether the mask files of the selected resources' segmentation annotations are
 *     downloaded too (default true, so that the mirror reads with {@code segmentations})
 */
public record PrefetchOptions(int concurrency, Integer partitions, boolean includeAnnotations)
    implements Serializable {

  /** Downloads in flight per executor (default {@value #DEFAULT_CONCURRENCY}). */
  public static final String PREFETCH_CONCURRENCY = "prefetch_concurrency";
  /** Spark tasks of the prefetch job (default: the cluster's default parallelism). */
  public static final String PREFETCH_PARTITIONS = "prefetch_partitions";
  /** Whether segmentation mask files are prefetched too (default true); the SDK's {@code include_annotations}. */
  public static final String PREFETCH_INCLUDE_ANNOTATIONS = "prefetch_include_annotations";

  /** Every prefetch-only key. */
  public static final List<String> KEYS =
      List.of(PREFETCH_CONCURRENCY, PREFETCH_PARTITIONS, PREFETCH_INCLUDE_ANNOTATIONS);

  /** Default of {@link #PREFETCH_CONCURRENCY}: the client's default bound on requests in flight per JVM. */
  public static final int DEFAULT_CONCURRENCY = 8;

  /** The defaults. */
  public static final PrefetchOptions DEFAULTS = new PrefetchOptions(DEFAULT_CONCURRENCY, null, true);

  static PrefetchOptions parse(Map<String, String> o) {
    return new PrefetchOptions(
        o.containsKey(PREFETCH_CONCURRENCY)
            ? OptionValues.positiveInt(PREFETCH_CONCURRENCY, o.get(PREFETCH_CONCURRENCY)) : DEFAULT_CONCURRENCY,
        o.containsKey(PREFETCH_PARTITIONS)
            ? OptionValues.positiveInt(PREFETCH_PARTITIONS, o.get(PREFETCH_PARTITIONS)) : null,
        !o.containsKey(PREFETCH_INCLUDE_ANNOTATIONS)
            || OptionValues.bool(PREFETCH_INCLUDE_ANNOTATIONS, o.get(PREFETCH_INCLUDE_ANNOTATIONS)));
  }
}
