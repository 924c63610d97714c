package io.datamint.spark.bench;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestCorpus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Runs the benchmarks and writes {@code BENCHMARKS.md}. Usage: {@code bin/datamint-bench [--seconds
 * S] [--out FILE]}, or {@code bin/datamint-bench driver-scale [--resources N] [--api]} for the
 * driver at scale alone ({@link DriverScaleBenchmark}, a table on stdout), or {@code
 * bin/datamint-bench big-volumes [XMX]} for CT volumes of 1.3 and 2.3 GB ({@link
 * BigVolumeBenchmark}), {@code frame-seek} ({@link FrameSeekBenchmark}) and {@code slice-count}
 * ({@link SliceCountBenchmark}), each a table on stdout, and {@code decode-vs-sdk} ({@link
 * DecodeVsSdkBenchmark}, a section of {@code BENCHMARKS.md}); the corpus is read from {@code
 * testdata/corpus} (or {@code -Ddatamint.test.corpus}). The benchmarks are not tests: {@code mvn
 * test} leaves this package out.
 */
public final class BenchmarkMain {

  /** Files of the prefetch benchmark's project. */
  static final int PREFETCH_FILES = 96;

  /** Bytes of each of them. */
  static final int PREFETCH_FILE_BYTES = 256 << 10;

  /** Latency the server adds to every request in the prefetch benchmark. */
  static final long PREFETCH_LATENCY_MS = 50;

  /**
   * The line in {@code BENCHMARKS.md} after which the sections belong to other benchmarks ({@code
   * bin/datamint-bench-python}) or are written by hand; a run keeps them as they are.
   */
  static final String KEPT_SECTIONS_MARKER =
      "<!-- Sections below: other benchmarks and hand-written measurements; bin/datamint-bench keeps"
          + " them. -->";

  private BenchmarkMain() {}

  /** The marker and what follows it in the existing report, or nothing. */
  static String keptSections(Path report) throws java.io.IOException {
    if (!Files.exists(report)) {
      return "";
    }
    String existing = Files.readString(report, StandardCharsets.UTF_8);
    int at = existing.indexOf(KEPT_SECTIONS_MARKER);
    return at < 0 ? "" : "\n" + existing.substring(at);
  }

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && !args[0].startsWith("--")) {
      // bin/datamint-bench NAME [ARGS]: one benchmark run alone, printing its table
      String[] rest = java.util.Arrays.copyOfRange(args, 1, args.length);
      switch (args[0]) {
        case "driver-scale" -> DriverScaleBenchmark.main(rest); // [--resources N] [--api] ...
        case "big-volumes" -> BigVolumeBenchmark.main(rest); // [XMX [OUT]]
        case "frame-seek" -> FrameSeekBenchmark.main(rest); // [--frames N] [--target K]
        case "slice-count" -> SliceCountBenchmark.main(rest); // [--resources N] [--dir DIR]
        case "partition-scaling" -> PartitionScalingBenchmark.main(rest); // --cores N [--dir DIR]
        case "decode-vs-sdk" -> DecodeVsSdkBenchmark.main(rest); // [--seconds S] [--rounds R] ...
        case "row-cost" -> RowCostBenchmark.main(rest); // --files DIR [--formats KEY,...] ...
        default ->
            throw new IllegalArgumentException(
                "no benchmark named "
                    + args[0]
                    + "; the ones run alone are driver-scale, big-volumes, frame-seek, slice-count,"
                    + " partition-scaling, decode-vs-sdk and row-cost");
      }
      return;
    }
    double seconds = 2;
    Path out = Path.of("BENCHMARKS.md");
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seconds" -> seconds = Double.parseDouble(args[++i]);
        case "--out" -> out = Path.of(args[++i]);
        default ->
            throw new IllegalArgumentException(
                "usage: bin/datamint-bench [--seconds S] [--out FILE]");
      }
    }
    Path corpus = TestCorpus.root();
    if (!Files.isDirectory(corpus)) {
      throw new IllegalStateException(
          "the corpus is not at " + corpus.toAbsolutePath() + "; pass -Ddatamint.test.corpus=DIR");
    }
    List<Path> files = new ArrayList<>();
    for (String name : BenchmarkFiles.DECODE) {
      Path file = corpus.resolve(name);
      if (Files.exists(file)) {
        files.add(file);
      }
    }
    List<DecodeBenchmark.Result> decode = DecodeBenchmark.run(files, seconds);

    System.setProperty("datamint.test.master", "local[1]");
    SparkSession spark = SharedSpark.session();
    Path work = Files.createTempDirectory("datamint-bench-");
    List<SparkImageComparison.Result> spark1 =
        SparkImageComparison.run(
            spark,
            work,
            List.of(
                corpus.resolve("image/skimage__astronaut.png"),
                corpus.resolve("image/skimage__camera.png")),
            50,
            3);
    List<SliceBenchmark.Result> slices = SliceBenchmark.run(spark, work, 12, 256, 256, 48);
    List<PrefetchBenchmark.Result> prefetch =
        PrefetchBenchmark.run(
            spark, work, PREFETCH_FILES, PREFETCH_FILE_BYTES, PREFETCH_LATENCY_MS);
    FrameStreamBenchmark.Report frames =
        FrameStreamBenchmark.run(spark, work, FrameStreamBenchmark.DEFAULT_FRAMES);
    spark.stop();
    Files.writeString(
        out,
        BenchmarkReport.markdown(decode, spark1, slices, prefetch, seconds)
            + "\n## Long videos frame by frame (issue 14)\n\n"
            + FrameStreamBenchmark.markdown(frames).replaceFirst("### Frames streamed\n\n", "")
            + keptSections(out),
        StandardCharsets.UTF_8);
    System.err.println("wrote " + out.toAbsolutePath() + " on " + LocalDate.now());
  }
}
