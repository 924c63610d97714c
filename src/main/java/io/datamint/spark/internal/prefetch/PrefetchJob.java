package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.prefetch.PrefetchFileResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.SparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the downloads of a planned prefetch as one Spark job: a read of {@link PrefetchSource} whose
 * partition readers download, collected on the driver. The job carries a description for the Spark
 * UI, where the scan node shows the prefetch metrics; {@link PrefetchProgress} logs its progress
 * while it runs and measures its transfer time.
 */
final class PrefetchJob {

  /** The rows of the job and its scan metrics. */
  record Outcome(
      List<PrefetchFileResult> results,
      Map<String, Long> metrics,
      Duration time,
      Duration transferTime) {

    static final Outcome NOTHING = new Outcome(List.of(), Map.of(), Duration.ZERO, Duration.ZERO);
  }

  private PrefetchJob() {}

  static Outcome run(SparkSession spark, PrefetchJobSpec planned) {
    SparkContext sc = spark.sparkContext();
    String previousDescription = sc.getLocalProperty("spark.job.description");
    PrefetchProgress progress =
        PrefetchProgress.start(
            sc,
            planned.files(),
            planned.declaredBytes(),
            planned.progressInterval(),
            "prefetch progress");
    PrefetchJobSpec spec = planned.withCounters(progress.counters());
    PrefetchJobs.register(spec);
    long start = System.nanoTime();
    try {
      sc.setJobDescription(spec.description());
      Dataset<Row> rows =
          spark
              .read()
              .format(PrefetchSource.class.getName())
              .option(PrefetchJobs.JOB_OPTION, spec.jobId())
              .load();
      List<PrefetchFileResult> results = new ArrayList<>();
      for (Row row : rows.collectAsList()) {
        results.add(PrefetchRows.result(row));
      }
      Duration time = Duration.ofNanos(System.nanoTime() - start);
      progress.close(); // the last task ends are in
      return new Outcome(results, BatchScans.metrics(rows), time, progress.transferTime());
    } finally {
      progress.close();
      sc.setJobDescription(previousDescription);
      PrefetchJobs.remove(spec.jobId());
    }
  }
}
