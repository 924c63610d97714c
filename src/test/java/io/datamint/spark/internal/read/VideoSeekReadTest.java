package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.ExternalTool;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntPredicate;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame-by-frame reads with {@code frame_index} predicates far from frame 0 seek an MP4 to the key
 * frame before the first kept frame (issue 14): the rows are those of a sequential read (every
 * frame decoded in order, the predicate applied to the rows), pixel for pixel, and the frames
 * decoded, kept or skipped, are far fewer than the target index.
 */
class VideoSeekReadTest {

  private static final int FRAMES = 600;
  private static final int GOP = 30;

  @TempDir static Path tmp;
  static SparkSession spark;
  static String mirror;

  /** Every frame row of a sequential read (no frame index predicate), by frame index. */
  static List<Row> sequential;

  @BeforeAll
  static void writeVideo() throws Exception {
    ExternalTool.assumeAvailable("ffmpeg", "apt-get install ffmpeg");
    spark = SharedSpark.session();
    Path mp4 = tmp.resolve("clip.mp4");
    ExternalTool.run(
            Duration.ofSeconds(120),
            "ffmpeg",
            "-v",
            "error",
            "-nostdin",
            "-y",
            "-f",
            "lavfi",
            "-i",
            "testsrc2=size=160x96:rate=30",
            "-frames:v",
            Integer.toString(FRAMES),
            "-c:v",
            "libx264",
            "-g",
            Integer.toString(GOP),
            "-keyint_min",
            Integer.toString(GOP),
            "-sc_threshold",
            "0",
            "-bf",
            "2",
            "-pix_fmt",
            "yuv420p",
            mp4.toString())
        .assertSuccess();
    Path dir =
        TestMirror.in(tmp.resolve("m"))
            .resourceLine(
                "{\"id\":\"clip\",\"filename\":\"clip.mp4\",\"mimetype\":\"video/mp4\","
                    + "\"metadata\":{\"frame_count\":"
                    + FRAMES
                    + "}}")
            .write();
    Files.copy(mp4, dir.resolve("files/resources/clip"));
    mirror = dir.toString();
    Dataset<Row> all = frames("frame_index IS NOT NULL");
    sequential = sorted(all.collectAsList());
    assertThat(sequential).hasSize(FRAMES);
    assertThat(BatchScans.metrics(all).get(ReadMetrics.FRAMES_DECODED)).isEqualTo(FRAMES);
  }

  private static Dataset<Row> frames(String where) {
    return spark
        .read()
        .format("datamint")
        .option("frame_by_frame", "true")
        .option("batch_size", "4")
        .load(mirror)
        .where(where)
        .select("frame_index", "image", "_error");
  }

  private static List<Row> sorted(List<Row> rows) {
    return rows.stream().sorted(Comparator.comparing((Row r) -> r.getInt(0))).toList();
  }

  /** Rows of the pushed (seeking) predicate equal the sequential read's; returns frames decoded. */
  private static long assertSeekMatchesSequential(
      String pushed, IntPredicate kept, int first, int runs) {
    Dataset<Row> seeking = frames(pushed);
    List<Row> rows = sorted(seeking.collectAsList());
    long decoded = BatchScans.metrics(seeking).get(ReadMetrics.FRAMES_DECODED);
    long skipped = BatchScans.metrics(seeking).get(ReadMetrics.FRAMES_SKIPPED);
    List<Row> expected = sequential.stream().filter(r -> kept.test(r.getInt(0))).toList();
    assertThat(expected).isNotEmpty();
    assertThat(rows).as(pushed).isEqualTo(expected);
    assertThat(rows).allSatisfy(r -> assertThat(r.isNullAt(2)).isTrue());
    assertThat(decoded).isEqualTo(rows.size());
    // frame 0 (for the first timestamp), then for each run of kept frames at most about a group
    // of pictures from the key frame before it
    assertThat(skipped)
        .as(pushed + ": frames decoded without a row")
        .isLessThanOrEqualTo(1L + runs * (GOP + 4L));
    assertThat(decoded + skipped).as(pushed).isLessThan(first / 3);
    return decoded + skipped;
  }

  @Test
  void inListRowsAreTheSequentialRows() {
    assertSeekMatchesSequential(
        "frame_index IN (455, 421, 590)", i -> i == 455 || i == 421 || i == 590, 421, 3);
  }

  @Test
  void lowerBoundRowsAreTheSequentialRows() {
    assertSeekMatchesSequential("frame_index >= 585", i -> i >= 585, 585, 1);
  }

  @Test
  void betweenAndEqualityRowsAreTheSequentialRows() {
    assertSeekMatchesSequential(
        "frame_index BETWEEN 500 AND 512", i -> i >= 500 && i <= 512, 500, 1);
    assertSeekMatchesSequential("frame_index = 599", i -> i == 599, 599, 1);
  }

  @Test
  void arithmeticOnTheFrameIndexIsNotPushedAndFilteredExactly() {
    Dataset<Row> df = frames("frame_index + 1 >= 586");
    List<Row> rows = sorted(df.collectAsList());
    assertThat(rows).isEqualTo(sequential.stream().filter(r -> r.getInt(0) >= 585).toList());
  }
}
