package io.datamint.spark.internal.config;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The options of the prefetch job ({@code io.datamint.spark.DatamintPrefetch}), beside the read
 * options that choose the project and its resources. Every key starts with {@code prefetch_}; a
 * read given one of them as an option fails at {@code load()} ({@link DatamintOptions#resolve}),
 * since it would have no effect there.
 *
 * @param concurrency downloads in flight at once per executor JVM (every prefetch task of the
 *     executor together)
 * @param partitions Spark tasks of the job, or null for the cluster's default parallelism (at most
 *     one per file)
 * @param includeAnnotations whether the mask files of the selected resources' segmentation
 *     annotations are downloaded too (default true, so that the mirror reads with {@code
 *     segmentations})
 * @param progressInterval how often the driver logs the job's progress
 */
public record PrefetchOptions(
    int concurrency, Integer partitions, boolean includeAnnotations, Duration progressInterval)
    implements Serializable {

  /** {@link OptionSpecs#PREFETCH_CONCURRENCY}. */
  public static final String PREFETCH_CONCURRENCY = OptionSpecs.PREFETCH_CONCURRENCY.name();

  /** Every prefetch-only key. */
  public static final List<String> KEYS = OptionSpecs.prefetchOnlyNames();

  /** Default of {@link #PREFETCH_CONCURRENCY}. */
  public static final int DEFAULT_CONCURRENCY = OptionSpecs.PREFETCH_CONCURRENCY.defaultValue();

  /** The defaults. */
  public static final PrefetchOptions DEFAULTS = parse(Map.of());

  static PrefetchOptions parse(Map<String, String> o) {
    return new PrefetchOptions(
        OptionSpecs.PREFETCH_CONCURRENCY.get(o),
        OptionSpecs.PREFETCH_PARTITIONS.get(o),
        OptionSpecs.PREFETCH_INCLUDE_ANNOTATIONS.get(o),
        OptionSpecs.PREFETCH_PROGRESS_INTERVAL.get(o));
  }
}
