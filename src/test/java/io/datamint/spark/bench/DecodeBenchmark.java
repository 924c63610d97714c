package io.datamint.spark.bench;

import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.FormatDetector;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Decoded MB/s per core for each format, on one thread, beside the ceiling measured in the same
 * run. Both sides read the file from disk (the page cache, after the warm-up); the decode side then
 * decodes it, the ceiling side only inflates it when it is gzip. Throughput counts decoded bytes on
 * both sides.
 */
final class DecodeBenchmark {

  /** One measured file. */
  record Result(
      String format,
      String file,
      long fileBytes,
      long decodedBytes,
      String shape,
      double decodeMbS,
      double ceilingMbS) {}

  private static final DecodeLimits LIMITS = DecodeLimits.defaults();

  private DecodeBenchmark() {}

  static List<Result> run(List<Path> files, double seconds) throws Exception {
    List<Result> out = new ArrayList<>();
    for (Path file : files) {
      byte[] bytes = Files.readAllBytes(file);
      FileFormat format =
          FormatDetector.detect(bytes, bytes.length, null, file.getFileName().toString());
      DecodedResource probe = Decoders.forFormat(format).decode(bytes, bytes.length, LIMITS);
      long decodedBytes = probe.pixels().data().limit();
      double decode =
          Stopwatch.secondsPerRun(
              seconds / 4,
              seconds,
              () -> {
                byte[] fresh = Files.readAllBytes(file);
                Decoders.forFormat(format).decode(fresh, fresh.length, LIMITS);
              });
      boolean gzip = (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
      double ceiling =
          Stopwatch.secondsPerRun(seconds / 4, seconds, () -> readAndInflate(file, gzip));
      out.add(
          new Result(
              label(format, file),
              file.getFileName().toString(),
              bytes.length,
              decodedBytes,
              probe.pixels().dtype().numpyName()
                  + " "
                  + java.util.Arrays.toString(probe.pixels().shape()),
              decodedBytes / decode / 1e6,
              decodedBytes / ceiling / 1e6));
      System.err.printf(
          Locale.ROOT,
          "%-14s %-48s %8.1f MB/s (ceiling %8.1f MB/s)%n",
          label(format, file),
          file.getFileName(),
          decodedBytes / decode / 1e6,
          decodedBytes / ceiling / 1e6);
    }
    return out;
  }

  /** The ceiling: the file from disk, inflated when it is gzip, and nothing else. */
  private static void readAndInflate(Path file, boolean gzip) throws Exception {
    byte[] bytes = Files.readAllBytes(file);
    if (gzip) {
      byte[] buffer = new byte[1 << 16];
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
        while (in.read(buffer) > 0) {
          // inflating is the work
        }
      }
    }
  }

  private static String label(FileFormat format, Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (format == FileFormat.RASTER) {
      return name.endsWith(".png")
          ? "PNG"
          : name.endsWith(".jpg") || name.endsWith(".jpeg")
              ? "JPEG"
              : name.endsWith(".tif") || name.endsWith(".tiff") ? "TIFF" : "raster";
    }
    return format.name();
  }
}
