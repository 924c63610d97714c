package io.datamint.spark.internal.core;

import java.lang.ref.SoftReference;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.Iterator;

/**
 * The free arrays of closed {@link PixelBufferPool}s, kept for the next pools of this JVM, so that
 * a task that decodes one photo or slice finds the array an earlier task of the executor decoded
 * into, instead of allocating (and zero-filling) one of its own: with small partitions every task
 * would otherwise start with an empty pool.
 *
 * <p>The arrays are held softly (the garbage collector takes them before it would run out of heap)
 * and at most {@link #maxBytes()} together; beyond that the least recently given go first. An array
 * is taken by exact length, the most recently given first (warm in the caches). Thread-safe: the
 * tasks of an executor close and open their pools on their own threads.
 */
public final class SpareArrays {

  /** This JVM's spares: at most 64 MiB, the bound of one task's pool. */
  public static final SpareArrays SHARED = new SpareArrays(64L << 20);

  /** An array given: softly held, with its length (kept when the reference is cleared). */
  private record Spare(SoftReference<byte[]> array, int length) {}

  private final long maxBytes;
  private final Deque<Spare> spares = new ArrayDeque<>();
  private long bytes;

  /**
   * Spares of at most {@code maxBytes} together.
   *
   * @throws IllegalArgumentException when {@code maxBytes} is negative
   */
  public SpareArrays(long maxBytes) {
    if (maxBytes < 0) {
      throw new IllegalArgumentException("maxBytes must not be negative: " + maxBytes);
    }
    this.maxBytes = maxBytes;
  }

  /** The most bytes kept together. */
  public long maxBytes() {
    return maxBytes;
  }

  /**
   * Keeps {@code arrays}, which nothing reads or writes any more, dropping the least recently given
   * spares past {@link #maxBytes()} (an array longer than that is not kept).
   */
  public synchronized void give(Collection<byte[]> arrays) {
    for (byte[] array : arrays) {
      if (array.length == 0 || array.length > maxBytes) {
        continue;
      }
      while (bytes + array.length > maxBytes) {
        bytes -= spares.removeFirst().length();
      }
      spares.addLast(new Spare(new SoftReference<>(array), array.length));
      bytes += array.length;
    }
  }

  /**
   * A kept array of exactly {@code length} bytes, with whatever it held, no longer kept; or null
   * when there is none (or the collector took it).
   */
  public synchronized byte[] take(int length) {
    Iterator<Spare> newestFirst = spares.descendingIterator();
    while (newestFirst.hasNext()) {
      Spare spare = newestFirst.next();
      byte[] array = spare.array().get();
      if (array == null) { // taken by the collector: forget it
        newestFirst.remove();
        bytes -= spare.length();
      } else if (spare.length() == length) {
        newestFirst.remove();
        bytes -= spare.length();
        return array;
      }
    }
    return null;
  }

  /** The bytes of the arrays kept (some of which the collector may have taken since). */
  public synchronized long bytes() {
    return bytes;
  }

  /** Drops every spare. */
  public synchronized void clear() {
    spares.clear();
    bytes = 0;
  }
}
