package io.datamint.spark.internal.config;

import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.slice.SlicePlane;
import io.datamint.spark.internal.util.Suggestions;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The immutable, validated options of one read, resolved once on the driver. Every key is defined
 * once, in {@link OptionSpecs} (name, type, default, documentation); {@link #resolve} merges, in
 * increasing precedence, the {@code DATAMINT_API_URL} / {@code DATAMINT_API_KEY} environment, the
 * session conf under {@code spark.datamint.}, and the per-read options (keys are case-insensitive).
 * Options whose name starts with {@code fs.} are Hadoop settings for the mirror's FileSystem (for
 * example {@code fs.s3a.endpoint}).
 *
 * <p>An unknown key among the read options fails with the closest valid name; an unknown {@code
 * spark.datamint.*} session conf key is logged once per JVM and ignored ({@link UnknownConfKeys}).
 * Names and meanings follow the Datamint SDK's dataset constructor and {@code filter()}; the
 * README's options table is written from {@link OptionSpecs}. The API key is never printed: {@link
 * #toString()} masks it.
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

  // ---- the keys other packages name; each is defined in OptionSpecs ----
  /** {@link OptionSpecs#PATH}. */
  public static final String PATH = OptionSpecs.PATH.name();

  /** {@link OptionSpecs#PROJECT}. */
  public static final String PROJECT = OptionSpecs.PROJECT.name();

  /** {@link OptionSpecs#SERVER_URL}. */
  public static final String SERVER_URL = OptionSpecs.SERVER_URL.name();

  /** {@link OptionSpecs#API_KEY}. */
  public static final String API_KEY = OptionSpecs.API_KEY.name();

  /** Default of {@link OptionSpecs#TARGET_PARTITION_ROWS}. */
  public static final int DEFAULT_TARGET_PARTITION_ROWS =
      OptionSpecs.TARGET_PARTITION_ROWS.defaultValue();

  /** Default of {@link OptionSpecs#BATCH_SIZE}. */
  public static final int DEFAULT_BATCH_SIZE = OptionSpecs.BATCH_SIZE.defaultValue();

  /** Default of {@link OptionSpecs#TARGET_PARTITION_BYTES}. */
  public static final long DEFAULT_TARGET_PARTITION_BYTES =
      OptionSpecs.TARGET_PARTITION_BYTES.defaultValue();

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
  private final PixelDtype pixelDtype;
  private final boolean partitionTargetGiven;
  private final boolean returnMetainfo;
  private final Long maxDecodedBytes;
  private final int batchSize;
  private final TargetOptions targets;
  private final SlicePlane slicePlane;
  private final boolean frameByFrame;
  private final int targetPartitionRows;
  private final SplitOptions splits;
  private final PrefetchOptions prefetch;
  private final Map<String, String> values;

  private DatamintOptions(Map<String, String> merged, Map<String, String> hadoop) {
    this.values = Collections.unmodifiableMap(new LinkedHashMap<>(merged));
    this.path = OptionSpecs.PATH.get(merged);
    this.project = OptionSpecs.PROJECT.get(merged);
    this.serverUrl = OptionSpecs.SERVER_URL.get(merged);
    this.apiKey = OptionSpecs.API_KEY.get(merged);
    this.api = ApiOptions.parse(merged, serverUrl, apiKey);
    this.tags = OptionSpecs.TAGS.get(merged);
    this.filenamePattern = OptionSpecs.FILENAME_PATTERN.get(merged);
    this.hasAnnotations = OptionSpecs.HAS_ANNOTATIONS.get(merged);
    this.annotationNames = OptionSpecs.ANNOTATION_NAMES.get(merged);
    this.includeUnannotated = OptionSpecs.INCLUDE_UNANNOTATED.get(merged);
    this.mode = OptionSpecs.MODE.get(merged);
    this.targetPartitionBytes = OptionSpecs.TARGET_PARTITION_BYTES.get(merged);
    this.hadoopOptions = Collections.unmodifiableMap(hadoop);
    this.dataset = OptionSpecs.DATASET.get(merged);
    this.returnMetainfo = OptionSpecs.RETURN_METAINFO.get(merged);
    this.pixelDtype = OptionSpecs.PIXEL_DTYPE.get(merged);
    this.partitionTargetGiven =
        OptionSpecs.TARGET_PARTITION_BYTES.isGiven(merged)
            || OptionSpecs.TARGET_PARTITION_ROWS.isGiven(merged);
    this.maxDecodedBytes = OptionSpecs.MAX_DECODED_BYTES.get(merged);
    this.batchSize = OptionSpecs.BATCH_SIZE.get(merged);
    this.targets = TargetOptions.parse(merged);
    this.slicePlane = OptionSpecs.SLICE.get(merged);
    this.frameByFrame = OptionSpecs.FRAME_BY_FRAME.get(merged);
    this.splits = SplitOptions.parse(merged);
    this.prefetch = PrefetchOptions.parse(merged);
    this.targetPartitionRows = OptionSpecs.TARGET_PARTITION_ROWS.get(merged);
  }

  /**
   * Resolves and validates the options of a read (the data source, the catalog and its tables). A
   * prefetch-only option ({@link OptionSpec#isPrefetchOnly()}) among {@code readOptions} is
   * refused, since a read would ignore it; in the session conf ({@code spark.datamint.prefetch_*})
   * it is a default for later prefetches and is left alone.
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
   * The name of every option (read, catalog and prefetch), in the README's order: what a read or a
   * prefetch accepts, and what the Python package checks its keyword arguments against.
   */
  public static List<String> names() {
    return List.copyOf(OptionSpecs.all().keySet());
  }

  /**
   * Resolves and validates the options of a prefetch ({@code io.datamint.spark.DatamintPrefetch}):
   * the read options that choose the project and its resources, and the prefetch options of {@link
   * PrefetchOptions}.
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

  private static DatamintOptions resolve(
      Map<String, String> readOptions,
      Map<String, String> sparkConf,
      Map<String, String> env,
      boolean prefetch) {
    Map<String, String> merged = new LinkedHashMap<>();
    Map<String, String> hadoop = new TreeMap<>();
    if (env.get(ENV_API_URL) != null) {
      merged.put(SERVER_URL, env.get(ENV_API_URL));
    }
    if (env.get(ENV_API_KEY) != null) {
      merged.put(API_KEY, env.get(ENV_API_KEY));
    }
    for (Map.Entry<String, String> e : sparkConf.entrySet()) {
      String confKey = e.getKey();
      if (!confKey.startsWith(CONF_PREFIX)) {
        continue;
      }
      String key = confKey.substring(CONF_PREFIX.length());
      if (key.startsWith(HADOOP_PREFIX) || OptionSpecs.find(key.toLowerCase(Locale.ROOT)) != null) {
        put(merged, hadoop, key, e.getValue());
      } else {
        UnknownConfKeys.JVM.report(confKey, Suggestions.closest(key, OptionSpecs.all().keySet()));
      }
    }
    for (Map.Entry<String, String> e : readOptions.entrySet()) {
      OptionSpec<?> spec = OptionSpecs.find(e.getKey().toLowerCase(Locale.ROOT));
      if (spec == null && !e.getKey().startsWith(HADOOP_PREFIX)) {
        throw unknown(e.getKey());
      }
      if (!prefetch && spec != null && spec.isPrefetchOnly()) {
        throw new InvalidOptionException(
            "option \""
                + e.getKey()
                + "\" applies only to a prefetch "
                + "(io.datamint.spark.DatamintPrefetch or bin/datamint-prefetch), not to a read of the datamint "
                + "data source or catalog, which would ignore it; remove it from the read's options");
      }
      put(merged, hadoop, e.getKey(), e.getValue());
    }
    return new DatamintOptions(merged, hadoop);
  }

  /** Records a Hadoop setting, or a known option under its lower-case name. */
  private static void put(
      Map<String, String> merged, Map<String, String> hadoop, String rawKey, String value) {
    if (rawKey.startsWith(HADOOP_PREFIX)) {
      hadoop.put(rawKey, value);
      return;
    }
    String key = rawKey.toLowerCase(Locale.ROOT);
    if (value == null) {
      throw new InvalidOptionException(
          "option \"" + key + "\" has no value; accepted: " + OptionSpecs.find(key).accepts());
    }
    merged.put(key, value);
  }

  private static InvalidOptionException unknown(String rawKey) {
    String suggestion = Suggestions.closest(rawKey, OptionSpecs.all().keySet());
    return new InvalidOptionException(
        "unknown option \""
            + rawKey
            + "\" for the datamint data source"
            + (suggestion == null ? "" : "; did you mean \"" + suggestion + "\"?")
            + " Valid options: "
            + String.join(", ", OptionSpecs.all().keySet())
            + " (and Hadoop settings starting with \""
            + HADOOP_PREFIX
            + "\")");
  }

  /**
   * The annotation name filters as given, each list in its order (null when not given), by option
   * name in the SDK's order ({@code include_annotators}, {@code exclude_annotators}, then
   * segmentation, image-label and frame-label names): the SDK's dataset arguments, which its MLflow
   * lineage records as passed.
   */
  public Map<String, List<String>> nameFiltersAsGiven() {
    Map<String, List<String>> filters = new LinkedHashMap<>();
    for (OptionSpec<List<String>> spec :
        List.of(
            OptionSpecs.INCLUDE_ANNOTATORS,
            OptionSpecs.EXCLUDE_ANNOTATORS,
            OptionSpecs.INCLUDE_SEGMENTATION_NAMES,
            OptionSpecs.EXCLUDE_SEGMENTATION_NAMES,
            OptionSpecs.INCLUDE_IMAGE_LABEL_NAMES,
            OptionSpecs.EXCLUDE_IMAGE_LABEL_NAMES,
            OptionSpecs.INCLUDE_FRAME_LABEL_NAMES,
            OptionSpecs.EXCLUDE_FRAME_LABEL_NAMES)) {
      filters.put(spec.name(), spec.get(values));
    }
    return Collections.unmodifiableMap(filters);
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

  /**
   * Whether {@code target_partition_bytes} or {@code target_partition_rows} was given (as an option
   * or {@code spark.datamint.*} conf): planning then follows it alone, without making at least one
   * partition per core.
   */
  public boolean partitionTargetGiven() {
    return partitionTargetGiven;
  }

  /** Which SDK dataset class the read behaves as. */
  public DatasetKind dataset() {
    return dataset;
  }

  public boolean returnMetainfo() {
    return returnMetainfo;
  }

  /** The element type of the {@code image} column (option {@code pixel_dtype}). */
  public PixelDtype pixelDtype() {
    return pixelDtype;
  }

  /**
   * The option {@code max_decoded_bytes}, or null when not given: the executors then derive the
   * limit from their heap.
   */
  public Long maxDecodedBytes() {
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

  /**
   * The options of the training targets: worklists, annotation filters, masks and merge strategies.
   */
  public TargetOptions targets() {
    return targets;
  }

  /** Hadoop settings ({@code fs.*}) given as options or {@code spark.datamint.fs.*} conf. */
  public Map<String, String> hadoopOptions() {
    return hadoopOptions;
  }

  @Override
  public String toString() {
    return "DatamintOptions[path="
        + path
        + ", project="
        + project
        + ", server_url="
        + serverUrl
        + ", api_key="
        + (apiKey == null ? "null" : "***")
        + ", mode="
        + mode
        + ", target_partition_bytes="
        + targetPartitionBytes
        + "]";
  }
}
