package io.datamint.spark.config;

import io.datamint.spark.dataset.DatasetKind;
import io.datamint.spark.decode.DecodeLimits;
import io.datamint.spark.slice.SlicePlane;
import io.datamint.spark.util.Suggestions;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The immutable, validated options of one read. Every key is a constant below; {@link #resolve} merges, in
 * increasing precedence, the {@code DATAMINT_API_URL} / {@code DATAMINT_API_KEY} environment, the session conf
 * under {@code spark.datamint.}, and the per-read options (keys are case-insensitive). Options whose name starts
 * with {@code fs.} are Hadoop settings for the mirror's FileSystem (for example {@code fs.s3a.endpoint}).
 *
 * <p>Names and meanings follow the Datamint SDK's dataset constructor and {@code filter()}; see the README's
 * option table. The API key is never printed: {@link #toString()} masks it.
 */
public final class DatamintOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Prefix of the session-wide defaults in the Spark conf. */
  public static final String CONF_PREFIX = "spark.datamint.";
  /** Environment variable for the server URL, as in the SDK. */
  public static final String ENV_API_URL = "DATAMINT_API_URL";
  /** Environment variable for the API key, as in the SDK. */
  public static final String ENV_API_KEY = "DATAMINT_API_KEY";
  /** Prefix of Hadoop FileSystem settings passed as options. */
  public static final String HADOOP_PREFIX = "fs.";

  // ---- source ----
  /** A project mirror directory, or a mirror root holding one directory per project (any Hadoop URI). */
  public static final String PATH = "path";
  /** The project's name or id; required with a mirror root of several projects or with {@code server_url}. */
  public static final String PROJECT = "project";
  /** The Datamint API base URL (or env {@code DATAMINT_API_URL}). */
  public static final String SERVER_URL = "server_url";
  /** The Datamint API key (or env {@code DATAMINT_API_KEY}); never logged or shown. */
  public static final String API_KEY = "api_key";

  // ---- the SDK's filter() and include_unannotated ----
  /** Keep resources having any of these tags (SDK {@code filter(tags=...)}); an empty list keeps none. */
  public static final String TAGS = "tags";
  /** Keep resources whose filename matches this shell pattern (SDK {@code filter(filename_pattern=...)}). */
  public static final String FILENAME_PATTERN = "filename_pattern";
  /** Keep resources with (true) or without (false) annotations after annotation filtering. */
  public static final String HAS_ANNOTATIONS = "has_annotations";
  /** Keep resources having an annotation of any type whose identifier is in this list. */
  public static final String ANNOTATION_NAMES = "annotation_names";
  /** Keep resources whose filtered annotation list is empty (default true, as the SDK). */
  public static final String INCLUDE_UNANNOTATED = "include_unannotated";

  // ---- reading ----
  /** What to do with a row that cannot be decoded: PERMISSIVE (default), DROPMALFORMED, FAILFAST. */
  public static final String MODE = "mode";
  /** Target bytes of resource files per input partition (default 64m). */
  public static final String TARGET_PARTITION_BYTES = "target_partition_bytes";

  /** Which SDK dataset class the read behaves as: image, volume, video or auto (default). */
  public static final String DATASET = "dataset";
  /** Whether to fill the {@code metainfo} column (default true). */
  public static final String RETURN_METAINFO = "return_metainfo";
  /** Bound on the decoded bytes of one array; larger files get an {@code _error} (default 2g). */
  public static final String MAX_DECODED_BYTES = "max_decoded_bytes";
  /** Rows per Arrow batch produced by a reader (default 16; a batch also closes at 256 MiB of tensors). */
  public static final String BATCH_SIZE = "batch_size";

  /** Slice volumes into one row per slice along this plane: axial, coronal, sagittal (or 0, 1, 2). */
  public static final String SLICE = "slice";
  /** One row per frame of videos and multi-frame DICOM. */
  public static final String FRAME_BY_FRAME = "frame_by_frame";
  /** Target rows per input partition when slicing or reading frame by frame (default 512). */
  public static final String TARGET_PARTITION_ROWS = "target_partition_rows";

  /** Default of {@link #TARGET_PARTITION_ROWS}. */
  public static final int DEFAULT_TARGET_PARTITION_ROWS = 512;

  /** Default of {@link #BATCH_SIZE}. */
  public static final int DEFAULT_BATCH_SIZE = 16;

  /** Default of {@link #TARGET_PARTITION_BYTES}. */
  public static final long DEFAULT_TARGET_PARTITION_BYTES = 64L << 20;

  private static final Map<String, OptionKey> KEYS = keys();

  private static Map<String, OptionKey> keys() {
    Map<String, OptionKey> k = new LinkedHashMap<>();
    add(k, OptionKey.of(PATH, "a project mirror directory or a mirror root (local path or Hadoop URI)"));
    add(k, OptionKey.of(PROJECT, "a project name or id"));
    add(k, OptionKey.of(SERVER_URL, "the Datamint API base URL, e.g. https://api.datamint.io"));
    add(k, OptionKey.of(API_KEY, "a Datamint API key"));
    add(k, OptionKey.of(ApiOptions.API_CONNECT_TIMEOUT, "a positive duration such as 30s or 500ms"));
    add(k, OptionKey.of(ApiOptions.API_TIMEOUT, "a positive duration such as 300s or 5m"));
    add(k, OptionKey.of(ApiOptions.API_MAX_ATTEMPTS, "a positive number of attempts"));
    add(k, OptionKey.of(ApiOptions.API_MAX_CONCURRENT_REQUESTS, "a positive number of requests"));
    add(k, OptionKey.of(TAGS, "a comma-separated list or JSON array of tags"));
    add(k, OptionKey.of(FILENAME_PATTERN, "a shell pattern (*, ?, [seq], [!seq]) matched against the filename"));
    add(k, OptionKey.of(HAS_ANNOTATIONS, "true or false"));
    add(k, OptionKey.of(ANNOTATION_NAMES, "a comma-separated list or JSON array of annotation identifiers"));
    add(k, OptionKey.of(INCLUDE_UNANNOTATED, "true or false"));
    add(k, OptionKey.of(MODE, "PERMISSIVE, DROPMALFORMED or FAILFAST"));
    add(k, OptionKey.of(TARGET_PARTITION_BYTES, "a positive byte size such as 64m or 1g"));
    add(k, OptionKey.of(DATASET, "image, volume, video or auto"));
    add(k, OptionKey.of(RETURN_METAINFO, "true or false"));
    add(k, OptionKey.of(MAX_DECODED_BYTES, "a positive byte size such as 512m or 2g (at most 2g)"));
    add(k, OptionKey.of(BATCH_SIZE, "a positive number of rows"));
    add(k, OptionKey.of(SLICE, "axial, coronal, sagittal, 0, 1 or 2"));
    add(k, OptionKey.of(FRAME_BY_FRAME, "true or false"));
    add(k, OptionKey.of(TARGET_PARTITION_ROWS, "a positive number of rows"));
    for (String key : List.of(TargetOptions.INCLUDE_ANNOTATORS, TargetOptions.EXCLUDE_ANNOTATORS,
        TargetOptions.INCLUDE_SEGMENTATION_NAMES, TargetOptions.EXCLUDE_SEGMENTATION_NAMES,
        TargetOptions.INCLUDE_IMAGE_LABEL_NAMES, TargetOptions.EXCLUDE_IMAGE_LABEL_NAMES,
        TargetOptions.INCLUDE_FRAME_LABEL_NAMES, TargetOptions.EXCLUDE_FRAME_LABEL_NAMES)) {
      add(k, OptionKey.of(key, "a comma-separated list or JSON array of names"));
    }
    add(k, OptionKey.of(TargetOptions.WORKLISTS, "all (default), none (infer labels from the data), or a list of "
        + "worklist ids or names"));
    add(k, OptionKey.of(TargetOptions.ALLOW_EXTERNAL_ANNOTATIONS, "true or false"));
    add(k, OptionKey.of(TargetOptions.RETURN_SEGMENTATIONS, "true or false"));
    add(k, OptionKey.of(TargetOptions.RETURN_AS_SEMANTIC_SEGMENTATION, "true or false"));
    for (String key : List.of(TargetOptions.SEMANTIC_SEG_MERGE_STRATEGY, TargetOptions.IMAGE_LABELS_MERGE_STRATEGY,
        TargetOptions.IMAGE_CATEGORIES_MERGE_STRATEGY)) {
      add(k, OptionKey.of(key, "union, intersection or mode"));
    }
    add(k, OptionKey.of(SplitOptions.SPLIT, "ordered ratios such as train=0.7,val=0.15,test=0.15"));
    add(k, OptionKey.of(SplitOptions.SEED, "a whole number"));
    add(k, OptionKey.of(SplitOptions.BY_PATIENT, "true or false"));
    add(k, OptionKey.of(SplitOptions.NONE_PATIENT_ID_STRATEGY, "individual, group, skip or error"));
    add(k, OptionKey.of(SplitOptions.USE_PROJECT_SPLITS, "true or false"));
    add(k, OptionKey.of(SplitOptions.AS_OF_TIMESTAMP, "an ISO-8601 instant such as 2026-04-15T09:30:00Z"));
    add(k, OptionKey.of(SplitOptions.USE_SERVER_SPLITS, "true or false (deprecated)"));
    add(k, OptionKey.of(PrefetchOptions.PREFETCH_CONCURRENCY, "a positive number of downloads in flight per "
        + "executor"));
    add(k, OptionKey.of(PrefetchOptions.PREFETCH_PARTITIONS, "a positive number of Spark tasks"));
    add(k, OptionKey.of(PrefetchOptions.PREFETCH_INCLUDE_ANNOTATIONS, "true or false"));
    return Collections.unmodifiableMap(k);
  }

  private static void add(Map<String, OptionKey> keys, OptionKey key) {
    keys.put(key.name(), key);
  }

  private final String path;
  private final String project;
  private final String serverUrl;
  private final String apiKey;
  private final ApiOptions api;
  private final List<String> tags;
  private final String filenamePattern;
  private final Boolean hasAnnotations;
  private final List<String> annotationNames;
  private final boolean includeUnannotated;
  private final ReadMode mode;
  private final long targetPartitionBytes;
  private final Map<String, String> hadoopOptions;
  private final DatasetKind dataset;
  private final boolean returnMetainfo;
  private final long maxDecodedBytes;
  private final int batchSize;
  private final TargetOptions targets;
  private final SlicePlane slicePlane;
  private final boolean frameByFrame;
  private final int targetPartitionRows;
  private final SplitOptions splits;
  private final PrefetchOptions prefetch;

  private DatamintOptions(Map<String, String> merged, Map<String, String> hadoop) {
    this.path = blankToNull(merged.get(PATH));
    this.project = blankToNull(merged.get(PROJECT));
    String url = blankToNull(merged.get(SERVER_URL));
    this.serverUrl = url == null ? null : stripTrailingSlash(url);
    this.apiKey = blankToNull(merged.get(API_KEY));
    this.api = ApiOptions.parse(merged, serverUrl, apiKey);
    this.tags = merged.containsKey(TAGS) ? OptionValues.list(TAGS, merged.get(TAGS)) : null;
    this.filenamePattern = merged.get(FILENAME_PATTERN);
    this.hasAnnotations =
        merged.containsKey(HAS_ANNOTATIONS) ? OptionValues.bool(HAS_ANNOTATIONS, merged.get(HAS_ANNOTATIONS)) : null;
    this.annotationNames =
        merged.containsKey(ANNOTATION_NAMES) ? OptionValues.list(ANNOTATION_NAMES, merged.get(ANNOTATION_NAMES)) : null;
    this.includeUnannotated = !merged.containsKey(INCLUDE_UNANNOTATED)
        || OptionValues.bool(INCLUDE_UNANNOTATED, merged.get(INCLUDE_UNANNOTATED));
    this.mode = merged.containsKey(MODE) ? OptionValues.enumValue(MODE, merged.get(MODE), ReadMode.class)
        : ReadMode.PERMISSIVE;
    this.targetPartitionBytes = merged.containsKey(TARGET_PARTITION_BYTES)
        ? OptionValues.bytes(TARGET_PARTITION_BYTES, merged.get(TARGET_PARTITION_BYTES))
        : DEFAULT_TARGET_PARTITION_BYTES;
    this.hadoopOptions = Collections.unmodifiableMap(hadoop);
    this.dataset = merged.containsKey(DATASET)
        ? OptionValues.enumValue(DATASET, merged.get(DATASET), DatasetKind.class) : DatasetKind.AUTO;
    this.returnMetainfo = !merged.containsKey(RETURN_METAINFO)
        || OptionValues.bool(RETURN_METAINFO, merged.get(RETURN_METAINFO));
    this.maxDecodedBytes = merged.containsKey(MAX_DECODED_BYTES)
        ? OptionValues.bytes(MAX_DECODED_BYTES, merged.get(MAX_DECODED_BYTES))
        : DecodeLimits.DEFAULT_MAX_DECODED_BYTES;
    if (maxDecodedBytes > DecodeLimits.DEFAULT_MAX_DECODED_BYTES) {
      throw OptionValues.invalid(MAX_DECODED_BYTES, merged.get(MAX_DECODED_BYTES),
          "at most " + DecodeLimits.DEFAULT_MAX_DECODED_BYTES + " bytes (one tensor is one Java array)");
    }
    this.batchSize = merged.containsKey(BATCH_SIZE)
        ? OptionValues.positiveInt(BATCH_SIZE, merged.get(BATCH_SIZE)) : DEFAULT_BATCH_SIZE;
    this.targets = TargetOptions.parse(merged);
    this.slicePlane = merged.containsKey(SLICE) ? plane(merged.get(SLICE)) : null;
    this.frameByFrame = merged.containsKey(FRAME_BY_FRAME) && OptionValues.bool(FRAME_BY_FRAME, merged.get(FRAME_BY_FRAME));
    this.splits = SplitOptions.parse(merged);
    this.prefetch = PrefetchOptions.parse(merged);
    this.targetPartitionRows = merged.containsKey(TARGET_PARTITION_ROWS)
        ? OptionValues.positiveInt(TARGET_PARTITION_ROWS, merged.get(TARGET_PARTITION_ROWS))
        : DEFAULT_TARGET_PARTITION_ROWS;
  }

  private static SlicePlane plane(String value) {
    try {
      return SlicePlane.parse(value);
    } catch (IllegalArgumentException e) {
      throw OptionValues.invalid(SLICE, value, "axial, coronal, sagittal, 0 (axial), 1 (coronal) or 2 (sagittal)");
    }
  }

  /**
   * Resolves and validates the options of a read (the data source, the catalog and its tables). A prefetch-only
   * option ({@link PrefetchOptions#KEYS}) among {@code readOptions} is refused, since a read would ignore it; in the
   * session conf ({@code spark.datamint.prefetch_*}) it is a default for later prefetches and is left alone.
   *
   * @param readOptions the per-read options (highest precedence)
   * @param sparkConf the session conf; only keys under {@link #CONF_PREFIX} are used
   * @param env the process environment; only {@link #ENV_API_URL} and {@link #ENV_API_KEY} are used
   * @throws InvalidOptionException naming the first unknown or invalid option
   */
  public static DatamintOptions resolve(
      Map<String, String> readOptions, Map<String, String> sparkConf, Map<String, String> env) {
    return resolve(readOptions, sparkConf, env, false);
  }

  /**
   * Resolves and validates the options of a prefetch ({@code io.datamint.spark.prefetch.DatamintPrefetch}): the read
   * options that choose the project and its resources, and the prefetch options of {@link PrefetchOptions}.
   *
   * @param options the prefetch's options (highest precedence)
   * @param sparkConf the session conf; only keys under {@link #CONF_PREFIX} are used
   * @param env the process environment; only {@link #ENV_API_URL} and {@link #ENV_API_KEY} are used
   * @throws InvalidOptionException naming the first unknown or invalid option
   */
  public static DatamintOptions resolveForPrefetch(
      Map<String, String> options, Map<String, String> sparkConf, Map<String, String> env) {
    return resolve(options, sparkConf, env, true);
  }

  private static DatamintOptions resolve(Map<String, String> readOptions, Map<String, String> sparkConf,
      Map<String, String> env, boolean prefetch) {
    Map<String, String> merged = new LinkedHashMap<>();
    Map<String, String> hadoop = new TreeMap<>();
    if (env.get(ENV_API_URL) != null) {
      merged.put(SERVER_URL, env.get(ENV_API_URL));
    }
    if (env.get(ENV_API_KEY) != null) {
      merged.put(API_KEY, env.get(ENV_API_KEY));
    }
    for (Map.Entry<String, String> e : sparkConf.entrySet()) {
      if (e.getKey().startsWith(CONF_PREFIX)) {
        put(merged, hadoop, e.getKey().substring(CONF_PREFIX.length()), e.getValue(), "Spark conf " + e.getKey());
      }
    }
    for (Map.Entry<String, String> e : readOptions.entrySet()) {
      if (!prefetch && PrefetchOptions.KEYS.contains(e.getKey().toLowerCase(Locale.ROOT))) {
        throw new InvalidOptionException("option \"" + e.getKey() + "\" applies only to a prefetch "
            + "(io.datamint.spark.prefetch.DatamintPrefetch or bin/datamint-prefetch), not to a read of the datamint "
            + "data source or catalog, which would ignore it; remove it from the read's options");
      }
      put(merged, hadoop, e.getKey(), e.getValue(), "option");
    }
    return new DatamintOptions(merged, hadoop);
  }

  private static void put(Map<String, String> merged, Map<String, String> hadoop, String rawKey, String value,
      String origin) {
    if (rawKey.startsWith(HADOOP_PREFIX)) {
      hadoop.put(rawKey, value);
      return;
    }
    String key = rawKey.toLowerCase(Locale.ROOT);
    OptionKey known = KEYS.get(key);
    if (known == null) {
      String suggestion = Suggestions.closest(key, KEYS.keySet());
      throw new InvalidOptionException("unknown " + origin + " \"" + rawKey + "\" for the datamint data source"
          + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?")
          + " Valid options: " + String.join(", ", KEYS.keySet())
          + " (and Hadoop settings starting with \"" + HADOOP_PREFIX + "\")");
    }
    if (value == null) {
      throw new InvalidOptionException("option \"" + key + "\" has no value; accepted: " + known.accepts());
    }
    merged.put(key, value);
  }

  /** Every documented option key, in documentation order. */
  public static Map<String, OptionKey> knownKeys() {
    return KEYS;
  }



  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static String stripTrailingSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /** The mirror path or mirror root; null when reading from the API. */
  public String path() {
    return path;
  }

  /** The project name or id; null when the path is a single project. */
  public String project() {
    return project;
  }

  public String serverUrl() {
    return serverUrl;
  }

  /** The API key; never print it. */
  public String apiKey() {
    return apiKey;
  }

  /** How to reach the REST API: URL, key, timeouts, attempts, concurrency. */
  public ApiOptions api() {
    return api;
  }

  /** The {@code tags} filter, or null when not given. */
  public List<String> tags() {
    return tags;
  }

  public String filenamePattern() {
    return filenamePattern;
  }

  public Boolean hasAnnotations() {
    return hasAnnotations;
  }

  public List<String> annotationNames() {
    return annotationNames;
  }

  public boolean includeUnannotated() {
    return includeUnannotated;
  }

  public ReadMode mode() {
    return mode;
  }

  public long targetPartitionBytes() {
    return targetPartitionBytes;
  }

  /** Which SDK dataset class the read behaves as. */
  public DatasetKind dataset() {
    return dataset;
  }

  public boolean returnMetainfo() {
    return returnMetainfo;
  }

  public long maxDecodedBytes() {
    return maxDecodedBytes;
  }

  public int batchSize() {
    return batchSize;
  }

  /** The plane to slice volumes along, or null to read them whole. */
  public SlicePlane slicePlane() {
    return slicePlane;
  }

  /** Whether videos and multi-frame DICOM are read one row per frame. */
  public boolean frameByFrame() {
    return frameByFrame;
  }

  /** Target rows per input partition when slicing or reading frame by frame. */
  public int targetPartitionRows() {
    return targetPartitionRows;
  }

  /** The split options: mode, ratios, seed, patient strategy, as-of instant. */
  public SplitOptions splits() {
    return splits;
  }

  /**
   * The options of the prefetch job: from the session conf, and from the options when resolved
   * {@link #resolveForPrefetch for a prefetch}. Reads ignore them.
   */
  public PrefetchOptions prefetch() {
    return prefetch;
  }

  /** Whether a resource may give several rows (slices or frames). */
  public boolean expandsRows() {
    return slicePlane != null || frameByFrame;
  }

  /** The options of the training targets: worklists, annotation filters, masks and merge strategies. */
  public TargetOptions targets() {
    return targets;
  }

  /** Hadoop settings ({@code fs.*}) given as options or {@code spark.datamint.fs.*} conf. */
  public Map<String, String> hadoopOptions() {
    return hadoopOptions;
  }

  @Override
  public String toString() {
    return "DatamintOptions[path=" + path + ", project=" + project + ", server_url=" + serverUrl
        + ", api_key=" + (apiKey == null ? "null" : "***") + ", mode=" + mode + ", target_partition_bytes="
        + targetPartitionBytes + "]";
  }
}
