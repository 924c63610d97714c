package io.datamint.spark.internal.config;

import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.annotation.WorklistSelection;
import io.datamint.spark.internal.api.client.ApiSettings;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.slice.SlicePlane;
import io.datamint.spark.internal.split.NonePatientIdStrategy;
import io.datamint.spark.internal.split.ProjectSplits;
import io.datamint.spark.internal.split.SplitRatios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every option of the datamint data source, catalog and prefetch, each defined once: name, type,
 * default and documentation, in the README's order. {@link DatamintOptions} parses with these
 * definitions, its messages quote them, and the README's options table is written from {@link
 * #all()} ({@link OptionsTable}). Each constant's documentation is its {@link OptionSpec#doc()};
 * the typed groups ({@link ApiOptions}, {@link TargetOptions}, {@link SplitOptions}, {@link
 * PrefetchOptions}) read their values through these constants.
 */
final class OptionSpecs {

  private static final OptionType<Boolean> BOOL = OptionType.BOOLEAN;
  private static final OptionType<MergeStrategy> MERGE =
      OptionType.of(
          "union, intersection, mode (or none)",
          OptionSpecs::mergeStrategy,
          s -> s.name().toLowerCase(Locale.ROOT));
  private static final String BYTES_EXAMPLES =
      "a positive byte size such as 67108864, 512k, 64m or 1g";

  // ---- source ----
  public static final OptionSpec<String> PATH =
      OptionSpec.of(
          "path",
          OptionType.text("a project mirror directory or a mirror root (local path or Hadoop URI)"),
          null,
          "a project mirror, or a mirror root holding one directory per project (`load(path)` sets it)");
  public static final OptionSpec<String> PROJECT =
      OptionSpec.of(
          "project",
          OptionType.text("a project name or id"),
          null,
          "chooses the project under a mirror root (by `project.json`'s `name` or `id`), or on the server");
  public static final OptionSpec<String> SERVER_URL =
      OptionSpec.of(
              "server_url",
              OptionType.of(
                  "the Datamint API base URL, e.g. https://api.datamint.io",
                  OptionSpecs::baseUrl,
                  u -> u),
              null,
              "read from the Datamint REST API, with `project` (env `DATAMINT_API_URL`); `path` wins when both are given")
          .defaultShownAs("env `DATAMINT_API_URL`");
  public static final OptionSpec<String> API_KEY =
      OptionSpec.of(
              "api_key",
              OptionType.text("a Datamint API key"),
              null,
              "the key for `server_url`; never logged or shown (env `DATAMINT_API_KEY`)")
          .defaultShownAs("env `DATAMINT_API_KEY`");

  // ---- API client ----
  public static final OptionSpec<Duration> API_TIMEOUT =
      OptionSpec.of(
          "api_timeout",
          OptionType.DURATION_VALUE,
          ApiSettings.DEFAULT_REQUEST_TIMEOUT,
          "bound on waiting for a response, and on a pause inside a body");
  public static final OptionSpec<Duration> API_CONNECT_TIMEOUT =
      OptionSpec.of(
          "api_connect_timeout",
          OptionType.DURATION_VALUE,
          ApiSettings.DEFAULT_CONNECT_TIMEOUT,
          "bound on opening a connection");
  public static final OptionSpec<Integer> API_MAX_ATTEMPTS =
      OptionSpec.of(
          "api_max_attempts",
          OptionType.positiveInt("attempts"),
          ApiSettings.DEFAULT_MAX_ATTEMPTS,
          "attempts per request, the first included, on 429, 5xx and I/O errors (backoff with jitter, `Retry-After` "
              + "honoured up to 120 s)");
  public static final OptionSpec<Integer> API_MAX_CONCURRENT_REQUESTS =
      OptionSpec.of(
          "api_max_concurrent_requests",
          OptionType.positiveInt("requests"),
          ApiSettings.DEFAULT_MAX_CONCURRENT_REQUESTS,
          "requests in flight per JVM (all tasks of an executor together)");

  // ---- prefetch only ----
  public static final OptionSpec<Integer> PREFETCH_CONCURRENCY =
      OptionSpec.of(
              "prefetch_concurrency",
              OptionType.positiveInt("downloads in flight per executor"),
              ApiSettings.DEFAULT_MAX_CONCURRENT_REQUESTS,
              "prefetch only ([Prefetching](#prefetching-a-project-to-a-mirror)): downloads in flight per executor")
          .prefetchOnly();
  public static final OptionSpec<Integer> PREFETCH_PARTITIONS =
      OptionSpec.of(
              "prefetch_partitions",
              OptionType.positiveInt("Spark tasks"),
              null,
              "prefetch only: Spark tasks of the prefetch job (at most one per file)")
          .defaultShownAs("the cluster's default parallelism")
          .prefetchOnly();
  public static final OptionSpec<Boolean> PREFETCH_INCLUDE_ANNOTATIONS =
      OptionSpec.of(
              "prefetch_include_annotations",
              BOOL,
              true,
              "prefetch only: whether the mask files of segmentation annotations are copied too (the SDK's "
                  + "`include_annotations`)")
          .prefetchOnly();

  public static final OptionSpec<Duration> PREFETCH_PROGRESS_INTERVAL =
      OptionSpec.of(
              "prefetch_progress_interval",
              OptionType.DURATION_VALUE,
              Duration.ofSeconds(10),
              "prefetch only: how often the driver logs the job's progress (files and bytes done of the total, "
                  + "rate, ETA), from the tasks' heartbeats")
          .prefetchOnly();

  // ---- the SDK's filter() and include_unannotated ----
  public static final OptionSpec<List<String>> TAGS =
      OptionSpec.of(
          "tags",
          OptionType.list("tags"),
          null,
          "keep resources having **any** of these tags (`filter(tags=...)`); an empty list keeps none");
  public static final OptionSpec<String> FILENAME_PATTERN =
      OptionSpec.of(
          "filename_pattern",
          OptionType.verbatim("a shell pattern (*, ?, [seq], [!seq]) matched against the filename"),
          null,
          "keep resources whose filename matches, as Python's `fnmatch` on POSIX (`filter(filename_pattern=...)`)");
  public static final OptionSpec<Boolean> HAS_ANNOTATIONS =
      OptionSpec.of(
          "has_annotations",
          BOOL,
          null,
          "keep resources with / without annotations (`filter(has_annotations=...)`)");
  public static final OptionSpec<List<String>> ANNOTATION_NAMES =
      OptionSpec.of(
          "annotation_names",
          OptionType.list("annotation identifiers"),
          null,
          "keep resources with an annotation of any type whose identifier is listed (`filter(annotation_names=...)`)");
  public static final OptionSpec<Boolean> INCLUDE_UNANNOTATED =
      OptionSpec.of(
          "include_unannotated",
          BOOL,
          true,
          "keep resources without annotations (dataset constructor)");

  // ---- reading ----
  public static final OptionSpec<ReadMode> MODE =
      OptionSpec.of(
          "mode",
          OptionType.enumOf(ReadMode.class, true),
          ReadMode.PERMISSIVE,
          "what to do with a row that cannot be decoded (Spark's convention)");
  public static final OptionSpec<Long> TARGET_PARTITION_BYTES =
      OptionSpec.of(
          "target_partition_bytes",
          OptionType.bytes(Long.MAX_VALUE, BYTES_EXAMPLES),
          64L << 20,
          "resource bytes per input partition, by the resources' `size` (a read that opens no file: 5,000 resources a partition);"
              + " when not given, a read that decodes makes at least one partition per core (`defaultParallelism`), of equal estimated decode cost");
  public static final OptionSpec<DatasetKind> DATASET =
      OptionSpec.of(
          "dataset",
          OptionType.enumOf(DatasetKind.class, false),
          DatasetKind.AUTO,
          "the SDK class the read behaves as, and so the `image` shape (`ImageDataset`, `VolumeDataset`, "
              + "`VideoDataset`); `auto` chooses per resource");
  public static final OptionSpec<Boolean> RETURN_METAINFO =
      OptionSpec.of("return_metainfo", BOOL, true, "fill the `metainfo` column");
  public static final OptionSpec<PixelDtype> PIXEL_DTYPE =
      OptionSpec.of(
          "pixel_dtype",
          OptionType.enumOf(PixelDtype.class, false),
          PixelDtype.SDK,
          "the `image` element type: `sdk` as the SDK (a DICOM rescale or NIfTI scaling gives"
              + " float64, else the stored type); `native` the stored values, no rescale (slope and"
              + " intercept in `metainfo._rescale`); `float32` / `float64` every value as `sdk`'s,"
              + " converted (float32: the float64 value rounded once)");
  public static final OptionSpec<Long> MAX_DECODED_BYTES =
      OptionSpec.of(
              "max_decoded_bytes",
              OptionType.bytesCapped(
                  1L << 31,
                  DecodeLimits.DEFAULT_MAX_DECODED_BYTES,
                  BYTES_EXAMPLES
                      + ", at most 2g; 2g (or any value above "
                      + DecodeLimits.DEFAULT_MAX_DECODED_BYTES
                      + ") means "
                      + DecodeLimits.DEFAULT_MAX_DECODED_BYTES
                      + " bytes, the largest tensor one row holds (one Java array)"),
              null,
              "a file whose decoded array would be larger gets an `_error` instead of exhausting"
                  + " memory; when given, this is the limit, whatever the executor's heap")
          .defaultShownAs(
              "a quarter of the executor's heap divided among its task slots"
                  + " (`Runtime.maxMemory()` / 4 / (`spark.executor.cores` / `spark.task.cpus`)),"
                  + " at most 2g");
  public static final OptionSpec<Integer> BATCH_SIZE =
      OptionSpec.of(
          "batch_size",
          OptionType.positiveInt("rows"),
          16,
          "rows per Arrow batch (a batch also closes at 256 MiB of tensors)");
  public static final OptionSpec<SlicePlane> SLICE =
      OptionSpec.of(
          "slice",
          OptionType.of(
              "axial, coronal, sagittal, 0 (axial), 1 (coronal) or 2 (sagittal)",
              SlicePlane::parse,
              SlicePlane::label),
          null,
          "one row per slice of each DICOM and NIfTI volume, along that plane (`VolumeDataset.slice(axis)`)");
  public static final OptionSpec<Boolean> FRAME_BY_FRAME =
      OptionSpec.of(
          "frame_by_frame",
          BOOL,
          false,
          "one row per frame of each video (and multi-frame DICOM not sliced) (`VideoDataset.frame_by_frame()`)");
  public static final OptionSpec<Integer> TARGET_PARTITION_ROWS =
      OptionSpec.of(
          "target_partition_rows",
          OptionType.positiveInt("rows"),
          512,
          "slice or frame rows per input partition when slicing (a read that opens no file: 5,000 a partition);"
              + " when neither target is given, at least one partition per core");

  // ---- splits ----
  public static final OptionSpec<SplitRatios> SPLIT =
      OptionSpec.of(
          "split",
          OptionType.of(
                  "ordered ratios such as train=0.7,val=0.15,test=0.15",
                  SplitRatios::parse,
                  Object::toString)
              .explained(),
          null,
          "a local split, exactly the SDK's `split(...)` membership for the same resource order and `seed`");
  public static final OptionSpec<Long> SEED =
      OptionSpec.of("seed", OptionType.WHOLE_NUMBER, null, "the split's seed (`split(seed=...)`)")
          .defaultShownAs("random, drawn and logged");
  public static final OptionSpec<Boolean> BY_PATIENT =
      OptionSpec.of(
          "by_patient", BOOL, false, "patient-wise local split (`split(by_patient=True)`)");
  public static final OptionSpec<NonePatientIdStrategy> NONE_PATIENT_ID_STRATEGY =
      OptionSpec.of(
          "none_patient_id_strategy",
          OptionType.enumOf(NonePatientIdStrategy.class, false),
          NonePatientIdStrategy.INDIVIDUAL,
          "what a patient-wise split does with resources without a patient id");
  public static final OptionSpec<Boolean> USE_PROJECT_SPLITS =
      OptionSpec.of(
          "use_project_splits",
          BOOL,
          null,
          "the project's assignments (`splits.jsonl`, or `GET /projects/{id}/splits`) valid at `as_of_timestamp`");
  public static final OptionSpec<String> AS_OF_TIMESTAMP =
      OptionSpec.of(
              "as_of_timestamp",
              OptionType.of(
                  "an ISO-8601 instant such as 2026-04-15T09:30:00Z", OptionSpecs::instant, t -> t),
              null,
              "the instant project splits are read as of (passed to the API unchanged, recorded in `split_as_of_timestamp`);"
                  + " alone it selects project splits")
          .defaultShownAs("now");
  public static final OptionSpec<Boolean> USE_SERVER_SPLITS =
      OptionSpec.of(
          "use_server_splits",
          BOOL.accepting("true or false (deprecated)"),
          null,
          "the deprecated `split:*` tags (a resource with two such tags gives two rows)");

  // ---- targets ----
  public static final OptionSpec<WorklistSelection> WORKLISTS =
      OptionSpec.of(
          "worklists",
          OptionType.of(
                  "all, none (infer labels from the data), or a list of worklist ids or names",
                  OptionSpecs::worklists,
                  w -> "all")
              .explained(),
          WorklistSelection.all(),
          "where label sets come from: the worklists' specs and segmentation groups, or (`none`) the data");
  public static final OptionSpec<List<String>> INCLUDE_ANNOTATORS =
      names(
          "include_annotators",
          "keep only annotations by these authors (`created_by`; null authors are kept)");
  public static final OptionSpec<List<String>> EXCLUDE_ANNOTATORS =
      names(
          "exclude_annotators",
          "drop annotations by these authors (`created_by`; null authors are kept)");
  public static final OptionSpec<List<String>> INCLUDE_SEGMENTATION_NAMES =
      names("include_segmentation_names", "keep only segmentations with these identifiers");
  public static final OptionSpec<List<String>> EXCLUDE_SEGMENTATION_NAMES =
      names("exclude_segmentation_names", "drop segmentations with these identifiers");
  public static final OptionSpec<List<String>> INCLUDE_IMAGE_LABEL_NAMES =
      names(
          "include_image_label_names",
          "keep only image labels and categories with these identifiers");
  public static final OptionSpec<List<String>> EXCLUDE_IMAGE_LABEL_NAMES =
      names("exclude_image_label_names", "drop image labels and categories with these identifiers");
  public static final OptionSpec<List<String>> INCLUDE_FRAME_LABEL_NAMES =
      names("include_frame_label_names", "keep only frame labels with these identifiers");
  public static final OptionSpec<List<String>> EXCLUDE_FRAME_LABEL_NAMES =
      names("exclude_frame_label_names", "drop frame labels with these identifiers");
  public static final OptionSpec<Boolean> ALLOW_EXTERNAL_ANNOTATIONS =
      OptionSpec.of(
          "allow_external_annotations",
          BOOL,
          false,
          "keep annotations outside the label sets (and append them to the sets)");
  public static final OptionSpec<List<String>> TRUSTED_ANNOTATION_SOURCES =
      OptionSpec.of(
              "trusted_annotation_sources",
              OptionType.list("annotation sources"),
              null,
              "keep only annotations whose `source` is one of these (annotations without a `source`"
                  + " are always kept); `all` keeps every source. The SDK's default since v2.18.1 is"
                  + " `imported,manual`; the connector keeps the seed's behaviour, every source, unless"
                  + " asked (see docs/annotations.md)")
          .defaultShownAs("`all`");
  public static final OptionSpec<Boolean> RETURN_SEGMENTATIONS =
      OptionSpec.of(
          "return_segmentations", BOOL, true, "the `segmentations` and `seg_labels` columns");
  public static final OptionSpec<Boolean> RETURN_AS_SEMANTIC_SEGMENTATION =
      OptionSpec.of(
          "return_as_semantic_segmentation",
          BOOL,
          false,
          "semantic masks `(L+1, ...)` instead of instance masks (needs `return_segmentations`)");
  public static final OptionSpec<MergeStrategy> SEMANTIC_SEG_MERGE_STRATEGY =
      OptionSpec.of(
          "semantic_seg_merge_strategy",
          MERGE,
          null,
          "merge the authors' semantic masks into one (needs `return_as_semantic_segmentation`)");
  public static final OptionSpec<MergeStrategy> IMAGE_LABELS_MERGE_STRATEGY =
      OptionSpec.of(
          "image_labels_merge_strategy",
          MERGE,
          null,
          "merge the annotators' image labels into one value");
  public static final OptionSpec<MergeStrategy> IMAGE_CATEGORIES_MERGE_STRATEGY =
      OptionSpec.of(
          "image_categories_merge_strategy",
          MERGE,
          null,
          "merge the annotators' image categories into one value");

  public static final OptionSpec<Boolean> RETURN_BOXES =
      OptionSpec.of(
          "return_boxes",
          BOOL,
          false,
          "the `boxes`, `box_labels` and `box_frames` columns, from `square` annotations");

  private static final Map<String, OptionSpec<?>> ALL =
      index(
          PATH,
          PROJECT,
          SERVER_URL,
          API_KEY,
          API_TIMEOUT,
          API_CONNECT_TIMEOUT,
          API_MAX_ATTEMPTS,
          API_MAX_CONCURRENT_REQUESTS,
          PREFETCH_CONCURRENCY,
          PREFETCH_PARTITIONS,
          PREFETCH_INCLUDE_ANNOTATIONS,
          PREFETCH_PROGRESS_INTERVAL,
          TAGS,
          FILENAME_PATTERN,
          HAS_ANNOTATIONS,
          ANNOTATION_NAMES,
          INCLUDE_UNANNOTATED,
          MODE,
          TARGET_PARTITION_BYTES,
          DATASET,
          RETURN_METAINFO,
          PIXEL_DTYPE,
          MAX_DECODED_BYTES,
          BATCH_SIZE,
          SLICE,
          FRAME_BY_FRAME,
          TARGET_PARTITION_ROWS,
          SPLIT,
          SEED,
          BY_PATIENT,
          NONE_PATIENT_ID_STRATEGY,
          USE_PROJECT_SPLITS,
          AS_OF_TIMESTAMP,
          USE_SERVER_SPLITS,
          WORKLISTS,
          INCLUDE_ANNOTATORS,
          EXCLUDE_ANNOTATORS,
          INCLUDE_SEGMENTATION_NAMES,
          EXCLUDE_SEGMENTATION_NAMES,
          INCLUDE_IMAGE_LABEL_NAMES,
          EXCLUDE_IMAGE_LABEL_NAMES,
          INCLUDE_FRAME_LABEL_NAMES,
          EXCLUDE_FRAME_LABEL_NAMES,
          ALLOW_EXTERNAL_ANNOTATIONS,
          TRUSTED_ANNOTATION_SOURCES,
          RETURN_SEGMENTATIONS,
          RETURN_AS_SEMANTIC_SEGMENTATION,
          SEMANTIC_SEG_MERGE_STRATEGY,
          IMAGE_LABELS_MERGE_STRATEGY,
          IMAGE_CATEGORIES_MERGE_STRATEGY,
          RETURN_BOXES);

  private OptionSpecs() {}

  /** Every option by its lower-case name, in documentation order. */
  public static Map<String, OptionSpec<?>> all() {
    return ALL;
  }

  /** The option named {@code key} (lower case), or null. */
  public static OptionSpec<?> find(String key) {
    return ALL.get(key);
  }

  /** The names of the prefetch-only options, in documentation order. */
  public static List<String> prefetchOnlyNames() {
    List<String> names = new ArrayList<>();
    ALL.values().stream().filter(OptionSpec::isPrefetchOnly).forEach(s -> names.add(s.name()));
    return Collections.unmodifiableList(names);
  }

  private static OptionSpec<List<String>> names(String name, String doc) {
    return OptionSpec.of(name, OptionType.list("names"), null, doc);
  }

  private static Map<String, OptionSpec<?>> index(OptionSpec<?>... specs) {
    Map<String, OptionSpec<?>> map = new LinkedHashMap<>();
    for (OptionSpec<?> spec : specs) {
      if (map.put(spec.name(), spec) != null) {
        throw new IllegalStateException("option " + spec.name() + " is defined twice");
      }
    }
    return Collections.unmodifiableMap(map);
  }

  private static String baseUrl(String text) {
    String url = text.trim();
    if (url.isEmpty()) {
      return null;
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  private static String instant(String text) {
    String trimmed = text.trim();
    ProjectSplits.parseTimestamp(trimmed, "as_of_timestamp");
    return trimmed;
  }

  private static MergeStrategy mergeStrategy(String text) {
    if (text.isBlank() || text.trim().equalsIgnoreCase("none")) {
      return null;
    }
    return MergeStrategy.valueOf(text.trim().toUpperCase(Locale.ROOT));
  }

  private static WorklistSelection worklists(String text) {
    String v = text.trim();
    if (v.equalsIgnoreCase("all")) {
      return WorklistSelection.all();
    }
    if (v.equalsIgnoreCase("none")) {
      return WorklistSelection.inferred();
    }
    return WorklistSelection.of(OptionType.list("worklist ids or names").parse(v));
  }
}
