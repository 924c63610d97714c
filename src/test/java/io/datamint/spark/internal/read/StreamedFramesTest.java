package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.util.BatchScans;
import io.datamint.spark.testing.SampleReads;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame-by-frame reads of videos decode one frame at a time (issue 14): the same rows as cutting
 * the whole decoded video, under a decode limit that the whole video exceeds, fewer frames
 * converted under {@code frame_index} predicates, and row counts from the metadata without opening
 * a file.
 */
class StreamedFramesTest {

  private static final String VIDEO = "US_CAROTID_P004.mp4";
  private static final int FRAMES = 24;
  private static final int FRAME_BYTES = 3 * 96 * 128;

  @TempDir static Path tmp;
  static SampleReads sample;
  static SparkSession spark;
  static String mirror;

  @BeforeAll
  static void writeSample() throws Exception {
    sample = SampleReads.write(tmp.resolve("s"), "batch_size", "5");
    spark = sample.spark();
    mirror = sample.mirror();
  }

  private static Dataset<Row> read(String... options) {
    return sample.read(options);
  }

  private static long metric(Dataset<Row> df, String name) {
    df.collectAsList();
    return BatchScans.metrics(df).get(name);
  }

  @Test
  void streamedFramesAreTheWholeVideosFrames() {
    List<Row> frames =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "'")
            .select("frame_index", "image", "_error")
            .orderBy("frame_index")
            .collectAsList();
    assertThat(frames).hasSize(FRAMES);
    byte[] video =
        SampleReads.tensorBytes(
            read()
                .where("filename = '" + VIDEO + "'")
                .select("image")
                .first()
                .getStruct(0)); // (3, 24, 96, 128)
    int plane = 96 * 128;
    for (Row frame : frames) {
      int f = frame.getInt(0);
      assertThat(frame.isNullAt(2)).as("frame " + f + " error").isTrue();
      assertThat(frame.getStruct(1).getList(1)).containsExactly(3, 96, 128);
      byte[] expected = new byte[FRAME_BYTES];
      for (int c = 0; c < 3; c++) {
        System.arraycopy(video, (c * FRAMES + f) * plane, expected, c * plane, plane);
      }
      assertThat(SampleReads.tensorBytes(frame.getStruct(1))).as("frame " + f).isEqualTo(expected);
    }
  }

  @Test
  void aVideoOverTheDecodeLimitReadsFrameByFrame() {
    String limit = Integer.toString(FRAME_BYTES + 1000); // one frame fits, the video does not
    Row whole =
        read("max_decoded_bytes", limit)
            .where("filename = '" + VIDEO + "'")
            .select("image", "_error")
            .first();
    assertThat(whole.isNullAt(0)).isTrue();
    assertThat(whole.getString(1))
        .contains("max_decoded_bytes")
        .contains("for the whole video")
        .contains("frame_by_frame 'true'");
    Dataset<Row> frames =
        read("frame_by_frame", "true", "max_decoded_bytes", limit)
            .where("filename = '" + VIDEO + "'")
            .select("frame_index", "image.shape", "_error");
    List<Row> rows = frames.collectAsList();
    assertThat(rows).hasSize(FRAMES);
    assertThat(rows).allSatisfy(r -> assertThat(r.isNullAt(2)).isTrue());
    assertThat(rows)
        .extracting(r -> r.getList(1))
        .allSatisfy(s -> assertThat(s).containsExactly(3, 96, 128));
    assertThat(BatchScans.metrics(frames).get(ReadMetrics.FRAMES_DECODED)).isEqualTo(FRAMES);
  }

  @Test
  void frameIndexPredicatesConvertOnlyTheirFramesAndStopAfterTheLast() {
    Dataset<Row> first =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "' AND frame_index < 5")
            .select("frame_index", "image.shape");
    assertThat(first.collectAsList())
        .extracting(r -> r.getInt(0))
        .containsExactlyInAnyOrder(0, 1, 2, 3, 4);
    assertThat(BatchScans.metrics(first).get(ReadMetrics.FRAMES_DECODED)).isEqualTo(5);
    assertThat(BatchScans.metrics(first).get(ReadMetrics.FRAMES_SKIPPED)).isZero();

    Dataset<Row> some =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "' AND (frame_index = 10 OR frame_index = 12)")
            .select("frame_index", "image");
    List<Row> rows = some.collectAsList();
    assertThat(rows).extracting(r -> r.getInt(0)).containsExactlyInAnyOrder(10, 12);
    assertThat(BatchScans.metrics(some).get(ReadMetrics.FRAMES_DECODED)).isEqualTo(2);
    assertThat(BatchScans.metrics(some).get(ReadMetrics.FRAMES_SKIPPED)).isEqualTo(11);

    Dataset<Row> later =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "' AND frame_index >= 20")
            .select("frame_index", "image.shape");
    assertThat(later.collectAsList())
        .extracting(r -> r.getInt(0))
        .containsExactlyInAnyOrder(20, 21, 22, 23);
    assertThat(BatchScans.metrics(later).get(ReadMetrics.FRAMES_DECODED)).isEqualTo(4);
    assertThat(BatchScans.metrics(later).get(ReadMetrics.FRAMES_SKIPPED)).isEqualTo(20);
  }

  @Test
  void metadataOnlyFrameCountsOpenNoFile() {
    Dataset<Row> decoded =
        read("frame_by_frame", "true").select("resource_id", "frame_index", "image.shape");
    List<Row> decodedRows = decoded.collectAsList();
    assertThat(BatchScans.metrics(decoded).get(ReadMetrics.FILES_READ)).isPositive();

    Dataset<Row> counted = read("frame_by_frame", "true").select("resource_id", "frame_index");
    List<Row> countedRows = counted.collectAsList();
    assertThat(BatchScans.metrics(counted).get(ReadMetrics.FILES_READ)).isZero();
    assertThat(BatchScans.metrics(counted).get(ReadMetrics.BYTES_READ)).isZero();
    assertThat(keys(countedRows)).isEqualTo(keys(decodedRows));
    assertThat(countedRows.stream().filter(r -> !r.isNullAt(1)).count())
        .as("frame rows")
        .isGreaterThanOrEqualTo(2L * FRAMES);

    Dataset<Row> count = read("frame_by_frame", "true").where("frame_index >= 3").groupBy().count();
    assertThat(metric(count, ReadMetrics.FILES_READ)).isZero();
    assertThat(count.first().getLong(0))
        .isEqualTo(decodedRows.stream().filter(r -> !r.isNullAt(1) && r.getInt(1) >= 3).count());
  }

  private static List<String> keys(List<Row> rows) {
    return rows.stream()
        .map(r -> r.getString(0) + "/" + (r.isNullAt(1) ? "-" : r.getInt(1)))
        .sorted()
        .toList();
  }

  @Test
  void videosWithoutAFrameCountAreReadToCountAndTruncatedOnesAreErrors() throws Exception {
    String id =
        read().where("filename = '" + VIDEO + "'").select("resource_id").first().getString(0);
    byte[] file = Files.readAllBytes(Path.of(mirror, "files/resources", id));
    TestMirror other =
        TestMirror.in(tmp.resolve("other"))
            .resourceLine(
                "{\"id\":\"uncounted\",\"filename\":\"a.mp4\",\"mimetype\":\"video/mp4\"}")
            .resourceLine(
                "{\"id\":\"truncated\",\"filename\":\"b.mp4\",\"mimetype\":\"video/mp4\","
                    + "\"metadata\":{\"frame_count\":24}}");
    Path dir = other.write();
    Files.write(dir.resolve("files/resources/uncounted"), file);
    Files.write(dir.resolve("files/resources/truncated"), Arrays.copyOf(file, file.length * 2 / 3));
    Dataset<Row> counted =
        spark
            .read()
            .format("datamint")
            .option("frame_by_frame", "true")
            .load(dir.toString())
            .where("resource_id = 'uncounted'")
            .groupBy()
            .count();
    assertThat(metric(counted, ReadMetrics.FILES_READ)).isEqualTo(1);
    assertThat(counted.collectAsList().get(0).getLong(0)).isEqualTo(FRAMES);

    List<Row> truncated =
        spark
            .read()
            .format("datamint")
            .option("frame_by_frame", "true")
            .load(dir.toString())
            .where("resource_id = 'truncated'")
            .select("frame_index", "image.shape", "_error")
            .collectAsList();
    assertThat(truncated).isNotEmpty();
    assertThat(truncated).filteredOn(r -> !r.isNullAt(2)).hasSize(1);
    assertThat(truncated)
        .filteredOn(r -> r.isNullAt(2))
        .allSatisfy(r -> assertThat(r.getList(1)).containsExactly(3, 96, 128));
    // the sample MP4 has its index at the end, lost with the tail: the file fails to open, which
    // is the resource's one row (no frame index), as in a whole-video read
    assertThat(truncated).hasSize(1);
    assertThat(truncated.get(0).isNullAt(0)).isTrue();
    assertThat(truncated.get(0).getString(2)).contains("FFmpeg");
  }

  @Test
  void metadataCountedFramesCarryTheirTargets() {
    Dataset<Row> counted =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "'")
            .select("frame_index", "frame_labels", "image_labels");
    List<Row> countedRows = counted.orderBy("frame_index").collectAsList();
    assertThat(metric(counted, ReadMetrics.FILES_READ)).isZero();
    List<Row> decoded =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "'")
            .select("frame_index", "frame_labels", "image_labels", "image.shape")
            .orderBy("frame_index")
            .collectAsList();
    assertThat(countedRows).hasSize(FRAMES);
    for (int i = 0; i < FRAMES; i++) {
      assertThat(countedRows.get(i).getInt(0)).isEqualTo(i);
      assertThat(countedRows.get(i).isNullAt(1)).isFalse();
      assertThat(countedRows.get(i).get(1)).isEqualTo(decoded.get(i).get(1));
      assertThat(countedRows.get(i).get(2)).isEqualTo(decoded.get(i).get(2));
    }
  }

  @Test
  void framesWithMasksStillReadTheWholeVideo() {
    List<Row> rows =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "'")
            .select("frame_index", "image.shape", "segmentations", "_error")
            .collectAsList();
    assertThat(rows).hasSize(FRAMES);
    assertThat(rows).allSatisfy(r -> assertThat(r.isNullAt(3)).isTrue());
    assertThat(Arrays.asList(rows.get(0).getList(1).toArray())).containsExactly(3, 96, 128);
  }

  @Test
  void arithmeticOnTheFrameIndexIsFilteredBySparkNotPushed() {
    Dataset<Row> frames =
        read("frame_by_frame", "true")
            .where("filename = '" + VIDEO + "'")
            .where("frame_index + 1 >= 20")
            .select("frame_index");
    assertThat(frames.collectAsList().stream().map(r -> r.getInt(0)).sorted().toList())
        .containsExactly(19, 20, 21, 22, 23);
  }
}
