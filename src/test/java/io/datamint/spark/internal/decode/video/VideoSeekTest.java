package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.FrameStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seeking to a frame (issue 14): on an MP4 file with a key frame every {@value #GOP} frames (and
 * B-frames), a seek to frame <i>k</i> lands on the frame sequential decoding numbers <i>k</i>,
 * pixel for pixel, decoding at most about a group of pictures instead of <i>k</i> frames; AVI and
 * Matroska files (no index the seek relies on) do not seek and still give the same frames by
 * skipping.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("spark-independent")
class VideoSeekTest {

  static final int FRAMES = 400;
  static final int GOP = 25;
  private static final DecodeLimits LIMITS = DecodeLimits.defaults();
  private static final int[] TARGETS = {1, 24, 25, 26, 49, 50, 137, 250, 333, 390, 399};

  @TempDir static Path dir;

  /** Generates a testsrc2 clip with libx264, a key frame every GOP frames and B-frames. */
  static byte[] generate(Path dir, String name, int frames, int gop, String... extra)
      throws Exception {
    VideoReference.assumeFfmpeg();
    Path file = dir.resolve(name);
    List<String> options =
        new ArrayList<>(
            List.of(
                "-g",
                Integer.toString(gop),
                "-keyint_min",
                Integer.toString(gop),
                "-sc_threshold",
                "0",
                "-bf",
                "2"));
    options.addAll(List.of(extra));
    VideoReference.writeH264(
        file, "testsrc2=size=160x96:rate=25", frames, options.toArray(String[]::new));
    return Files.readAllBytes(file);
  }

  private static String digest(PixelArray frame) throws Exception {
    ByteBuffer data = frame.data().duplicate();
    byte[] bytes = new byte[data.remaining()];
    data.get(bytes);
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  /** Every frame's digest, decoding sequentially. */
  private static List<String> sequential(byte[] video) throws Exception {
    List<String> out = new ArrayList<>();
    try (FrameStream frames = new VideoDecoder().frames(video, video.length, LIMITS)) {
      PixelArray frame;
      while ((frame = frames.next()) != null) {
        out.add(digest(frame));
      }
    }
    return out;
  }

  /** Seeks to each target, checks the frames there, returns the frames decoded to get there. */
  private static int[] seekEach(byte[] video, List<String> expected) throws Exception {
    int[] spent = new int[TARGETS.length];
    for (int t = 0; t < TARGETS.length; t++) {
      int target = TARGETS[t];
      try (FrameStream frames = new VideoDecoder().frames(video, video.length, LIMITS)) {
        spent[t] = frames.seek(target);
        assertThat(frames.position())
            .as("position after seeking %d", target)
            .isLessThanOrEqualTo(target);
        while (frames.position() < target) {
          assertThat(frames.skip()).isTrue();
          spent[t]++;
        }
        for (int f = target; f < Math.min(target + 3, expected.size()); f++) {
          assertThat(frames.position()).isEqualTo(f);
          assertThat(digest(frames.next()))
              .as("frame %d after seeking %d", f, target)
              .isEqualTo(expected.get(f));
        }
      }
    }
    return spent;
  }

  private static void assertSeeks(String name, String... extra) throws Exception {
    byte[] video = generate(dir, name, FRAMES, GOP, extra);
    List<String> expected = sequential(video);
    assertThat(expected).hasSize(FRAMES);
    int[] spent = seekEach(video, expected);
    for (int t = 0; t < TARGETS.length; t++) {
      // frame 0 (for the first timestamp), then at most a group of pictures (plus B-frame delay)
      assertThat(spent[t])
          .as(name + ": frames decoded to reach " + TARGETS[t])
          .isLessThanOrEqualTo(Math.min(TARGETS[t] + 1, GOP + 4));
    }
  }

  @Test
  void mp4SeeksToTheKeyFrameBeforeTheTargetAndKeepsSequentialIndexes() throws Exception {
    assertSeeks("clip.mp4");
  }

  @Test
  void matroskaDoesNotSeekAndGivesTheSameFrames() throws Exception {
    byte[] video = generate(dir, "clip.mkv", 120, GOP);
    List<String> expected = sequential(video);
    assertNoSeek(video, expected);
  }

  @Test
  void aviDoesNotSeekAndGivesTheSameFrames() throws Exception {
    byte[] video = generate(dir, "clip.avi", 120, GOP);
    List<String> expected = sequential(video);
    assertNoSeek(video, expected);
  }

  private static void assertNoSeek(byte[] video, List<String> expected) throws Exception {
    try (FrameStream frames = new VideoDecoder().frames(video, video.length, LIMITS)) {
      assertThat(frames.seek(100)).isZero();
      assertThat(frames.position()).isZero();
      int skipped = 0;
      while (frames.position() < 100) {
        assertThat(frames.skip()).isTrue();
        skipped++;
      }
      assertThat(skipped).isEqualTo(100);
      assertThat(digest(frames.next())).isEqualTo(expected.get(100));
    }
  }

  @Test
  void aSeekPastTheEndEndsTheStream() throws Exception {
    byte[] video = generate(dir, "short.mp4", 60, GOP);
    List<String> expected = sequential(video);
    try (FrameStream frames = new VideoDecoder().frames(video, video.length, LIMITS)) {
      // the last key frame (50), then its frames to the end: not the whole video again
      assertThat(frames.seek(500)).isLessThanOrEqualTo(1 + GOP);
      while (frames.skip()) {
        // to the end
      }
      assertThat(frames.position()).isEqualTo(expected.size());
      assertThat(frames.next()).isNull();
    }
  }
}
