package io.datamint.spark.bench;

import io.datamint.spark.internal.read.executor.ReadTaskMetrics;
import io.datamint.spark.internal.sample.NiftiWriter;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.SharedSpark;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Slice counts from metadata (issue 14): {@code count(*)} with {@code slice 'axial'} over N small
 * NIfTI volumes (four orientations, 8 to 20 slices), read through the mirror twice: once from
 * metadata that states only {@code width}, {@code height} and {@code frame_count} (every file is
 * opened and decoded, as every slice count was before), once from metadata that also states {@code
 * shape} and {@code axcodes} (no file is opened). Both mirrors share the same files. Prints a
 * Markdown table: seconds (planning and running), rows, files read.
 *
 * <p>Usage: {@code java ... io.datamint.spark.bench.SliceCountBenchmark [--resources N] [--dir
 * DIR]}; {@code bin/datamint-bench slice-count [--resources N]}.
 */
public final class SliceCountBenchmark {

  private static final String[][] ORIENTATIONS = {
    {"L", "P", "S"}, {"R", "A", "S"}, {"S", "R", "A"}, {"L", "P", "I"}
  };

  private SliceCountBenchmark() {}

  /** One measured read. */
  record Result(String read, double seconds, long rows, long filesRead, int partitions) {}

  public static void main(String[] args) throws Exception {
    int n = 100_000;
    Path dir = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--resources" -> n = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "usage: SliceCountBenchmark [--resources N] [--dir DIR]");
      }
    }
    Path work = dir != null ? dir : Files.createTempDirectory("datamint-slice-count-");
    long t0 = System.nanoTime();
    if (!Files.exists(work.resolve("with-geometry/resources.jsonl"))) {
      write(work, n);
    }
    System.err.printf(
        Locale.ROOT, "%d volumes ready in %.1f s in %s%n", n, (System.nanoTime() - t0) / 1e9, work);
    System.setProperty("datamint.test.master", "local[2]");
    SparkSession spark = SharedSpark.session();
    List<Result> results = new ArrayList<>();
    // a warm-up on a few resources, so that neither read pays the session's first job
    count(spark, work.resolve("with-geometry"), "warm-up", null, 1000);
    results.add(
        count(
            spark,
            work.resolve("with-geometry"),
            "baseline: `count(*)` without `slice` (one row per resource)",
            null,
            -1));
    results.add(
        count(
            spark,
            work.resolve("without-geometry"),
            "`slice 'axial'`, metadata without geometry (width, height, frame_count): files decoded",
            "axial",
            -1));
    results.add(
        count(
            spark,
            work.resolve("with-geometry"),
            "`slice 'axial'`, metadata with `shape` and `axcodes`: counted from metadata",
            "axial",
            -1));
    // the same, in fewer partitions: what is left once no file is opened is one task per partition
    results.add(
        count(
            spark,
            work.resolve("with-geometry"),
            "`slice 'axial'`, metadata with `shape` and `axcodes`, `target_partition_rows` 1000000",
            "axial",
            -1,
            "1000000"));
    spark.stop();
    System.out.println(
        "| `count(*)` over " + n + " NIfTI volumes | seconds | rows | files read | partitions |");
    System.out.println("|---|---:|---:|---:|---:|");
    for (Result r : results) {
      System.out.printf(
          Locale.ROOT,
          "| %s | %.1f | %,d | %,d | %,d |%n",
          r.read(),
          r.seconds(),
          r.rows(),
          r.filesRead(),
          r.partitions());
    }
  }

  /**
   * Times {@code count(*)} (load, planning and running); {@code plane} null reads whole resources.
   */
  private static Result count(
      SparkSession spark, Path mirror, String label, String plane, int limit) {
    return count(spark, mirror, label, plane, limit, "512");
  }

  private static Result count(
      SparkSession spark,
      Path mirror,
      String label,
      String plane,
      int limit,
      String partitionRows) {
    long t = System.nanoTime();
    Dataset<Row> df =
        plane == null
            ? spark.read().format("datamint").load(mirror.toString())
            : spark
                .read()
                .format("datamint")
                .option("slice", plane)
                .option("target_partition_rows", partitionRows)
                .load(mirror.toString());
    if (limit > 0) {
      df = df.where("resource_id < '" + id(limit) + "'");
    }
    Dataset<Row> count = df.groupBy().count();
    long rows = count.collectAsList().get(0).getLong(0);
    double seconds = (System.nanoTime() - t) / 1e9;
    Result r =
        new Result(
            label,
            seconds,
            rows,
            BatchScans.metrics(count).get(ReadTaskMetrics.FILES_READ),
            // after the timing; the partitions of the pruned read count(*) plans
            df.select("resource_id").rdd().getNumPartitions());
    System.err.println(r);
    return r;
  }

  /**
   * Writes the files once into {@code work/files/resources} and two mirrors whose {@code files}
   * link to them.
   */
  static void write(Path work, int n) throws IOException {
    Path files = work.resolve("files");
    Files.createDirectories(files.resolve("resources"));
    Files.createDirectories(files.resolve("annotations"));
    try (BufferedWriter without = mirror(work.resolve("without-geometry"), files);
        BufferedWriter with = mirror(work.resolve("with-geometry"), files)) {
      for (int i = 0; i < n; i++) {
        String[] codes = ORIENTATIONS[i % ORIENTATIONS.length];
        int depth = 8 + i % 13;
        int[] dims = {8, 8, depth};
        byte[] file = NiftiWriter.of(dims, affine(codes)).int16(new short[64 * depth]);
        String id = id(i);
        Files.write(files.resolve("resources/" + id), file);
        String common =
            String.format(
                Locale.ROOT,
                "{\"id\":\"%s\",\"filename\":\"V%07d.nii\",\"mimetype\":\"application/x-nifti\","
                    + "\"storage\":\"NiftiResource\",\"modality\":\"CT\",\"size\":%d,"
                    + "\"metadata\":{\"width\":8,\"height\":8,\"frame_count\":%d",
                id,
                i,
                file.length,
                depth);
        without.write(common + "}}\n");
        with.write(
            common
                + String.format(
                    Locale.ROOT,
                    ",\"shape\":[8,8,%d],\"axcodes\":[\"%s\",\"%s\",\"%s\"]}}%n",
                    depth,
                    codes[0],
                    codes[1],
                    codes[2]));
      }
    }
  }

  private static BufferedWriter mirror(Path dir, Path files) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("project.json"),
        "{\"id\":\"p-slices\",\"name\":\"slices\",\"worklist_id\":null}",
        StandardCharsets.UTF_8);
    for (String empty : new String[] {"annotations.jsonl", "splits.jsonl"}) {
      Files.writeString(dir.resolve(empty), "", StandardCharsets.UTF_8);
    }
    Files.writeString(dir.resolve("worklists.json"), "[]", StandardCharsets.UTF_8);
    Files.createSymbolicLink(dir.resolve("files"), files);
    return Files.newBufferedWriter(dir.resolve("resources.jsonl"), StandardCharsets.UTF_8);
  }

  /** A diagonal or permuted affine whose axis codes are {@code codes}. */
  private static double[][] affine(String[] codes) {
    double[][] a = new double[4][4];
    a[3][3] = 1;
    for (int voxel = 0; voxel < 3; voxel++) {
      String c = codes[voxel];
      int world = "LR".contains(c) ? 0 : "PA".contains(c) ? 1 : 2;
      a[world][voxel] = "RAS".contains(c) ? 1 : -1;
    }
    return a;
  }

  private static String id(int i) {
    return String.format(Locale.ROOT, "v%07d", i);
  }
}
