package io.datamint.spark.bench;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

/** Renders the benchmark results as the Markdown of {@code BENCHMARKS.md}. */
final class BenchmarkReport {

  private BenchmarkReport() {}

  static String markdown(
      List<DecodeBenchmark.Result> decode,
      List<SparkImageComparison.Result> spark,
      List<SliceBenchmark.Result> slices,
      List<PrefetchBenchmark.Result> prefetch,
      double seconds) {
    StringBuilder md = new StringBuilder();
    md.append("# Benchmarks\n\n")
        .append("Written by `bin/datamint-bench` on ")
        .append(LocalDate.now())
        .append(", ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" cores, Java ")
        .append(System.getProperty("java.version"))
        .append(", ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.arch"))
        .append(
            ". Numbers from one run on a shared machine: compare rows of the same run, not runs.\n\n");
    md.append("## Decoding, one thread\n\n")
        .append(
            "Decoded MB/s counts the bytes of the decoded array; both columns include reading the file from the page cache. The ceiling is reading the same file ")
        .append(
            "(and inflating it when it is gzip) without decoding, expressed in the same decoded bytes; each ")
        .append(
            String.format(Locale.ROOT, "measurement runs for %.1f s after a warm-up.%n%n", seconds))
        .append(
            "| format | file | file bytes | decoded (N, C, H, W) | decoded MB/s | ceiling MB/s |\n")
        .append("|---|---|---:|---|---:|---:|\n");
    for (DecodeBenchmark.Result r : decode) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %,d | %s | %.1f | %.1f |%n",
              r.format(),
              r.file(),
              r.fileBytes(),
              r.shape(),
              r.decodeMbS(),
              r.ceilingMbS()));
    }
    md.append("\n## Beside Spark's `image` source, one core (`local[1]`)\n\n")
        .append("The same files read by both sources, every image's pixel bytes materialized ")
        .append(
            "(`sum(length(image.data))`). Spark's source returns 8-bit BGR; the datamint source returns the ")
        .append("native type in RGB channel order as `(C, H, W)`.\n\n")
        .append(
            "| source | files | images | seconds | images/s | decoded MB/s |\n|---|---|---:|---:|---:|---:|\n");
    for (SparkImageComparison.Result r : spark) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | %d | %.2f | %.1f | %.1f |%n",
              r.source(),
              r.files(),
              r.images(),
              r.seconds(),
              r.imagesPerSecond(),
              r.mbPerSecond()));
    }
    md.append("\n## Slicing volumes into rows, one core (`local[1]`)\n\n")
        .append(
            "12 NIfTI volumes of 256 x 256 x 48 int16, read whole (one `(1, 48, 256, 256)` row each) and with ")
        .append(
            "`slice=axial` (48 `(1, 256, 256)` rows each), every row's pixels materialized; the second of two ")
        .append(
            "rounds. Each volume is decoded once in both reads; the reader holds one decoded volume plus the ")
        .append(
            "batch being built. Peak heap is the JVM's (driver and executor share it in local mode), reset ")
        .append("before each read.\n\n")
        .append(
            "| read | rows | seconds | rows/s | decoded MB/s | peak heap MB |\n|---|---:|---:|---:|---:|---:|\n");
    for (SliceBenchmark.Result r : slices) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %.1f | %.1f | %.0f |%n",
              r.read(),
              r.rows(),
              r.seconds(),
              r.rows() / r.seconds(),
              r.bytes() / r.seconds() / 1e6,
              r.peakHeapBytes() / 1e6));
    }
    md.append("\n## Prefetch from the API, one executor core (`local[1]`)\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "A project of %d files of %d KiB served by `bin/datamint-server` on "
                    + "127.0.0.1 with %d ms added to every request (`--faults slowMs=%d,slowRate=1`), standing in for the "
                    + "round trip to a remote API. The SDK's `prefetch()` downloads one file after another; the prefetch job "
                    + "keeps `prefetch_concurrency` downloads in flight per executor (here one task, so one executor's worth). "
                    + "Seconds include listing the project and, for the job, writing the metadata files; every file is "
                    + "written through a temporary name and renamed.%n%n",
                BenchmarkMain.PREFETCH_FILES,
                BenchmarkMain.PREFETCH_FILE_BYTES >> 10,
                BenchmarkMain.PREFETCH_LATENCY_MS,
                BenchmarkMain.PREFETCH_LATENCY_MS))
        .append(
            "| run | downloads in flight | files | MB downloaded | seconds | files/s | MB/s |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (PrefetchBenchmark.Result r : prefetch) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %d | %.1f | %.2f | %.1f | %.1f |%n",
              r.run(),
              r.concurrency(),
              r.files(),
              r.bytes() / 1e6,
              r.seconds(),
              r.files() / r.seconds(),
              r.bytes() / 1e6 / r.seconds()));
    }
    return md.toString();
  }
}
