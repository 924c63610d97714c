package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.testing.ExternalTool;
import io.datamint.spark.testing.TestCorpus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code ffmpeg} and {@code ffprobe} command lines as the reference for the video tests, the
 * test corpus, and comparisons of decoded arrays with the command line's {@code rgb24} output.
 */
public final class VideoReference {

  private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(60);

  private VideoReference() {}

  /** Skips the calling test unless ffmpeg and ffprobe are installed (fails on CI). */
  public static void assumeFfmpeg() {
    ExternalTool.assumeAvailable("ffmpeg", "apt-get install ffmpeg");
    ExternalTool.assumeAvailable("ffprobe", "apt-get install ffmpeg");
  }

  /** A corpus video by file name; skips the calling test when it is absent (fails on CI). */
  static Path corpusVideo(String name) {
    return TestCorpus.file("video/" + name);
  }

  /** Runs {@code ffmpeg -v error -nostdin -y <args>} and fails the test if it fails. */
  static void ffmpeg(String... args) {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-v", "error", "-nostdin", "-y"));
    command.addAll(List.of(args));
    ExternalTool.run(TOOL_TIMEOUT, command).assertSuccess();
  }

  /**
   * Writes {@code frames} frames of the FFmpeg test source {@code source} (a lavfi graph such as
   * {@code testsrc2=size=160x96:rate=25}) as H.264 in 4:2:0 to {@code file}, whose suffix chooses
   * the container; {@code extra} are further output options (a GOP, {@code -movflags}).
   */
  static void writeH264(Path file, String source, int frames, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "-f",
                "lavfi",
                "-i",
                source,
                "-frames:v",
                Integer.toString(frames),
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p"));
    args.addAll(List.of(extra));
    args.add(file.toString());
    ffmpeg(args.toArray(String[]::new));
  }

  /**
   * The frames of the best video stream as the command line decodes them: packed RGB24, frame after
   * frame, every decoded frame once ({@code -fps_mode passthrough}: no frame duplicated or dropped
   * for a constant rate, no auto-rotation), converted with the CLI's automatic scale filter ({@code
   * -sws_flags} if given).
   */
  public static byte[] ffmpegRgb24(Path video, Path scratch, String swsFlags) {
    try {
      Path out = Files.createTempFile(scratch, video.getFileName().toString(), ".rgb");
      List<String> args =
          new ArrayList<>(
              List.of(
                  "-noautorotate",
                  "-i",
                  video.toString(),
                  "-map",
                  "0:v:0",
                  "-fps_mode",
                  "passthrough"));
      if (swsFlags != null) {
        args.addAll(List.of("-sws_flags", swsFlags));
      }
      args.addAll(List.of("-f", "rawvideo", "-pix_fmt", "rgb24", out.toString()));
      ffmpeg(args.toArray(String[]::new));
      byte[] rgb = Files.readAllBytes(out);
      Files.delete(out);
      return rgb;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * {@code ffprobe -count_frames}: the number of frames ffprobe decodes from the first video
   * stream.
   */
  static int ffprobeFrameCount(Path video) {
    ExternalTool.Result r =
        ExternalTool.run(
                TOOL_TIMEOUT,
                "ffprobe",
                "-v",
                "error",
                "-count_frames",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=nb_read_frames",
                "-of",
                "csv=p=0",
                video.toString())
            .assertSuccess();
    return Integer.parseInt(r.stdout().strip());
  }

  /** An {@code ffprobe} stream field of the first video stream, e.g. {@code field_order}. */
  static String ffprobeStreamField(Path video, String field) {
    ExternalTool.Result r =
        ExternalTool.run(
                TOOL_TIMEOUT,
                "ffprobe",
                "-v",
                "error",
                "-select_streams",
                "v:0",
                "-show_entries",
                "stream=" + field,
                "-of",
                "csv=p=0",
                video.toString())
            .assertSuccess();
    return r.stdout().strip();
  }

  /**
   * Asserts that {@code pixels}, {@code (N, 3, H, W)}, holds exactly the packed RGB24 frames {@code
   * rgb}; on a mismatch the message says how many samples differ, by how much at most, and where
   * the first one is.
   */
  static void assertSameFrames(PixelArray pixels, byte[] rgb, String what) {
    assertThat(pixels.rank()).isEqualTo(4);
    int n = pixels.dim(0);
    int h = pixels.dim(2);
    int w = pixels.dim(3);
    assertThat(pixels.dim(1)).isEqualTo(3);
    long frameBytes = 3L * h * w;
    assertThat(rgb.length % frameBytes)
        .as("%s: CLI output is whole %dx%d frames", what, w, h)
        .isZero();
    assertThat(n)
        .as("%s: frames decoded vs frames the ffmpeg CLI output", what)
        .isEqualTo(rgb.length / frameBytes);
    byte[] planar = new byte[(int) (n * frameBytes)];
    pixels.data().duplicate().position(0).get(planar);
    long differing = 0;
    int maxDiff = 0;
    String first = null;
    int plane = h * w;
    for (int f = 0; f < n; f++) {
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          int ours = planar[(int) (f * frameBytes) + c * plane + p] & 0xFF;
          int theirs = rgb[(int) (f * frameBytes) + p * 3 + c] & 0xFF;
          if (ours != theirs) {
            differing++;
            maxDiff = Math.max(maxDiff, Math.abs(ours - theirs));
            if (first == null) {
              first =
                  "frame "
                      + f
                      + " channel "
                      + c
                      + " row "
                      + p / w
                      + " column "
                      + p % w
                      + ": "
                      + ours
                      + " vs "
                      + theirs;
            }
          }
        }
      }
    }
    if (differing > 0) {
      fail(
          what
              + ": "
              + differing
              + " of "
              + (n * frameBytes)
              + " samples differ from the ffmpeg CLI's rgb24 (max "
              + maxDiff
              + "), first at "
              + first);
    }
  }

  /**
   * The frames as packed RGB24, as the CLI writes them: for comparing a stream of {@code (3, H, W)}
   * frames.
   */
  static byte[] packed(List<PixelArray> frames) {
    if (frames.isEmpty()) {
      return new byte[0];
    }
    int h = frames.get(0).dim(1);
    int w = frames.get(0).dim(2);
    int plane = h * w;
    byte[] rgb = new byte[frames.size() * 3 * plane];
    byte[] planar = new byte[3 * plane];
    for (int f = 0; f < frames.size(); f++) {
      frames.get(f).data().duplicate().position(0).get(planar);
      for (int p = 0; p < plane; p++) {
        for (int c = 0; c < 3; c++) {
          rgb[f * 3 * plane + p * 3 + c] = planar[c * plane + p];
        }
      }
    }
    return rgb;
  }
}
