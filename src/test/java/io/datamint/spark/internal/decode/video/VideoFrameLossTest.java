package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.FrameStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * No silent frame loss (issue 15): a video whose container declares an exact frame count (the
 * MP4/MOV sample table, the AVI index) and decodes to fewer frames is an error saying how many of
 * how many frames decoded and where decoding stopped, both decoded whole and frame by frame; intact
 * clips decode to all their frames without one; Matroska has no exact count and is not checked.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("spark-independent")
class VideoFrameLossTest {

  private static final DecodeLimits LIMITS = DecodeLimits.defaults();
  private static final VideoDecoder DECODER = new VideoDecoder();

  @TempDir static Path dir;

  @BeforeAll
  static void generate() {
    VideoReference.assumeFfmpeg();
    VideoMutants.writeClip(dir.resolve("moov_last.mp4"));
    VideoMutants.writeClip(dir.resolve("moov_first.mp4"), "-movflags", "+faststart");
    VideoMutants.writeClip(dir.resolve("clip.mov"));
    VideoMutants.writeClip(dir.resolve("clip.avi"));
    VideoMutants.writeClip(dir.resolve("clip.mkv"));
  }

  private static byte[] read(String name) throws Exception {
    return Files.readAllBytes(dir.resolve(name));
  }

  @Test
  void intactClipsDecodeAllTheirFramesWithoutAnError() throws Exception {
    for (String name : List.of("moov_last.mp4", "moov_first.mp4", "clip.mov", "clip.avi")) {
      byte[] clip = read(name);
      assertThat(DECODER.decode(clip, clip.length, LIMITS).pixels().dim(0))
          .as(name)
          .isEqualTo(VideoMutants.FRAMES);
      assertThat(streamed(clip)).as(name).isEqualTo(VideoMutants.FRAMES);
    }
  }

  @Test
  void framesLostWithoutAnFfmpegErrorAreAnErrorNamingTheCounts() throws Exception {
    for (String name : List.of("moov_last.mp4", "moov_first.mp4", "clip.mov")) {
      byte[] clip = read(name);
      for (int kept : new int[] {1, 5}) {
        byte[] mutant = VideoMutants.mp4SizeTableCut(clip, kept);
        String what = name + " listing " + kept + " samples";
        assertThatThrownBy(() -> DECODER.decode(mutant, mutant.length, LIMITS))
            .as(what)
            .isInstanceOf(DecodeException.class)
            .hasMessageStartingWith(
                "the MP4/QuickTime file declares 12 video frames in its sample table, but only "
                    + kept
                    + " of them decoded: the h264 stream ends after frame "
                    + (kept - 1))
            .hasMessageContaining(" of " + mutant.length + " bytes")
            .hasMessageContaining("the file is corrupt or truncated");
        // frame by frame: the frames that decoded come, then the error
        List<Integer> before = new ArrayList<>();
        try (FrameStream frames = DECODER.frames(mutant, mutant.length, LIMITS)) {
          assertThatThrownBy(
                  () -> {
                    while (frames.next() != null) {
                      before.add(frames.position());
                    }
                  })
              .as(what)
              .isInstanceOf(DecodeException.class)
              .hasMessageContaining("but only " + kept + " of them decoded");
        }
        assertThat(before).as(what).hasSize(kept);
      }
    }
  }

  @Test
  void anEditListThatTrimsTheTrackIsNoLoss() throws Exception {
    for (String name : List.of("moov_last.mp4", "moov_first.mp4", "clip.mov")) {
      byte[] trimmed = VideoMutants.mp4TrimmedByEditList(read(name), 2);
      assertThat(DECODER.decode(trimmed, trimmed.length, LIMITS).pixels().dim(0))
          .as(name)
          .isEqualTo(VideoMutants.FRAMES / 2);
      assertThat(streamed(trimmed)).as(name).isEqualTo(VideoMutants.FRAMES / 2);
    }
  }

  @Test
  void noCutOrFlippedClipLosesFramesSilently() throws Exception {
    int errors = 0;
    for (String name : List.of("moov_last.mp4", "moov_first.mp4", "clip.mov", "clip.avi")) {
      byte[] clip = read(name);
      List<byte[]> mutants = new ArrayList<>();
      for (double cut : new double[] {0.1, 0.3, 0.5, 0.7, 0.9, 0.99}) {
        mutants.add(VideoMutants.truncated(clip, cut));
      }
      for (double at = 0.05; at < 1; at += 0.05) {
        mutants.add(VideoMutants.flipped(clip, at, 4));
      }
      for (byte[] mutant : mutants) {
        try {
          int frames = DECODER.decode(mutant, mutant.length, LIMITS).pixels().dim(0);
          assertThat(frames)
              .as(name + " mutant of " + mutant.length + " bytes")
              .isGreaterThanOrEqualTo(VideoMutants.FRAMES);
        } catch (DecodeException e) {
          errors++;
          assertThat(e.getMessage()).doesNotContainPattern("\\b(java|javax|org|com)\\.[a-z]");
        }
      }
    }
    assertThat(errors).as("mutants that are errors").isPositive();
  }

  @Test
  void matroskaHasNoExactCountAndIsNotChecked() throws Exception {
    byte[] clip = read("clip.mkv");
    try (VideoFrames frames = VideoFrames.open(clip, clip.length, LIMITS)) {
      assertThat(frames.declaredFrames().exact()).isFalse();
    }
    byte[] mp4 = read("moov_last.mp4");
    try (VideoFrames frames = VideoFrames.open(mp4, mp4.length, LIMITS)) {
      assertThat(frames.declaredFrames().count()).isEqualTo(VideoMutants.FRAMES);
    }
  }

  private static int streamed(byte[] clip) throws DecodeException {
    int n = 0;
    try (FrameStream frames = DECODER.frames(clip, clip.length, LIMITS)) {
      while (frames.next() != null) {
        n++;
      }
    }
    return n;
  }
}
