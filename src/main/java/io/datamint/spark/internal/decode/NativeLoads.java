package io.datamint.spark.internal.decode;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Time this JVM spent loading native libraries (FFmpeg's: extracted on a cold cache, then opened;
 * once per executor JVM) that no read task has reported yet. A read task takes what is pending
 * whenever Spark asks it for its metrics, so the scan's "native library load time" sums each
 * executor's one load, counted by the first task of that executor to report after it, usually the
 * one that waited for it. A job whose first video rows are slow because the natives were being
 * extracted can be told apart from a slow decoder this way.
 */
public final class NativeLoads {

  private static final AtomicLong PENDING = new AtomicLong();

  private NativeLoads() {}

  /** A native library finished loading (or failed to) after {@code nanos}. */
  public static void loaded(long nanos) {
    PENDING.addAndGet(nanos);
  }

  /** The load time not reported yet, which is then no longer pending. */
  public static long takePending() {
    return PENDING.getAndSet(0);
  }
}
