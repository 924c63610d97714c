package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.size;
import static org.apache.spark.sql.functions.sum;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelBufferPool;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FormatDetector;
import io.datamint.spark.testing.SharedSpark;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * What a row costs beside its decode (issue 17): per format, the decoder alone on the files' bytes,
 * and the {@code local[1]} read of {@code length(image.data)} over the files held {@code copies}
 * times, both as milliseconds per file, best of {@code passes}; the difference is the cost per row
 * outside the decoder. With {@code --profile-seconds P} the read is then recorded by JFR (execution
 * samples and allocation samples, to be run with {@code -XX:+DebugNonSafepoints}) and the top
 * frames of each are printed with the collectors' time. Run on files of {@code
 * bin/lib/decode_vs_sdk.py generate DIR CORPUS}: {@code bin/datamint-bench row-cost --files DIR
 * [--formats dicom-ct,jpeg] [--copies N] [--passes P] [--profile-seconds S] [--pooled-decoder]}
 * (pinned to core 0, as decode-vs-sdk). Each format's line is followed by the read's split: {@code
 * length(image.data)}, {@code size(image.shape)} (decoded, but the tensor's bytes neither written
 * into Arrow nor copied out by Spark: nested column pruning) and {@code resource_id} (no file
 * read), passes alternated, best of each; their differences are what moving a row's tensor through
 * Arrow and Spark costs, and what fetching and decoding it costs. Not a test.
 */
final class RowCostBenchmark {

  private static final int TOP = 14;

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private static final com.sun.management.OperatingSystemMXBean OS =
      (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

  private RowCostBenchmark() {}

  public static void main(String[] args) throws Exception {
    Path dir = null;
    String keys = "dicom-ct,jpeg";
    int copies = 16;
    int passes = 8;
    double profileSeconds = 0;
    boolean pooled = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--files" -> dir = Path.of(args[++i]);
        case "--formats" -> keys = args[++i];
        case "--copies" -> copies = Integer.parseInt(args[++i]);
        case "--passes" -> passes = Integer.parseInt(args[++i]);
        case "--profile-seconds" -> profileSeconds = Double.parseDouble(args[++i]);
        case "--pooled-decoder" -> pooled = true;
        default ->
            throw new IllegalArgumentException(
                "unknown argument "
                    + args[i]
                    + "; accepted: --files DIR --formats KEY,... --copies N --passes P"
                    + " --profile-seconds S --pooled-decoder");
      }
    }
    if (dir == null) {
      throw new IllegalArgumentException("--files DIR (of decode_vs_sdk.py generate) is required");
    }
    JsonNode manifest = new ObjectMapper().readTree(dir.resolve("manifest.json").toFile());
    System.setProperty("datamint.test.master", "local[1]");
    SparkSession spark = SharedSpark.session();
    Path work = Files.createTempDirectory("datamint-bench-row-cost-");
    for (String key : keys.split(",")) {
      DecodeVsSdkBenchmark.Format format =
          DecodeVsSdkBenchmark.FORMATS.stream()
              .filter(f -> f.key().equals(key))
              .findFirst()
              .orElseThrow(() -> new IllegalArgumentException("unknown format " + key));
      List<Path> files = new ArrayList<>();
      manifest.path(key).path("files").forEach(f -> files.add(Path.of(f.asText())));
      List<byte[]> bytes = new ArrayList<>();
      for (Path file : files) {
        bytes.add(Files.readAllBytes(file));
      }
      Path mirror = DecodeVsSdkBenchmark.mirror(work.resolve(key), format, files, copies);
      int rows = files.size() * copies;
      double decode = Double.MAX_VALUE;
      double read = Double.MAX_VALUE;
      double decodeCpu = Double.MAX_VALUE;
      double readCpu = Double.MAX_VALUE;
      double taskCpu = Double.MAX_VALUE;
      double gcPerRow = Double.MAX_VALUE;
      long gcBefore = gcMillis();
      for (int pass = 0; pass <= passes; pass++) { // pass 0 warms
        long t = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int c = 0; c < copies; c++) {
          for (byte[] file : bytes) {
            Decoders.forFormat(FormatDetector.detect(file, file.length, format.mimetype(), "f"))
                .decode(file, file.length, DecodeLimits.defaults());
          }
        }
        double d = (System.nanoTime() - t) / 1e6 / rows;
        double dc = (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / rows;
        t = System.nanoTime();
        cpu = OS.getProcessCpuTime();
        long task = taskThreadsCpu();
        long gc = gcMillis();
        DecodeVsSdkBenchmark.pixels(spark, mirror);
        double r = (System.nanoTime() - t) / 1e6 / rows;
        double rc = (OS.getProcessCpuTime() - cpu) / 1e6 / rows;
        double tc = (taskThreadsCpu() - task) / 1e6 / rows;
        double g = (gcMillis() - gc) / (double) rows;
        if (pass > 0) {
          decode = Math.min(decode, d);
          read = Math.min(read, r);
          decodeCpu = Math.min(decodeCpu, dc);
          readCpu = Math.min(readCpu, rc);
          taskCpu = Math.min(taskCpu, tc);
          gcPerRow = Math.min(gcPerRow, g);
        }
      }
      System.out.printf(
          Locale.ROOT,
          "%-10s %d rows: decoder %.3f ms/file (CPU %.3f), read %.3f ms/row (process CPU %.3f),"
              + " outside the decoder %.3f ms/row (CPU %.3f); task thread CPU %.3f ms/row, GC %.3f"
              + " ms/row (GC %d ms over the passes)%n",
          key,
          rows,
          decode,
          decodeCpu,
          read,
          readCpu,
          read - decode,
          readCpu - decodeCpu,
          taskCpu,
          gcPerRow,
          gcMillis() - gcBefore);
      split(spark, key, mirror, rows, passes);
      if (pooled) {
        pooledDecoder(key, format, bytes, copies, passes);
      }
      if (profileSeconds > 0) {
        profile(profileSeconds, () -> DecodeVsSdkBenchmark.pixels(spark, mirror));
      }
    }
  }

  /**
   * The decoder alone with its arrays allocated as before and from a {@link PixelBufferPool}
   * recycled after each file (the reader's pattern), passes alternated, best of each: thread CPU
   * milliseconds per file, and the collectors' milliseconds per file.
   */
  private static void pooledDecoder(
      String key, DecodeVsSdkBenchmark.Format format, List<byte[]> files, int copies, int passes)
      throws Exception {
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE};
    double[] gcBest = {Double.MAX_VALUE, Double.MAX_VALUE};
    int n = files.size() * copies;
    for (int pass = 0; pass < 2 * (passes + 1); pass++) {
      int variant = pass % 2;
      PixelBufferPool pool = new PixelBufferPool(64L << 20);
      DecodeLimits limits =
          variant == 0 ? DecodeLimits.defaults() : DecodeLimits.defaults().withPool(pool);
      long cpu = THREADS.getCurrentThreadCpuTime();
      long gc = gcMillis();
      for (int c = 0; c < copies; c++) {
        for (byte[] file : files) {
          Decoders.forFormat(FormatDetector.detect(file, file.length, format.mimetype(), "f"))
              .decode(file, file.length, limits);
          pool.recycle();
        }
      }
      pool.close();
      if (pass >= 2) {
        best[variant] =
            Math.min(best[variant], (THREADS.getCurrentThreadCpuTime() - cpu) / 1e6 / n);
        gcBest[variant] = Math.min(gcBest[variant], (gcMillis() - gc) / (double) n);
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-10s decoder alone, CPU ms/file (GC ms/file): allocated %.3f (%.3f), pooled %.3f (%.3f)%n",
        key,
        best[0],
        gcBest[0],
        best[1],
        gcBest[1]);
  }

  /**
   * The read of {@code length(image.data)} beside {@code size(image.shape)} and {@code
   * resource_id}, passes alternated, milliseconds per row of the best pass of each, and their
   * differences.
   */
  private static void split(SparkSession spark, String key, Path mirror, int rows, int passes) {
    Dataset<Row> table = spark.read().format("datamint").load(mirror.toString());
    List<Dataset<Row>> reads =
        List.of(
            table.select(length(col("image.data")).as("n")),
            table.select(size(col("image.shape")).as("n")),
            table.select(col("resource_id")).select(lit(1).as("n")));
    double[] best = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    for (int pass = 0; pass <= passes; pass++) { // pass 0 warms
      for (int i = 0; i < reads.size(); i++) {
        long t = System.nanoTime();
        reads.get(i).agg(sum("n")).first();
        if (pass > 0) {
          best[i] = Math.min(best[i], (System.nanoTime() - t) / 1e6 / rows);
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "%-10s read per row: length(image.data) %.3f ms, size(image.shape) %.3f ms, resource_id"
            + " %.3f ms: moving the tensor through Arrow and Spark %.3f ms, fetching and decoding"
            + " %.3f ms%n",
        key,
        best[0],
        best[1],
        best[2],
        best[0] - best[1],
        best[1] - best[2]);
  }

  /** CPU nanoseconds of Spark's task threads so far (those alive now). */
  private static long taskThreadsCpu() {
    long nanos = 0;
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread.getName().startsWith("Executor task")) {
        nanos += Math.max(0, THREADS.getThreadCpuTime(thread.getId()));
      }
    }
    return nanos;
  }

  private static long gcMillis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += gc.getCollectionTime();
    }
    return ms;
  }

  private static void profile(double seconds, Stopwatch.Action action) throws Exception {
    Path file = Files.createTempFile("datamint-row-cost-", ".jfr");
    try (Recording recording = new Recording()) {
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
      recording.enable("jdk.NativeMethodSample").withPeriod(Duration.ofMillis(1));
      recording.enable("jdk.ObjectAllocationSample").with("throttle", "1000/s");
      recording.enable("jdk.GarbageCollection");
      recording.start();
      long end = System.nanoTime() + (long) (seconds * 1e9);
      int runs = 0;
      do {
        action.run();
        runs++;
      } while (System.nanoTime() < end);
      recording.stop();
      recording.dump(file);
      System.out.printf(Locale.ROOT, "profile: %d reads%n", runs);
    }
    Map<String, Integer> self = new HashMap<>();
    Map<String, Integer> connector = new HashMap<>();
    Map<String, Long> allocated = new HashMap<>();
    int samples = 0;
    long gcNanos = 0;
    long allocatedSum = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
      String type = event.getEventType().getName();
      if (type.equals("jdk.GarbageCollection")) {
        gcNanos += event.getDuration().toNanos();
        continue;
      }
      RecordedStackTrace stack = event.getStackTrace();
      if (stack == null || stack.getFrames().isEmpty()) {
        continue;
      }
      if (type.equals("jdk.ObjectAllocationSample")) {
        long weight = event.getLong("weight");
        allocatedSum += weight;
        allocated.merge(firstConnectorFrame(stack), weight, Long::sum);
        continue;
      }
      String thread = event.getThread("sampledThread").getJavaName();
      if (thread == null
          || !(thread.startsWith("Executor task") || thread.startsWith("datamint-"))) {
        continue;
      }
      samples++;
      self.merge(name(stack.getFrames().get(0)), 1, Integer::sum);
      connector.merge(firstConnectorFrame(stack), 1, Integer::sum);
    }
    Files.deleteIfExists(file);
    long allocatedTotal = Math.max(1, allocatedSum);
    System.out.printf(
        Locale.ROOT,
        "%d task-thread samples; GC pauses %.0f ms; %.0f MB allocated (sampled weight)%n",
        samples,
        gcNanos / 1e6,
        allocatedTotal / 1e6);
    print("self", self, samples);
    print("innermost io.datamint frame", connector, samples);
    allocated.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
        .limit(TOP)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT,
                    "  alloc %6.1f%% %s%n",
                    100.0 * e.getValue() / allocatedTotal,
                    e.getKey()));
  }

  private static void print(String title, Map<String, Integer> counts, int samples) {
    System.out.println(title + ":");
    counts.entrySet().stream()
        .sorted(Map.Entry.<String, Integer>comparingByValue(Comparator.naturalOrder()).reversed())
        .limit(TOP)
        .forEach(
            e ->
                System.out.printf(
                    Locale.ROOT, "  %5.1f%% %s%n", 100.0 * e.getValue() / samples, e.getKey()));
  }

  /** The innermost connector frame with the frame it called (where outside the connector). */
  private static String firstConnectorFrame(RecordedStackTrace stack) {
    List<RecordedFrame> frames = stack.getFrames();
    for (int i = 0; i < frames.size(); i++) {
      String name = name(frames.get(i));
      if (name.startsWith("io.datamint.")) {
        return i == 0 ? name : name + " -> " + name(frames.get(i - 1));
      }
    }
    return "(spark) " + name(frames.get(Math.min(3, frames.size() - 1)));
  }

  private static String name(RecordedFrame frame) {
    return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
  }
}
