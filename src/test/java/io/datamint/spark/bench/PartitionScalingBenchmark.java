package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.datamint.spark.deploy.InstalledCluster;
import io.datamint.spark.deploy.SparkInstallation;
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
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * Cores and partitions (issue 17): 100 JPEG photos of 1600 x 1200 ({@code --photos N} for more)
 * read for their pixels (each tensor's length written to Spark's {@code noop} sink, so that no
 * shuffle or collect adds its own cost per task; checked once with {@code sum(length(image.data))})
 * on {@code local[N]}: with the default planning, and, for the per-partition fixed cost, with
 * {@code target_partition_bytes '4m'} beside one partition ({@code '1g'}), and the floor of a
 * partition: {@code spark.range} over 100 partitions to the same sink (Spark's own cost per task).
 * Prints one Markdown row per read: master, planning, partitions, median seconds of the rounds, the
 * mean number of tasks running at once and their CPU time over their run time ({@link
 * TaskTimeline}), the driver JVM's CPU seconds (local masters) and the load average of the machine
 * around it. Run it once per master (each in its own JVM): {@code bin/datamint-bench
 * partition-scaling --cores N [--dir DIR] [--rounds R] [--photos N] [--warmup W] [--timeline]}
 * ({@code --warmup}: as many more unmeasured reads before the rounds), or on standalone clusters of
 * the PySpark installation with this JVM's Spark version ({@code --standalone-workers 1,2}: a
 * Master and 1, then 2 Workers of one core each, {@link InstalledCluster}), which also prints the
 * ratio of their medians. {@code --timeline} prints every round's tasks.
 */
public final class PartitionScalingBenchmark {

  static final int DEFAULT_PHOTOS = 100;
  static final int WIDTH = 1600;
  static final int HEIGHT = 1200;

  private PartitionScalingBenchmark() {}

  public static void main(String[] args) throws Exception {
    int cores = 1;
    List<Integer> workers = new ArrayList<>();
    int rounds = 3;
    Path dir = null;
    String only = null;
    boolean timeline = false;
    int photos = DEFAULT_PHOTOS;
    int warmups = 0;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--cores" -> cores = Integer.parseInt(value(args, ++i));
        case "--standalone-workers" -> {
          for (String n : value(args, ++i).split(",")) {
            workers.add(Integer.parseInt(n.trim()));
          }
        }
        case "--rounds" -> rounds = Integer.parseInt(value(args, ++i));
        case "--dir" -> dir = Path.of(value(args, ++i));
        case "--target" -> only = value(args, ++i); // one read with this target_partition_bytes
        case "--timeline" -> timeline = true;
        case "--photos" -> photos = Integer.parseInt(value(args, ++i));
        case "--warmup" -> warmups = Integer.parseInt(value(args, ++i));
        default ->
            throw new IllegalArgumentException("unknown argument '" + args[i] + "'; " + USAGE);
      }
    }
    Path work = dir != null ? dir : Files.createTempDirectory("datamint-partition-scaling-");
    Path mirror = work.resolve(photos == DEFAULT_PHOTOS ? "photos" : "photos-" + photos);
    if (!Files.exists(mirror.resolve("resources.jsonl"))) {
      write(mirror, photos);
    }
    List<String> rows = new ArrayList<>();
    if (!workers.isEmpty()) {
      List<Double> medians = new ArrayList<>();
      for (int n : workers) {
        Measured measured = onStandaloneCluster(n, only, mirror, rounds, warmups, timeline);
        rows.add(measured.markdown());
        medians.add(measured.seconds());
      }
      print(rows);
      for (int i = 1; i < workers.size(); i++) {
        System.out.printf(
            Locale.ROOT,
            "%n%d worker(s) / %d worker(s): %.2fx%n",
            workers.get(i),
            workers.get(0),
            medians.get(0) / medians.get(i));
      }
      return;
    }
    System.setProperty("datamint.test.master", "local[" + cores + "]");
    SparkSession spark = SharedSpark.session();
    String master = "local[" + cores + "]";
    rows.add(
        measure(
                spark,
                master,
                Workload.pixels(spark, mirror, only),
                rounds,
                warmups,
                timeline,
                true)
            .markdown());
    if (cores == 1 && only == null) {
      for (String target : List.of("1g", "4m", "400k")) {
        rows.add(
            measure(
                    spark,
                    master,
                    Workload.pixels(spark, mirror, target),
                    rounds,
                    warmups,
                    timeline,
                    true)
                .markdown());
      }
      // the floor of a partition: Spark's own cost per task, over as many partitions
      rows.add(
          measure(
                  spark,
                  master,
                  Workload.sparkRange(spark, photos),
                  rounds,
                  warmups,
                  timeline,
                  true)
              .markdown());
    }
    print(rows);
  }

  private static final String USAGE =
      "usage: partition-scaling (--cores N | --standalone-workers N[,N...]) [--rounds R]"
          + " [--dir DIR] [--target SIZE] [--photos N] [--warmup W] [--timeline]";

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value; " + USAGE);
    }
    return args[i];
  }

  private static void print(List<String> rows) {
    System.out.println(
        "| master | planning | partitions | seconds (median) | decoded MB | tasks at once"
            + " | task CPU / run | driver JVM CPU s (tasks / GC / JIT / other)"
            + " | load average before/after |");
    System.out.println("|---|---|---:|---:|---:|---:|---:|---|---|");
    rows.forEach(System.out::println);
  }

  /**
   * The read on a standalone cluster of the PySpark installation with this JVM's Spark version: a
   * Master and {@code workers} Workers of one core each ({@link InstalledCluster}, logs and work
   * directories under {@code target/partition-scaling-cluster/}), executors of 2 GiB with the
   * connector's self-contained jar ({@code spark.jars}); the cluster is stopped whatever happens.
   */
  private static Measured onStandaloneCluster(
      int workers, String target, Path mirror, int rounds, int warmups, boolean timeline)
      throws Exception {
    Path jar = connectorJar();
    SparkInstallation installation =
        SparkInstallation.cached(org.apache.spark.package$.MODULE$.SPARK_VERSION());
    Path logDir =
        Path.of("target", "partition-scaling-cluster", workers + "-workers-" + System.nanoTime())
            .toAbsolutePath();
    System.err.printf(
        Locale.ROOT, "%d worker(s) of %s, logs in %s%n", workers, installation, logDir);
    try (InstalledCluster cluster =
        InstalledCluster.start(installation, logDir, workers, 1, "3g")) {
      SparkSession spark =
          SparkSession.builder()
              .master(cluster.masterUrl())
              .appName("datamint-partition-scaling")
              .config("spark.jars", jar.toString())
              .config("spark.executor.memory", "2g")
              .config("spark.executor.extraJavaOptions", jvmFlags())
              .config("spark.driver.host", "127.0.0.1")
              .config("spark.driver.bindAddress", "127.0.0.1")
              .config("spark.ui.enabled", "false")
              .config("spark.ui.showConsoleProgress", "false")
              .config("spark.sql.shuffle.partitions", "2")
              .config("spark.sql.session.timeZone", "UTC")
              .getOrCreate();
      try {
        awaitExecutors(spark, workers);
        return measure(
            spark,
            "standalone, " + workers + " worker(s) x 1 core",
            Workload.pixels(spark, mirror, target),
            rounds,
            warmups,
            timeline,
            false);
      } finally {
        spark.stop();
      }
    }
  }

  /** {@code target/datamint-spark_2.13-*-all.jar}, which the executors load the connector from. */
  private static Path connectorJar() throws java.io.IOException {
    try (var jars = Files.newDirectoryStream(Path.of("target"), "datamint-spark_2.13-*-all.jar")) {
      for (Path jar : jars) {
        return jar.toAbsolutePath();
      }
    }
    throw new IllegalStateException(
        "no target/datamint-spark_2.13-*-all.jar for the executors: bin/datamint-bench builds it"
            + " for --standalone-workers (mvn -Pbench package -DskipTests)");
  }

  /** Spark's module flags and the Vector API, as {@code bin/lib/jvm-flags} gives the driver. */
  private static String jvmFlags() throws java.io.IOException {
    return Files.readString(Path.of("bin", "lib", "jvm-flags"), StandardCharsets.US_ASCII).trim();
  }

  private static void awaitExecutors(SparkSession spark, int workers) throws InterruptedException {
    long deadline = System.nanoTime() + 120_000_000_000L;
    // the driver is one of the executor infos
    while (spark.sparkContext().statusTracker().getExecutorInfos().length < workers + 1) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException(
            "only "
                + (spark.sparkContext().statusTracker().getExecutorInfos().length - 1)
                + " of "
                + workers
                + " executors registered within 120 s");
      }
      Thread.sleep(100);
    }
  }

  /** One measured read: its Markdown row and its median seconds. */
  private record Measured(String markdown, double seconds) {}

  /**
   * What a round writes to the noop sink: a label, the rows, and for a pixel read the decoded bytes
   * (checked after the warm-up, with the read's first {@code _error}).
   */
  private record Workload(String label, Dataset<Row> rows, Dataset<Row> read, boolean pixels) {

    /** Each photo's tensor length, with the default planning or {@code target}. */
    static Workload pixels(SparkSession spark, Path mirror, String target) {
      Dataset<Row> read = datamint(spark, mirror, target);
      return new Workload(
          target == null ? "default" : "target_partition_bytes '" + target + "'",
          read.select(length(col("image.data")).as("n")),
          read,
          true);
    }

    /** Spark's own floor: {@code spark.range} over {@code partitions} partitions. */
    static Workload sparkRange(SparkSession spark, int partitions) {
      Dataset<Row> range = spark.range(0, partitions, 1, partitions).toDF();
      return new Workload(
          "`spark.range(0, " + partitions + ", 1, " + partitions + ")` (Spark alone)",
          range,
          range,
          false);
    }

    private static Dataset<Row> datamint(SparkSession spark, Path mirror, String target) {
      return target == null
          ? spark.read().format("datamint").load(mirror.toString())
          : spark
              .read()
              .format("datamint")
              .option("target_partition_bytes", target)
              .load(mirror.toString());
    }

    void writeToNoop() {
      // Spark's noop sink: every row is built, nothing is shuffled or collected
      rows.write().format("noop").mode("overwrite").save();
    }
  }

  private static Measured measure(
      SparkSession spark,
      String master,
      Workload workload,
      int rounds,
      int warmups,
      boolean timeline,
      boolean localCpu)
      throws Exception {
    String label = workload.label();
    int partitions = workload.rows().rdd().getNumPartitions();
    TaskTimeline tasks = TaskTimeline.on(spark);
    long w0 = System.nanoTime();
    double decodedMb = 0;
    if (workload.pixels()) {
      // a new Dataset: re-collecting one reuses its finished adaptive plan's shuffle stage
      Dataset<Row> read = workload.read();
      List<Row> warm = read.select(sum(length(col("image.data"))).as("n")).collectAsList();
      Row error =
          read.where("_error is not null").select("_error").limit(1).collectAsList().stream()
              .findFirst()
              .orElse(null);
      if (warm.get(0).isNullAt(0) || error != null) {
        throw new IllegalStateException("the photos did not decode: " + error);
      }
      decodedMb = warm.get(0).getLong(0) / 1e6;
    } else {
      workload.writeToNoop(); // warm-up
    }
    for (int w = 0; w < warmups; w++) {
      workload.writeToNoop(); // more warm-up: the JIT's compilations settle over several reads
    }
    System.err.printf(
        Locale.ROOT, "%s %s: warm-up %.2f s%n", master, label, (System.nanoTime() - w0) / 1e9);
    String before = loadAverage();
    Round[] measured = new Round[rounds];
    for (int r = 0; r < rounds; r++) {
      tasks.clear();
      long cpu0 = processCpuNanos();
      Map<String, Double> threads0 = ThreadCpu.now();
      long t0 = System.nanoTime();
      workload.writeToNoop();
      double seconds = (System.nanoTime() - t0) / 1e9;
      double cpu = (processCpuNanos() - cpu0) / 1e9;
      Map<String, Double> threads1 = ThreadCpu.now();
      String byKind = ThreadCpu.describe(threads0, threads1, false);
      List<TaskTimeline.Task> seen = tasks.await(partitions);
      measured[r] = new Round(seconds, cpu, byKind, seen);
      if (timeline) {
        System.err.printf(
            Locale.ROOT,
            "%s %s, round %d: %.2f s, driver JVM CPU %.2f s (%s)%n%s",
            master,
            label,
            r + 1,
            seconds,
            cpu,
            ThreadCpu.describe(threads0, threads1, true),
            TaskTimeline.describe(seen));
      }
    }
    Round median =
        Arrays.stream(measured)
            .sorted(java.util.Comparator.comparingDouble(Round::seconds))
            .toList()
            .get(rounds / 2);
    double run = median.tasks().stream().mapToLong(TaskTimeline.Task::runMs).sum();
    double taskCpu = median.tasks().stream().mapToDouble(TaskTimeline.Task::cpuMs).sum();
    long first = median.tasks().stream().mapToLong(TaskTimeline.Task::launchMs).min().orElse(0);
    long last = median.tasks().stream().mapToLong(TaskTimeline.Task::finishMs).max().orElse(1);
    return new Measured(
        String.format(
            Locale.ROOT,
            "| %s | %s | %d | %.2f | %.0f | %.2f | %.2f | %s | %s / %s |",
            master,
            label,
            partitions,
            median.seconds(),
            decodedMb,
            run / Math.max(1, last - first),
            run == 0 ? 0 : taskCpu / run,
            localCpu ? String.format(Locale.ROOT, "%.2f (%s)", median.cpu(), median.byKind()) : "-",
            before,
            loadAverage()),
        median.seconds());
  }

  /** One timed round: seconds, the driver JVM's CPU seconds (in all, by kind), the tasks. */
  private record Round(double seconds, double cpu, String byKind, List<TaskTimeline.Task> tasks) {}

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static String loadAverage() throws Exception {
    String[] fields =
        Files.readString(Path.of("/proc/loadavg"), StandardCharsets.US_ASCII).trim().split(" ");
    return fields[0];
  }

  /** Copies of a photo-like JPEG (smooth gradients and noise), each with its real size. */
  private static void write(Path dir, int photos) throws Exception {
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
    for (int i = 0; i < photos; i++) {
      mirror.resourceLine(
          String.format(
              Locale.ROOT,
              "{\"id\": \"photo-%04d\", \"filename\": \"photo-%04d.jpg\", \"mimetype\": \"image/jpeg\","
                  + " \"storage\": \"ImageResource\", \"modality\": \"OT\", \"size\": %d, \"tags\": [],"
                  + " \"created_at\": \"2026-01-01T00:00:00Z\", \"status\": \"published\","
                  + " \"metadata\": {}}",
              i,
              i,
              size));
    }
    Path written = mirror.write();
    for (int i = 0; i < photos; i++) {
      Files.copy(
          jpeg, written.resolve(String.format(Locale.ROOT, "files/resources/photo-%04d", i)));
    }
    Files.delete(jpeg);
    System.err.printf(Locale.ROOT, "%d photos of %d bytes in %s%n", photos, size, written);
  }
}
