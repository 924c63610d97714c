package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A time limit on a call into a third-party decoder that may never return on corrupt input (JJ2000,
 * the JPEG 2000 decoder, loops without end on some codestreams whose packet headers are cut short).
 * The call runs on a worker thread while the task's thread waits: a call that returns or throws in
 * time is handed back as if made directly (its errors unchanged, so the decoder boundary judges
 * them as before); one that does not becomes the row's {@link DecodeException}, and its worker is
 * interrupted and then stopped.
 *
 * <p>Stopping a thread is the only way to end a loop in code that is not ours and never looks at
 * its interrupt flag. It is safe here: the looping code holds only the state of its own reader,
 * which is discarded. Java 20 and later no longer stop threads; there the worker is left running (a
 * daemon, logged once per call) so that the task can go on, which keeps one core busy until the
 * executor ends: the lesser harm next to a task that never ends.
 */
public final class DecodeTimeLimit {

  private static final Logger LOG = LoggerFactory.getLogger(DecodeTimeLimit.class);

  private static final ExecutorService WORKERS = Executors.newCachedThreadPool(new Workers());

  private final Duration limit;

  private DecodeTimeLimit(Duration limit) {
    this.limit = limit;
  }

  /** A call into a decoder: its result, or the decoder's own failure. */
  @FunctionalInterface
  public interface Call<T> {
    T run() throws DecodeException;
  }

  /**
   * The limit for decoding {@code samples} samples: half a minute, and 5 microseconds a sample on
   * top (the slowest decoder this guards, JJ2000, needs about a quarter of one), so that only a
   * decoder that has stopped making progress reaches it, even on a loaded executor.
   */
  public static DecodeTimeLimit forSamples(long samples) {
    return new DecodeTimeLimit(
        Duration.ofSeconds(30).plus(Duration.ofNanos(Math.multiplyExact(samples, 5_000L))));
  }

  /** A limit of exactly {@code limit} (tests). */
  static DecodeTimeLimit of(Duration limit) {
    return new DecodeTimeLimit(limit);
  }

  /** The limit. */
  public Duration limit() {
    return limit;
  }

  /**
   * Runs {@code call} within the limit.
   *
   * @param what what is being decoded, starting the message, e.g. "JPEG 2000 frame 3"
   * @throws DecodeException the call's own, or when it did not finish in time
   */
  public <T> T run(String what, Call<T> call) throws DecodeException {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    Running running = new Running();
    Future<T> future =
        WORKERS.submit(
            () -> {
              Thread worker = Thread.currentThread();
              ClassLoader previous = worker.getContextClassLoader();
              worker.setContextClassLoader(loader);
              running.begin(worker);
              try {
                return call.run();
              } finally {
                running.end();
                worker.setContextClassLoader(previous);
              }
            });
    try {
      return future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } catch (ExecutionException e) {
      throw rethrown(e.getCause());
    } catch (TimeoutException e) {
      future.cancel(true);
      String stopped = running.stop();
      throw new DecodeException(
          what
              + " did not finish decoding within "
              + limit.toSeconds()
              + " s, so its data is taken to be corrupt (the decoder was "
              + stopped
              + ")");
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new DecodeException("decoding " + what + " was interrupted", e);
    }
  }

  private static DecodeException rethrown(Throwable cause) {
    if (cause instanceof DecodeException decode) {
      return decode;
    }
    if (cause instanceof RuntimeException runtime) {
      throw runtime;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    // Call.run declares only DecodeException: anything else is a checked exception thrown sneakily.
    return new DecodeException("the decoder failed: " + cause.getMessage(), cause);
  }

  /** Daemon worker threads. */
  private static final class Workers implements ThreadFactory {

    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "datamint-decode-limit-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  }

  /**
   * The thread of one call while it runs, so that only that call, and not a later one on the same
   * worker, is stopped.
   */
  private static final class Running {

    private Thread thread;
    private boolean ended;

    synchronized void begin(Thread worker) {
      thread = worker;
    }

    synchronized void end() {
      ended = true;
    }

    /**
     * Stops the call's thread if the call still runs (the decoders this guards ignore the interrupt
     * that cancelling sent).
     *
     * @return how it ended, completing "the decoder was ..."
     */
    synchronized String stop() {
      if (thread == null || ended) {
        return "stopped";
      }
      try {
        stopThread(thread);
        return "stopped";
      } catch (UnsupportedOperationException e) {
        LOG.warn(
            "A decoder call ran past its time limit and cannot be stopped on this Java version;"
                + " its thread {} stays busy until the executor exits",
            thread.getName());
        return "left running: this Java version cannot stop a thread";
      }
    }

    @SuppressWarnings({"deprecation", "removal"})
    private static void stopThread(Thread thread) {
      thread.stop();
    }
  }
}
