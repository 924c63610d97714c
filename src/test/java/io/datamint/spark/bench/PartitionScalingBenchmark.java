package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Cores and partitions (issue 17): 100 JPEG photos of 1600 x 1200 read for their pixels (each
 * tensor's length written to Spark's {@code noop} sink, so that no shuffle or collect adds its own
 * cost per task; checked once with {@code sum(length(image.data))}) on {@code local[N]}: with the
 * default planning, and, for the per-partition fixed cost, with {@code target_partition_bytes '4m'}
 * beside one partition ({@code '1g'}). Prints one Markdown row per read: master, planning,
 * partitions, median seconds of the rounds, and the load average of the machine around it. Run it
 * once per master (each in its own JVM): {@code bin/datamint-bench partition-scaling --cores N
 * [--dir DIR] [--rounds R]}.
 */
public final class PartitionScalingBenchmark {

  static final int PHOTOS = 100;
  static final int WIDTH = 1600;
  static final int HEIGHT = 1200;

  private PartitionScalingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cores = 1;
    int rounds = 3;
    Path dir = null;
    String only = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cores" -> cores = Integer.parseInt(args[++i]);
        case "--rounds" -> rounds = Integer.parseInt(args[++i]);
        case "--dir" -> dir = Path.of(args[++i]);
        case "--target" -> only = args[++i]; // one read with this target_partition_bytes only
        default ->
            throw new IllegalArgumentException(
                "usage: partition-scaling --cores N [--rounds R] [--dir DIR]");
      }
    }
    Path work = dir != null ? dir : Files.createTempDirectory("datamint-partition-scaling-");
    Path mirror = work.resolve("photos");
    if (!Files.exists(mirror.resolve("resources.jsonl"))) {
      write(mirror);
    }
    System.setProperty("datamint.test.master", "local[" + cores + "]");
    SparkSession spark = SharedSpark.session();
    String master = "local[" + cores + "]";
    List<String> rows = new ArrayList<>();
    if (only != null) {
      rows.add(
          measure(spark, master, "target_partition_bytes '" + only + "'", only, mirror, rounds));
    } else {
      rows.add(measure(spark, master, "default", null, mirror, rounds));
    }
    if (cores == 1 && only == null) {
      rows.add(measure(spark, master, "target_partition_bytes '1g'", "1g", mirror, rounds));
      rows.add(measure(spark, master, "target_partition_bytes '4m'", "4m", mirror, rounds));
      rows.add(measure(spark, master, "target_partition_bytes '400k'", "400k", mirror, rounds));
    }
    System.out.println(
        "| master | planning | partitions | seconds (median) | decoded MB | load average before/after |");
    System.out.println("|---|---|---:|---:|---:|---|");
    rows.forEach(System.out::println);
  }

  private static String measure(
      SparkSession spark, String master, String label, String target, Path mirror, int rounds)
      throws Exception {
    Dataset<Row> read =
        target == null
            ? spark.read().format("datamint").load(mirror.toString())
            : spark
                .read()
                .format("datamint")
                .option("target_partition_bytes", target)
                .load(mirror.toString());
    // a new Dataset each time: re-collecting one reuses its finished adaptive plan's shuffle stage
    java.util.function.Supplier<Dataset<Row>> pixels =
        () -> read.select(sum(length(col("image.data"))).as("n"));
    int partitions = read.select("image").rdd().getNumPartitions();
    long w0 = System.nanoTime();
    List<Row> warm = pixels.get().collectAsList(); // warm-up
    System.err.printf(
        Locale.ROOT, "%s %s: warm-up %.2f s%n", master, label, (System.nanoTime() - w0) / 1e9);
    Row error =
        read.where("_error is not null").select("_error").limit(1).collectAsList().stream()
            .findFirst()
            .orElse(null);
    if (warm.get(0).isNullAt(0) || error != null) {
      throw new IllegalStateException("the photos did not decode: " + error);
    }
    String before = loadAverage();
    double[] seconds = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      long t0 = System.nanoTime();
      // Spark's noop sink: every tensor is built, nothing is shuffled or collected
      read.select(length(col("image.data")).as("n"))
          .write()
          .format("noop")
          .mode("overwrite")
          .save();
      seconds[r] = (System.nanoTime() - t0) / 1e9;
    }
    Arrays.sort(seconds);
    return String.format(
        Locale.ROOT,
        "| %s | %s | %d | %.2f | %.0f | %s / %s |",
        master,
        label,
        partitions,
        seconds[rounds / 2],
        warm.get(0).getLong(0) / 1e6,
        before,
        loadAverage());
  }

  private static String loadAverage() throws Exception {
    String[] fields =
        Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
    return fields[0];
  }

  /** 100 copies of a photo-like JPEG (smooth gradients and noise), each with its real size. */
  private static void write(Path dir) throws Exception {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Random random = new Random(17);
    for (int y = 0; y < HEIGHT; y++) {
      for (int x = 0; x < WIDTH; x++) {
        int r = (x * 255 / WIDTH + random.nextInt(24)) & 0xFF;
        int g = (y * 255 / HEIGHT + random.nextInt(24)) & 0xFF;
        int b = ((x + y) * 127 / (WIDTH + HEIGHT) + random.nextInt(48)) & 0xFF;
        image.setRGB(x, y, r << 16 | g << 8 | b);
      }
    }
    Path jpeg = Files.createTempFile("photo", ".jpg");
    ImageIO.write(image, "jpeg", jpeg.toFile());
    long size = Files.size(jpeg);
    TestMirror mirror = TestMirror.in(dir);
    for (int i = 0; i < PHOTOS; i++) {
      mirror.resourceLine(
          String.format(
              Locale.ROOT,
              "{\"id\": \"photo-%03d\", \"filename\": \"photo-%03d.jpg\", \"mimetype\": \"image/jpeg\","
                  + " \"storage\": \"ImageResource\", \"modality\": \"OT\", \"size\": %d, \"tags\": [],"
                  + " \"created_at\": \"2026-01-01T00:00:00Z\", \"status\": \"published\","
                  + " \"metadata\": {}}",
              i,
              i,
              size));
    }
    Path written = mirror.write();
    for (int i = 0; i < PHOTOS; i++) {
      Files.copy(
          jpeg, written.resolve(String.format(Locale.ROOT, "files/resources/photo-%03d", i)));
    }
    Files.delete(jpeg);
    System.err.printf(Locale.ROOT, "%d photos of %d bytes in %s%n", PHOTOS, size, written);
  }
}
