package io.datamint.spark;

import io.datamint.spark.internal.prefetch.ProjectPrefetch;
import io.datamint.spark.prefetch.PrefetchReport;
import java.io.UncheckedIOException;
import java.util.Map;
import org.apache.spark.sql.SparkSession;

/**
 * Mirrors a project from the Datamint API, or the part of it that the read options select, to a
 * Hadoop file system path in the mirror format, with the downloads spread over the executors.
 *
 * <pre>{@code
 * PrefetchReport report = DatamintPrefetch.run(spark,
 *     Map.of("server_url", "https://api.datamint.io", "project", "my-project", "tags", "chest",
 *            "prefetch_concurrency", "16"),             // api_key from env DATAMINT_API_KEY
 *     "s3a://bucket/mirrors/my-project");
 * spark.read().format("datamint").load("s3a://bucket/mirrors/my-project");   // the same rows as from the API
 * }</pre>
 *
 * <p>On the driver, the project's metadata is read once and the resources are selected exactly as a
 * read with the same options selects them; each selected resource's file and, unless {@code
 * prefetch_include_annotations=false}, the mask file of each of its segmentation annotations
 * becomes a task; tasks are spread over {@code prefetch_partitions} Spark tasks balanced by bytes.
 * Each executor keeps up to {@code prefetch_concurrency} downloads in flight. A file is written
 * under a temporary name, checked against its expected size, renamed into place and then recorded
 * with the SDK's version hash in {@code .prefetch/}; a file already there at the same version is
 * skipped, so a run after a killed one fetches only what is missing. A file that fails is reported
 * in the {@link PrefetchReport} and left absent; the others go on. Last, the driver writes {@code
 * project.json}, {@code resources.jsonl}, {@code annotations.jsonl}, {@code worklists.json} and
 * {@code splits.jsonl} (each atomically). See docs/prefetch.md; {@code bin/datamint-prefetch} runs
 * the same prefetch from the command line.
 */
public final class DatamintPrefetch {

  private DatamintPrefetch() {}

  /**
   * Runs a prefetch.
   *
   * @param options the read options: {@code server_url} and {@code api_key} (or the session's
   *     {@code spark.datamint.*} conf, or env {@code DATAMINT_API_URL} / {@code DATAMINT_API_KEY}),
   *     {@code project}, the selection ({@code tags}, {@code filename_pattern}, {@code
   *     has_annotations}, {@code annotation_names}, {@code include_unannotated}, the annotation
   *     filters, {@code worklists}...), the API limits and the prefetch options ({@code
   *     prefetch_concurrency}, {@code prefetch_partitions}, {@code prefetch_include_annotations});
   *     {@code fs.*} keys configure the output file system
   * @param outPath the mirror directory to write (any Hadoop path); created when missing, updated
   *     when it holds an earlier prefetch
   * @return the report; files that failed are listed there, they do not make the call throw
   * @throws io.datamint.spark.error.OptionException for a bad option, naming it
   * @throws io.datamint.spark.error.SourceException when the project's metadata cannot be read
   * @throws UncheckedIOException when the output cannot be written
   */
  public static PrefetchReport run(
      SparkSession spark, Map<String, String> options, String outPath) {
    return ProjectPrefetch.run(spark, options, outPath);
  }

  /**
   * Checks prefetch options as {@link #run} does before it starts, without Spark or the network:
   * unknown keys (with the closest valid name), bad values, and a missing API URL or project. The
   * environment's {@code DATAMINT_API_URL} and {@code DATAMINT_API_KEY} count; the session's {@code
   * spark.datamint.*} conf, which {@code run} also reads, does not.
   *
   * @throws io.datamint.spark.error.OptionException naming the first problem
   */
  public static void validate(Map<String, String> options) {
    ProjectPrefetch.validate(options);
  }
}
