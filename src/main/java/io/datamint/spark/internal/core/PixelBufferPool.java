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
 * so the pool needs no locking. {@link #close()} drops every array at the end of the task.
 */
public final class PixelBufferPool {

  private final long capacity;
  private final Thread owner;
  private final List<byte[]> lent = new ArrayList<>();
  private final List<byte[]> free = new ArrayList<>();
  private long lentBytes;
  private long freeBytes;
  private long reuses;
  private boolean closed;

  /**
   * A pool for the calling thread.
   *
   * @param capacity the most bytes it lends and keeps together
   */
  public PixelBufferPool(long capacity) {
    if (capacity < 0) {
      throw new IllegalArgumentException("capacity must not be negative: " + capacity);
    }
    this.capacity = capacity;
    this.owner = Thread.currentThread();
  }

  /** The most bytes this pool lends and keeps together. */
  public long capacity() {
    return capacity;
  }

  /**
   * An array of exactly {@code bytes} bytes, lent until the next {@link #recycle()}: a free one
   * when there is one (all zeros when {@code zeroed}, otherwise with whatever it held), else a new
   * one; or null when the caller is not the owner thread, the pool is closed, or the array would
   * take the pool past its capacity.
   */
  public byte[] take(int bytes, boolean zeroed) {
    if (closed || Thread.currentThread() != owner || bytes <= 0) {
      return null;
    }
    byte[] array = takeFree(bytes);
    if (array != null) {
      reuses++;
      if (zeroed) {
        Arrays.fill(array, (byte) 0);
      }
    } else {
      while (lentBytes + freeBytes + bytes > capacity && !free.isEmpty()) {
        freeBytes -= free.remove(0).length; // the least recently freed go first
      }
      if (lentBytes + freeBytes + bytes > capacity) {
        return null;
      }
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

  /** How many times {@link #take} handed out an array again. */
  public long reuses() {
    return reuses;
  }

  /** Bytes kept free for reuse. */
  public long freeBytes() {
    return freeBytes;
  }

  /** Drops every array and lends none from now on. */
  public void close() {
    closed = true;
    lent.clear();
    free.clear();
    lentBytes = 0;
    freeBytes = 0;
  }
}
