package io.datamint.spark.python;

import io.datamint.spark.DatamintLineage;
import io.datamint.spark.DatamintPrefetch;
import io.datamint.spark.DatamintSplits;
import io.datamint.spark.internal.config.DatamintOptions;
import io.datamint.spark.internal.prefetch.ProjectPrefetch;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.lineage.DatasetLineage;
import io.datamint.spark.prefetch.PrefetchReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The JVM side of the {@code datamint_spark} Python package: every call it makes through py4j goes
 * through this class, with arguments py4j converts from Python ({@code str}, {@code int}, {@code
 * bool}, {@code dict} of strings) and results it can hand back (strings, DataFrames, the server).
 * The Java entry points it wraps ({@code DatamintSplits}, {@code DatamintPrefetch}) keep their own
 * documentation.
 */
public final class PythonBridge {

  private PythonBridge() {}

  /** The name of every option of the data source, catalog and prefetch. */
  public static List<String> optionNames() {
    return DatamintOptions.names();
  }

  /**
   * Writes the sample project (the quickstart's CT volumes, radiographs and ultrasound clips with
   * their annotations and split history) as a project mirror.
   *
   * @param dir the directory to write; created, and it must be empty or an earlier sample
   * @param seed the seed of every id and pixel
   * @return the project's name
   */
  public static String writeSampleProject(String dir, long seed) {
    try {
      SampleProject.write(Path.of(dir), seed);
      return SampleProject.NAME;
    } catch (IOException e) {
      throw new UncheckedIOException("could not write the sample project to " + dir, e);
    }
  }

  /**
   * Saves the local split the read options define as the project's split assignments, as the SDK's
   * {@code SplitResult.save()}.
   *
   * @return the instant recorded as {@code created_at}, in the SDK's format
   */
  public static String saveSplit(
      SparkSession spark, Map<String, String> options, boolean force, String createdBy) {
    return DatamintSplits.save(spark, options, force, createdBy);
  }

  /**
   * The MLflow lineage of the read the options define, or of its split {@code split} (null: the
   * whole read), as the SDK's {@code build_mlflow_dataset()}.
   */
  public static DatasetLineage lineage(
      SparkSession spark, Map<String, String> options, String split) {
    return DatamintLineage.of(spark, options, split);
  }

  /**
   * The progress line of the prefetch running on this driver (files and bytes done of the total,
   * rate, ETA), or null; the Python package polls it from a thread of its own while {@link
   * #prefetch} runs.
   */
  public static String prefetchProgress() {
    return ProjectPrefetch.progress();
  }

  /**
   * Runs the cluster prefetch of a project from the Datamint API into a mirror.
   *
   * @return the report (counts, bytes, failures, {@code summary()}, {@code toDataFrame(spark)})
   */
  public static PrefetchReport prefetch(
      SparkSession spark, Map<String, String> options, String outPath) {
    return DatamintPrefetch.run(spark, options, outPath);
  }

  /**
   * Starts serving the partitions of {@code frame} as Arrow record batches.
   *
   * @see ArrowPartitionServer#start(Dataset, String)
   */
  public static ArrowPartitionServer servePartitions(Dataset<Row> frame, String bindHost)
      throws IOException {
    return ArrowPartitionServer.start(frame, bindHost);
  }
}
