package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Slicing N volumes into axial slice rows beside reading the same volumes whole, in one run on one
 * core: rows/s, decoded MB/s, and the peak heap of the JVM (which, in {@code local[1]}, is the
 * executor's) during each read.
 */
final class SliceBenchmark {

  /** One measured read. */
  record Result(String read, long rows, long bytes, double seconds, long peakHeapBytes) {}

  private SliceBenchmark() {}

  static List<Result> run(
      SparkSession spark, Path work, int volumes, int width, int height, int depth)
      throws Exception {
    TestMirror mirror = TestMirror.in(work.resolve("volumes"));
    for (int v = 0; v < volumes; v++) {
      mirror.resourceLine(
          "{\"id\":\"vol-"
              + v
              + "\",\"filename\":\"vol-"
              + v
              + ".nii\",\"mimetype\":"
              + "\"application/x-nifti\",\"metadata\":{\"frame_count\":"
              + depth
              + "}}");
    }
    Path dir = mirror.write();
    Random random = new Random(7);
    short[] voxels = new short[width * height * depth];
    double[][] affine = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};
    for (int v = 0; v < volumes; v++) {
      for (int i = 0; i < voxels.length; i++) {
        voxels[i] = (short) random.nextInt(2000);
      }
      Files.write(
          dir.resolve("files/resources/vol-" + v),
          NiftiWriter.of(new int[] {width, height, depth}, affine).int16(voxels));
    }
    List<Result> out = new ArrayList<>();
    out.add(measure(spark, "whole volumes", dir, false));
    out.add(measure(spark, "axial slices", dir, true));
    out.add(measure(spark, "whole volumes", dir, false));
    out.add(measure(spark, "axial slices", dir, true));
    return out.subList(2, 4); // the second round, after the JIT and the page cache warmed up
  }

  private static Result measure(SparkSession spark, String name, Path dir, boolean slice) {
    ProcessMemory.resetHeapPeak();
    long start = System.nanoTime();
    var reader = spark.read().format("datamint").option("batch_size", "16");
    if (slice) {
      reader = reader.option("slice", "axial");
    }
    Row r =
        reader
            .load(dir.toString())
            .select(length(col("image.data")).as("n"))
            .agg(count("n"), sum("n"))
            .first();
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ProcessMemory.heapPeak();
    System.err.printf(
        Locale.ROOT,
        "%-14s %6d rows %8.1f rows/s %8.1f MB/s peak heap %6.0f MB%n",
        name,
        r.getLong(0),
        r.getLong(0) / seconds,
        r.getLong(1) / seconds / 1e6,
        peak / 1e6);
    return new Result(name, r.getLong(0), r.getLong(1), seconds, peak);
  }
}
