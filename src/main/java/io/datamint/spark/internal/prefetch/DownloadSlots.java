package io.datamint.spark.internal.prefetch;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Semaphore;

/**
 * The download slots of one prefetch job in this JVM: one semaphore per job, shared by all of the
 * job's tasks running in the executor, so that {@code prefetch_concurrency} bounds the downloads in
 * flight per executor rather than per task. Counted by its users and dropped when the last one is
 * done.
 */
final class DownloadSlots {

  private static final Map<String, Entry> JOBS = new HashMap<>();

  private static final class Entry {
    final Semaphore semaphore;
    int users;

    Entry(int permits) {
      this.semaphore = new Semaphore(permits, true);
    }
  }

  private DownloadSlots() {}

  /**
   * The job's semaphore in this JVM (created with {@code permits} by its first user); pair with
   * {@link #release}.
   */
  static synchronized Semaphore acquire(String jobId, int permits) {
    Entry entry = JOBS.computeIfAbsent(jobId, id -> new Entry(permits));
    entry.users++;
    return entry.semaphore;
  }

  /** One user of the job's slots is done. */
  static synchronized void release(String jobId) {
    Entry entry = JOBS.get(jobId);
    if (entry != null && --entry.users <= 0) {
      JOBS.remove(jobId);
    }
  }
}
