package io.datamint.spark.bench;

/**
 * Runs an action repeatedly for at least a given time after a warm-up, and reports the mean seconds
 * per run.
 */
final class Stopwatch {

  /** An action that may throw. */
  @FunctionalInterface
  interface Action {
    void run() throws Exception;
  }

  private Stopwatch() {}

  /**
   * Mean seconds per run of {@code action}: runs it for {@code warmupSeconds} untimed, then as many
   * times as fit in {@code seconds} (at least 3).
   */
  static double secondsPerRun(double warmupSeconds, double seconds, Action action)
      throws Exception {
    long warmEnd = System.nanoTime() + (long) (warmupSeconds * 1e9);
    do {
      action.run();
    } while (System.nanoTime() < warmEnd);
    int runs = 0;
    long start = System.nanoTime();
    long end = start + (long) (seconds * 1e9);
    do {
      action.run();
      runs++;
    } while (System.nanoTime() < end || runs < 3);
    return (System.nanoTime() - start) / 1e9 / runs;
  }
}
