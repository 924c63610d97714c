package io.datamint.spark.internal.prefetch;

import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The prefetch jobs running on this driver, by id. A data source receives only string options, so
 * the job's plan (which can list many thousands of files) is handed to {@link PrefetchSource}
 * through this registry, under the option {@value #JOB_OPTION}, for the time of the job.
 */
final class PrefetchJobs {

  /** The option naming the job. */
  static final String JOB_OPTION = "prefetch_job";

  /** The public entry point that plans prefetch jobs, named in messages (and not imported). */
  static final String ENTRY_POINT = "io.datamint.spark.DatamintPrefetch";

  private static final Map<String, PrefetchJobSpec> JOBS = new ConcurrentHashMap<>();

  private PrefetchJobs() {}

  /** A fresh job id. */
  static String newId() {
    return UUID.randomUUID().toString();
  }

  static void register(PrefetchJobSpec spec) {
    JOBS.put(spec.jobId(), spec);
  }

  static void remove(String jobId) {
    JOBS.remove(jobId);
  }

  /** The job named by the options of a read of {@link PrefetchSource}. */
  static PrefetchJobSpec lookUp(Map<String, String> options) {
    String id = null;
    for (Map.Entry<String, String> e : options.entrySet()) {
      if (e.getKey().toLowerCase(Locale.ROOT).equals(JOB_OPTION)) {
        id = e.getValue();
      }
    }
    PrefetchJobSpec spec = id == null ? null : JOBS.get(id);
    if (spec == null) {
      throw new IllegalArgumentException(
          "the prefetch data source only runs jobs planned by "
              + ENTRY_POINT
              + ".run(spark, options, outPath); there is no prefetch job "
              + (id == null ? "named in the options" : id + " on this driver"));
    }
    return spec;
  }
}
