package io.datamint.spark.internal.read.executor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.arrow.memory.ArrowBuf;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.util.ArrowUtils;

/**
 * The tensor vectors of finished partitions, kept in the executor JVM for the next partitions to
 * write into. A partition's tensor data buffer is tens to hundreds of megabytes: allocated afresh
 * for every partition it is a fresh mapping whose every page faults when the rows are written
 * (about 25 ms per 64 MB), where a buffer handed on from the last partition is already mapped. A
 * vector is lent to one partition reader at a time ({@link #take}), cleared by it for reuse, and
 * given back at its close ({@link #give}); the cache keeps at most {@link #IDLE_BYTES} of idle
 * vectors and closes any left idle for {@link #IDLE_NANOS}, so that an executor holds no buffers
 * long after its last read. The vectors are allocated from an allocator of their own (a child of
 * Spark's Arrow root allocator), not the partition's, which closes with the partition.
 */
final class TensorVectorCache {

  /**
   * The most bytes of idle vectors kept: twice a batch's tensor bound (and a mebibyte for their
   * validity, offset and shape buffers), so that two partitions' full batches, or one video of up
   * to 256 MiB read whole, find their buffers.
   */
  static final long IDLE_BYTES = 2 * ReadSettings.MAX_BATCH_TENSOR_BYTES + (1L << 20);

  /** How long an idle vector is kept before it is closed. */
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(30);

  private static TensorVectorCache shared;

  /** A vector given back: its Arrow field, its buffers' bytes and since when it is idle. */
  private record Idle(Field field, StructVector vector, long bytes, long since) {}

  private final BufferAllocator allocator;
  private final long maxIdleBytes;
  private final long idleNanos;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private long idleBytes;

  TensorVectorCache(BufferAllocator allocator, long maxIdleBytes, long idleNanos) {
    this.allocator = allocator;
    this.maxIdleBytes = maxIdleBytes;
    this.idleNanos = idleNanos;
  }

  /**
   * This JVM's cache, over a child of Spark's Arrow root allocator, swept every few seconds by a
   * daemon thread so that idle vectors are closed even when no read comes after them.
   */
  static synchronized TensorVectorCache shared() {
    if (shared == null) {
      TensorVectorCache cache =
          new TensorVectorCache(
              ArrowUtils.rootAllocator()
                  .newChildAllocator("datamint-tensor-vectors", 0, Long.MAX_VALUE),
              IDLE_BYTES,
              IDLE_NANOS);
      ScheduledExecutorService sweeper =
          Executors.newSingleThreadScheduledExecutor(
              task -> {
                Thread thread = new Thread(task, "datamint-tensor-vector-sweeper");
                thread.setDaemon(true);
                return thread;
              });
      long period = IDLE_NANOS / 3;
      sweeper.scheduleWithFixedDelay(
          () -> cache.sweep(System.nanoTime()), period, period, TimeUnit.NANOSECONDS);
      shared = cache;
    }
    return shared;
  }

  /**
   * An empty vector of {@code field}: the one given back most recently for that field, with its
   * buffers, or a new one.
   */
  synchronized StructVector take(Field field) {
    for (Iterator<Idle> it = idle.descendingIterator(); it.hasNext(); ) {
      Idle candidate = it.next();
      if (candidate.field().equals(field)) {
        it.remove();
        idleBytes -= candidate.bytes();
        return candidate.vector();
      }
    }
    return (StructVector) field.createVector(allocator);
  }

  /**
   * Takes back a vector of {@code field} that its reader no longer uses, already cleared for the
   * next rows. It is kept while the idle vectors stay within the bound (the oldest are closed to
   * make room), else closed.
   */
  synchronized void give(Field field, StructVector vector) {
    long bytes = bytes(vector);
    if (bytes > maxIdleBytes) {
      vector.close();
      return;
    }
    while (idleBytes + bytes > maxIdleBytes) {
      close(idle.removeFirst());
    }
    idle.addLast(new Idle(field, vector, bytes, System.nanoTime()));
    idleBytes += bytes;
  }

  /** Closes the vectors idle for longer than the idle time at {@code now} (nanoTime). */
  synchronized void sweep(long now) {
    while (!idle.isEmpty() && now - idle.peekFirst().since() > idleNanos) {
      close(idle.removeFirst());
    }
  }

  /** The bytes of the idle vectors' buffers. */
  synchronized long idleBytes() {
    return idleBytes;
  }

  private void close(Idle entry) {
    idleBytes -= entry.bytes();
    entry.vector().close();
  }

  /** The capacity of a vector's buffers, its children's included, whatever its value count. */
  private static long bytes(FieldVector vector) {
    long bytes = 0;
    for (ArrowBuf buffer : vector.getFieldBuffers()) {
      bytes += buffer.capacity();
    }
    for (FieldVector child : vector.getChildrenFromFields()) {
      bytes += bytes(child);
    }
    return bytes;
  }
}
