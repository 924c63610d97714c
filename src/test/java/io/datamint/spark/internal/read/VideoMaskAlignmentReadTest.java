package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.sample.PngWriter;
import io.datamint.spark.internal.sample.VideoWriter;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Frame-scoped masks on a video land on the frames and pixels they were drawn on: a bright box
 * moves across an H.264 clip, and a PNG mask of the box is attached to frames 2 and 5; read through
 * {@code spark.read}, the mask is zero on every other frame, and on those frames its ones are the
 * clip's bright pixels (H.264 is lossy, so up to 2% of the box's pixels may disagree at its edges).
 */
class VideoMaskAlignmentReadTest {

  private static final int W = 64;
  private static final int H = 48;
  private static final int FRAMES = 8;

  @TempDir Path tmp;

  private static boolean inBox(int frame, int x, int y) {
    int left = 8 + 4 * frame;
    return x >= left && x < left + 16 && y >= 16 && y < 32;
  }

  @Test
  void frameMasksLandOnTheirFramesAndPixels() throws Exception {
    List<byte[]> frames = new ArrayList<>();
    for (int f = 0; f < FRAMES; f++) {
      byte[] gray = new byte[W * H];
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          gray[y * W + x] = (byte) (inBox(f, x, y) ? 230 : 25);
        }
      }
      frames.add(gray);
    }
    TestMirror m =
        TestMirror.in(tmp.resolve("v"))
            .worklists(
                "[{\"id\":\"w\",\"name\":\"W\",\"annotations\":[],\"segmentation_group\":{\"groups\":"
                    + "{\"box\":{\"index\":1}}}}]")
            .resourceLine(
                "{\"id\":\"clip\",\"filename\":\"clip.mp4\",\"mimetype\":\"video/mp4\",\"metadata\":"
                    + "{\"frame_count\":"
                    + FRAMES
                    + "}}");
    for (int f : new int[] {2, 5}) {
      m.annotationLine(
          "{\"id\":\"m"
              + f
              + "\",\"resource_id\":\"clip\",\"type\":\"segmentation\",\"name\":\"box\","
              + "\"index\":"
              + f
              + ",\"added_by\":\"alice\"}");
    }
    Path dir = m.write();
    Files.write(
        dir.resolve("files/resources/clip"), VideoWriter.h264Mp4(W, H, 10, frames, Instant.EPOCH));
    for (int f : new int[] {2, 5}) {
      boolean[] mask = new boolean[W * H];
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          mask[y * W + x] = inBox(f, x, y);
        }
      }
      Files.write(dir.resolve("files/annotations/m" + f), PngWriter.mask(W, H, mask));
    }
    Row row =
        SharedSpark.session()
            .read()
            .format("datamint")
            .load(dir.toString())
            .select("image", "segmentations", "_error")
            .first();
    assertThat(row.isNullAt(2)).as(String.valueOf(row.get(2))).isTrue();
    byte[] rgb = (byte[]) row.getStruct(0).get(2); // (3, FRAMES, H, W)
    Row mask = (Row) row.getJavaMap(1).get("alice");
    assertThat(mask.getList(1)).containsExactly(1, FRAMES, H, W);
    byte[] ones = (byte[]) mask.get(2);
    int plane = W * H;
    for (int f = 0; f < FRAMES; f++) {
      int disagree = 0;
      int marked = 0;
      for (int p = 0; p < plane; p++) {
        boolean bright = (rgb[f * plane + p] & 0xff) > 128; // red channel
        boolean one = ones[f * plane + p] == 1;
        marked += one ? 1 : 0;
        if (f == 2 || f == 5) {
          disagree += bright == one ? 0 : 1;
        }
      }
      if (f == 2 || f == 5) {
        assertThat(marked).as("frame " + f).isEqualTo(16 * 16);
        assertThat(disagree)
            .as("frame " + f + " pixels where mask and bright box disagree")
            .isLessThanOrEqualTo(5);
      } else {
        assertThat(marked).as("frame " + f).isZero();
      }
    }
  }
}
