package io.datamint.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.length;
import static org.apache.spark.sql.functions.sum;

import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.Decoders;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.FrameStream;
import io.datamint.spark.internal.read.executor.ReadTaskMetrics;
import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A long 1080p H.264 video read frame by frame (issue 14), on one core: rows/s beside the FFmpeg
 * command line decoding the same file to RGB on one thread (the decoder's speed), the JVM's peak
 * heap and peak RSS during the read, beside the decoded size of the whole video; the whole-video
 * read (refused by {@code max_decoded_bytes}); a {@code frame_index} range; a metadata-only count.
 * The video is generated in the setup with the {@code ffmpeg} command line ({@code testsrc2},
 * libx264); nothing is committed.
 *
 * <p>Standalone: {@code java ... io.datamint.spark.bench.FrameStreamBenchmark [FRAMES [OUT]]}
 * prints the Markdown subsection (to OUT when given); {@link BenchmarkMain} runs it too.
 */
final class FrameStreamBenchmark {

  static final int WIDTH = BenchVideos.WIDTH;
  static final int HEIGHT = BenchVideos.HEIGHT;

  /** Frames of the generated video. */
  static final int DEFAULT_FRAMES = 2_000;

  /** One measured read. */
  record Result(
      String read,
      long rows,
      double seconds,
      long peakHeapBytes,
      long peakRssBytes,
      long framesDecoded,
      long framesSkipped,
      long filesRead,
      String error) {}

  /** The measurements with the video's facts. */
  record Report(int frames, long fileBytes, double ffmpegSeconds, List<Result> results) {}

  private FrameStreamBenchmark() {}

  public static void main(String[] args) throws Exception {
    int frames = args.length > 0 ? Integer.parseInt(args[0]) : DEFAULT_FRAMES;
    System.setProperty("datamint.test.master", "local[1]");
    SparkSession spark = SharedSpark.session();
    Path work = Files.createTempDirectory("datamint-bench-frames-");
    Report report = run(spark, work, frames);
    spark.stop();
    String md = markdown(report);
    if (args.length > 1) {
      Files.writeString(Path.of(args[1]), md, StandardCharsets.UTF_8);
    }
    System.out.println(md);
  }

  static Report run(SparkSession spark, Path work, int frames) throws Exception {
    TestMirror mirror = TestMirror.in(work.resolve("videos"));
    mirror.resourceLine(
        "{\"id\":\"video-0\",\"filename\":\"long.mp4\",\"mimetype\":\"video/mp4\","
            + "\"metadata\":{\"frame_count\":"
            + frames
            + ",\"width\":"
            + WIDTH
            + ",\"height\":"
            + HEIGHT
            + "}}");
    Path dir = mirror.write();
    Path video = dir.resolve("files/resources/video-0");
    Path mp4 = work.resolve("long.mp4");
    BenchVideos.writeClip(mp4, frames);
    Files.copy(mp4, video);
    long start = System.nanoTime();
    BenchVideos.ffmpeg(
        "-threads",
        "1",
        "-i",
        mp4.toString(),
        "-f",
        "rawvideo",
        "-pix_fmt",
        "rgb24",
        "-threads",
        "1",
        "-y",
        "/dev/null");
    double ffmpegSeconds = (System.nanoTime() - start) / 1e9;

    List<Result> out = new ArrayList<>();
    out.add(decoderAlone(Files.readAllBytes(mp4)));
    measure(spark, "frames (warm-up)", dir, Map.of("frame_by_frame", "true"), null, true);
    out.add(measure(spark, "frame by frame", dir, Map.of("frame_by_frame", "true"), null, true));
    out.add(
        measure(
            spark,
            "frame by frame, `frame_index BETWEEN 100 AND 129`",
            dir,
            Map.of("frame_by_frame", "true"),
            "frame_index BETWEEN 100 AND 129",
            true));
    out.add(
        measure(
            spark,
            "frame by frame, `count(*)` (metadata only)",
            dir,
            Map.of("frame_by_frame", "true"),
            null,
            false));
    // last: the heap it grows stays resident, and would be every later read's peak RSS
    out.add(measure(spark, "whole video", dir, Map.of(), null, true));
    return new Report(frames, Files.size(mp4), ffmpegSeconds, out);
  }

  /** The connector's frame stream alone, no Spark: the decoder's speed in the JVM. */
  private static Result decoderAlone(byte[] file) throws Exception {
    System.gc();
    ProcessMemory.resetPeak();
    long start = System.nanoTime();
    long frames = 0;
    try (FrameStream stream =
        Decoders.forFormat(FileFormat.VIDEO)
            .frames(file, file.length, new DecodeLimits(DecodeLimits.DEFAULT_MAX_DECODED_BYTES))) {
      while (stream.next() != null) {
        frames++;
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    Result result =
        new Result(
            "decoder alone (`FrameStream`, no Spark)",
            frames,
            seconds,
            -1,
            ProcessMemory.peak(),
            frames,
            0,
            1,
            null);
    System.err.println(result);
    return result;
  }

  private static Result measure(
      SparkSession spark,
      String name,
      Path dir,
      Map<String, String> options,
      String where,
      boolean pixels)
      throws IOException {
    ProcessMemory.resetHeapPeak();
    ProcessMemory.resetPeak();
    long start = System.nanoTime();
    Dataset<Row> df = spark.read().format("datamint").options(options).load(dir.toString());
    if (where != null) {
      df = df.where(where);
    }
    Dataset<Row> agg =
        pixels
            ? df.select(length(col("image.data")).as("n"), col("_error"))
                .agg(count("n"), sum("n"), count("_error"))
            : df.groupBy().count();
    Row r = agg.collectAsList().get(0); // not first(): its plan is another, without the metrics
    double seconds = (System.nanoTime() - start) / 1e9;
    long peak = ProcessMemory.heapPeak();
    Map<String, Long> metrics = BatchScans.metrics(agg);
    String error = null;
    if (pixels && r.getLong(2) > 0) {
      error =
          df.select(col("_error"), length(col("image.data")))
              .where("_error IS NOT NULL")
              .first()
              .getString(0); // with the image, so that the file is decoded again
    }
    Result result =
        new Result(
            name,
            r.getLong(0),
            seconds,
            peak,
            ProcessMemory.peak(),
            metrics.getOrDefault(ReadTaskMetrics.FRAMES_DECODED, 0L),
            metrics.getOrDefault(ReadTaskMetrics.FRAMES_SKIPPED, 0L),
            metrics.getOrDefault(ReadTaskMetrics.FILES_READ, 0L),
            error);
    System.err.println(result);
    return result;
  }

  static String markdown(Report report) {
    long frameBytes = 3L * WIDTH * HEIGHT;
    StringBuilder md = new StringBuilder();
    md.append("### Frames streamed\n\n")
        .append(
            String.format(
                Locale.ROOT,
                "One %d-frame %dx%d H.264 MP4 (%,d bytes, `testsrc2` encoded by libx264, generated"
                    + " by the benchmark), read by one core (`local[1]`, `-Xmx4g`, default"
                    + " `batch_size` 16 and `max_decoded_bytes`), every row's pixels materialized"
                    + " (`sum(length(image.data))`). The whole video decodes to %,d bytes (%.2f"
                    + " GB); one frame to %,d. Peak heap is the JVM's heap high-water mark during"
                    + " the read, peak RSS the process's (VmHWM, reset before each read). The FFmpeg"
                    + " command line decodes the same file to RGB on one thread in %.2f s: %.1f"
                    + " frames/s.%n%n",
                report.frames(),
                WIDTH,
                HEIGHT,
                report.fileBytes(),
                report.frames() * frameBytes,
                report.frames() * frameBytes / 1e9,
                frameBytes,
                report.ffmpegSeconds(),
                report.frames() / report.ffmpegSeconds()))
        .append(
            "| read | rows | seconds | rows/s | frames converted | frames skipped | files read |"
                + " peak heap MB | peak RSS MB | `_error` |\n")
        .append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
    for (Result r : report.results()) {
      md.append(
          String.format(
              Locale.ROOT,
              "| %s | %d | %.2f | %.1f | %d | %d | %d | %s | %s | %s |%n",
              r.read(),
              r.rows(),
              r.seconds(),
              r.rows() / r.seconds(),
              r.framesDecoded(),
              r.framesSkipped(),
              r.filesRead(),
              r.peakHeapBytes() < 0
                  ? "n/a"
                  : String.format(Locale.ROOT, "%.0f", r.peakHeapBytes() / 1e6),
              r.peakRssBytes() < 0
                  ? "n/a"
                  : String.format(Locale.ROOT, "%.0f", r.peakRssBytes() / 1e6),
              r.error() == null ? "" : r.error().replace("|", "\\|")));
    }
    return md.toString();
  }
}
