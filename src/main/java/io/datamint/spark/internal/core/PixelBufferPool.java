package io.datamint.spark.internal.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The byte arrays one read task's decodes write their pixel arrays into, reused from resource to
 * resource instead of allocated (and zero-filled, and moved by the garbage collector) per row.
 *
 * <p>An array taken is <em>lent</em> until {@link #recycle()}, which the owner calls only when no
 * row still needs any lent array (the task's reader: when it moves to the next resource, every row
 * of the last one copied into Arrow); only then may it be handed out again. Arrays are matched by
 * exact length (a pixel array's buffer is exactly its bytes). The arrays lent and kept free
 * together stay within {@link #capacity()} bytes: beyond it {@link #take} answers null and the
 * caller allocates as before, outside the pool. Only the thread that made the pool takes from it (a
 * decode on another thread, such as one under a time limit that may outlive its call, gets null),
 * so the pool needs no locking. {@link #close()} ends the pool at the end of the task: its free
 * arrays go to the JVM's {@link SpareArrays}, where the pools of later tasks find them before they
 * allocate.
 */
public final class PixelBufferPool {

  private final long capacity;
  private final SpareArrays spares;
  private final Thread owner;
  private final List<byte[]> lent = new ArrayList<>();
  private final List<byte[]> free = new ArrayList<>();
  private long lentBytes;
  private long freeBytes;
  private long reuses;
  private boolean closed;

  /**
   * A pool for the calling thread, on its own (no spares from earlier pools).
   *
   * @param capacity the most bytes it lends and keeps together
   */
  public PixelBufferPool(long capacity) {
    this(capacity, null);
  }

  /**
   * A pool for the calling thread that takes arrays from {@code spares} before it allocates and
   * gives its free arrays back to them when it closes.
   *
   * @param capacity the most bytes it lends and keeps together
   * @param spares where the arrays of earlier pools are, or null
   */
  public PixelBufferPool(long capacity, SpareArrays spares) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
    this.spares = spares;
    this.owner = Thread.currentThread();
  }

  /** The most bytes this pool lends and keeps together. */
  public long capacity() {
    return capacity;
  }

  /**
   * An array of exactly {@code bytes} bytes, lent until the next {@link #recycle()}: a free one
   * when there is one, else a spare of an earlier pool (either all zeros when {@code zeroed},
   * otherwise with whatever it held), else a new one; or null when the caller is not the owner
   * thread, the pool is closed, or the array would take the pool past its capacity.
   */
  public byte[] take(int bytes, boolean zeroed) {
    if (closed || Thread.currentThread() != owner || bytes <= 0) {
      return null;
    }
    byte[] array = takeFree(bytes);
    if (array == null) {
      while (lentBytes + freeBytes + bytes > capacity && !free.isEmpty()) {
        freeBytes -= free.remove(0).length; // the least recently freed go first
      }
      if (lentBytes + freeBytes + bytes > capacity) {
        return null;
      }
      array = spares == null ? null : spares.take(bytes);
    }
    if (array != null) {
      reuses++;
      if (zeroed) {
        Arrays.fill(array, (byte) 0);
      }
    } else {
      array = new byte[bytes];
    }
    lent.add(array);
    lentBytes += bytes;
    return array;
  }

  private byte[] takeFree(int bytes) {
    for (int i = free.size() - 1; i >= 0; i--) {
      if (free.get(i).length == bytes) {
        freeBytes -= bytes;
        return free.remove(i);
      }
    }
    return null;
  }

  /**
   * Takes back every lent array, to be handed out again. The caller guarantees that nothing reads
   * or writes them any more.
   */
  public void recycle() {
    // the most recently freed are last in the list: taken first (warm in the caches), dropped last
    free.addAll(lent);
    freeBytes += lentBytes;
    lent.clear();
    lentBytes = 0;
  }

  /** Arrays lent since the last {@link #recycle()}. */
  public int lentCount() {
    return lent.size();
  }

  /** How many times {@link #take} handed out an array again (its own or a spare). */
  public long reuses() {
    return reuses;
  }

  /** Bytes kept free for reuse. */
  public long freeBytes() {
    return freeBytes;
  }

  /**
   * Lends no array from now on and gives the free ones to the spares (when called by the owner
   * thread; arrays still lent are dropped: call {@link #recycle()} first when nothing uses them).
   */
  public void close() {
    if (!closed && spares != null && Thread.currentThread() == owner) {
      spares.give(free);
    }
    closed = true;
    lent.clear();
    free.clear();
    lentBytes = 0;
    freeBytes = 0;
  }
}
