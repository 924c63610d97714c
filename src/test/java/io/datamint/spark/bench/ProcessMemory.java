package io.datamint.spark.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** This process's resident memory from {@code /proc/self/status} (Linux), for the benchmarks. */
final class ProcessMemory {

  private ProcessMemory() {}

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
