package io.datamint.spark.internal.api.client;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counters of the API traffic one unit of work causes (a Spark task's reads, a prefetch task's
 * downloads): requests sent, retries, 429 and 5xx answers, requests that finally failed, time spent
 * backing off and waiting for a request slot ({@code api_max_concurrent_requests}), and files
 * fetched.
 *
 * <p>The JVM's transport is shared by every task of an executor, so it does not own these counters:
 * a task makes its own, {@linkplain #bind() binds} them to the threads that call the API, and the
 * transport adds to whatever counters the calling thread holds (none: nothing is counted). No
 * mutable object is shared between the driver and the executors, nor between tasks. Thread-safe: a
 * task's download threads may all add to the same counters.
 */
public final class ApiCallStats {

  private static final ThreadLocal<ApiCallStats> BOUND = new ThreadLocal<>();

  private final LongAdder requests = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder throttled = new LongAdder();
  private final LongAdder serverErrors = new LongAdder();
  private final LongAdder failedCalls = new LongAdder();
  private final LongAdder backoffNanos = new LongAdder();
  private final LongAdder slotWaitNanos = new LongAdder();
  private final LongAdder filesFetched = new LongAdder();

  /** Restores the counters a thread held before {@link #bind()}. */
  @FunctionalInterface
  public interface Binding extends AutoCloseable {
    @Override
    void close();
  }

  /**
   * Makes these the counters of the calling thread until the binding is closed (which restores the
   * ones it held before, so bindings nest).
   */
  public Binding bind() {
    ApiCallStats previous = BOUND.get();
    BOUND.set(this);
    return () -> {
      if (previous == null) {
        BOUND.remove();
      } else {
        BOUND.set(previous);
      }
    };
  }

  /** The counters bound to the calling thread, or null. */
  static ApiCallStats current() {
    return BOUND.get();
  }

  /** Requests sent (every attempt, retries included). */
  public long requests() {
    return requests.sum();
  }

  /** Attempts that were followed by another one. */
  public long retries() {
    return retries.sum();
  }

  /** Answers {@code 429 Too Many Requests}. */
  public long throttled() {
    return throttled.sum();
  }

  /** Answers with a 5xx status. */
  public long serverErrors() {
    return serverErrors.sum();
  }

  /** Calls that failed after their last attempt (or with an error that is not retried). */
  public long failedCalls() {
    return failedCalls.sum();
  }

  /** Nanoseconds waited between attempts. */
  public long backoffNanos() {
    return backoffNanos.sum();
  }

  /** Nanoseconds waited for a request slot ({@code api_max_concurrent_requests}). */
  public long slotWaitNanos() {
    return slotWaitNanos.sum();
  }

  /** Files (resource files, masks) fetched through the API. */
  public long filesFetched() {
    return filesFetched.sum();
  }

  void sent() {
    requests.increment();
  }

  void answered(int status) {
    if (status == 429) {
      throttled.increment();
    } else if (status >= 500) {
      serverErrors.increment();
    }
  }

  void retried(long backoffNanos) {
    retries.increment();
    this.backoffNanos.add(backoffNanos);
  }

  void failed() {
    failedCalls.increment();
  }

  void waitedForSlot(long nanos) {
    slotWaitNanos.add(nanos);
  }

  void fetchedFile() {
    filesFetched.increment();
  }
}
