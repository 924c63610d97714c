package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.decode.video.VideoMutants;
import io.datamint.spark.internal.decode.video.VideoReference;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent frame loss through Spark (issue 15): a video that decodes to fewer frames than its MP4
 * sample table declares is the resource's {@code _error} when read whole; read frame by frame, its
 * decoded frames are rows and the first missing frame is a row with the {@code _error}. The intact
 * clip has no error either way.
 */
class FrameLossReadTest {

  private static final int KEPT = 5;

  @TempDir static Path tmp;
  static SparkSession spark;
  static String mirror;

  @BeforeAll
  static void writeMirror() throws Exception {
    VideoReference.assumeFfmpeg();
    spark = SharedSpark.session();
    Path clip = tmp.resolve("clip.mp4");
    VideoMutants.writeClip(clip);
    byte[] intact = Files.readAllBytes(clip);
    Path dir =
        TestMirror.in(tmp.resolve("mirror"))
            .resourceLine(
                "{\"id\":\"intact\",\"filename\":\"intact.mp4\",\"mimetype\":\"video/mp4\"}")
            .resourceLine(
                "{\"id\":\"lossy\",\"filename\":\"lossy.mp4\",\"mimetype\":\"video/mp4\"}")
            .write();
    Files.write(dir.resolve("files/resources/intact"), intact);
    Files.write(dir.resolve("files/resources/lossy"), VideoMutants.mp4SizeTableCut(intact, KEPT));
    mirror = dir.toString();
  }

  private static List<Row> rows(String resource, boolean frameByFrame) {
    return spark
        .read()
        .format("datamint")
        .option("frame_by_frame", Boolean.toString(frameByFrame))
        .load(mirror)
        .where("resource_id = '" + resource + "'")
        .selectExpr(frameByFrame ? "frame_index" : "-1", "image.shape", "_error")
        .orderBy(frameByFrame ? "frame_index" : "_error")
        .collectAsList();
  }

  @Test
  void aWholeVideoThatLostFramesIsAnError() {
    List<Row> lossy = rows("lossy", false);
    assertThat(lossy).hasSize(1);
    assertThat(lossy.get(0).isNullAt(1)).isTrue();
    assertThat(lossy.get(0).getString(2))
        .startsWith(
            "the MP4/QuickTime file declares 12 video frames in its sample table, but only 5 of"
                + " them decoded");
    List<Row> intact = rows("intact", false);
    assertThat(intact).hasSize(1);
    assertThat(intact.get(0).isNullAt(2)).isTrue();
    assertThat(intact.get(0).getList(1)).containsExactly(3, VideoMutants.FRAMES, 48, 64);
  }

  @Test
  void frameByFrameTheDecodedFramesAreRowsAndTheFirstMissingOneIsTheError() {
    List<Row> lossy = rows("lossy", true);
    assertThat(lossy).hasSize(KEPT + 1);
    for (int i = 0; i < KEPT; i++) {
      assertThat(lossy.get(i).getInt(0)).isEqualTo(i);
      assertThat(lossy.get(i).isNullAt(2)).as("frame " + i).isTrue();
      assertThat(lossy.get(i).getList(1)).containsExactly(3, 48, 64);
    }
    Row missing = lossy.get(KEPT);
    assertThat(missing.getInt(0)).isEqualTo(KEPT);
    assertThat(missing.isNullAt(1)).isTrue();
    assertThat(missing.getString(2)).contains("but only 5 of them decoded");
    List<Row> intact = rows("intact", true);
    assertThat(intact).hasSize(VideoMutants.FRAMES);
    assertThat(intact).allSatisfy(r -> assertThat(r.isNullAt(2)).isTrue());
  }
}
