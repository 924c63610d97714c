package io.datamint.spark.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * This JVM's memory for the benchmarks: the heap pools' peaks (MXBeans), and the process's resident
 * memory from {@code /proc/self/status} (Linux).
 */
final class ProcessMemory {

  private ProcessMemory() {}

  /** Collects garbage, then resets the peaks of the heap pools. */
  static void resetHeapPeak() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        pool.resetPeakUsage();
      }
    }
  }

  /**
   * The sum of the heap pools' peaks since {@link #resetHeapPeak} (an upper bound of the heap's
   * peak, garbage included).
   */
  static long heapPeak() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** Resets the kernel's peak RSS of this process (VmHWM) to its current RSS, where allowed. */
  static void resetPeak() {
    try {
      Files.writeString(Path.of("/proc/self/clear_refs"), "5");
    } catch (IOException | RuntimeException e) {
      // not Linux, or not allowed: the peak is then the process's since it started
    }
  }

  /** The peak RSS (VmHWM) in bytes, -1 when unknown. */
  static long peak() throws IOException {
    return statusBytes("VmHWM:");
  }

  /** The current RSS (VmRSS) in bytes, -1 when unknown. */
  static long current() throws IOException {
    return statusBytes("VmRSS:");
  }

  /** A {@code kB} field of /proc/self/status in bytes, -1 when unknown. */
  private static long statusBytes(String field) throws IOException {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return -1;
    }
    for (String line : Files.readAllLines(status)) {
      if (line.startsWith(field)) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
      }
    }
    return -1;
  }
}
