package io.datamint.spark.internal.decode.video;

import static io.datamint.spark.internal.decode.video.VideoReference.assertSameFrames;
import static io.datamint.spark.internal.decode.video.VideoReference.ffmpeg;
import static io.datamint.spark.internal.decode.video.VideoReference.ffmpegRgb24;
import static io.datamint.spark.internal.decode.video.VideoReference.ffprobeFrameCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.bytedeco.ffmpeg.global.swscale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Small videos made with the ffmpeg CLI (64x48 or 33x17, 10 frames of {@code testsrc2}) in the
 * codecs and containers the connector must read, each decoded and compared byte for byte with the
 * CLI's own rgb24 decoding of the same file, and its frame count with {@code ffprobe
 * -count_frames}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("spark-independent")
class VideoDecoderGeneratedTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String SOURCE = "testsrc2=size=64x48:rate=10:duration=1";

  /**
   * testsrc2 rounds odd sizes down to even ones; scaling afterwards gives a truly odd frame size.
   */
  private static final String ODD_SOURCE = "testsrc2=size=64x48:rate=10:duration=1,scale=33:17";

  @TempDir static Path dir;

  /**
   * One generated video: the file name, the ffmpeg arguments that make it (after {@code -f lavfi -i
   * source}), and what the metainfo must say.
   */
  record Case(
      String file,
      String source,
      List<String> encode,
      String codec,
      String profile,
      String pixFmt,
      boolean interlaced) {

    @Override
    public String toString() {
      return file;
    }
  }

  static Stream<Case> cases() {
    return Stream.of(
        new Case(
            "h264_high_interlaced.mp4",
            SOURCE,
            List.of(
                "-c:v",
                "libx264",
                "-profile:v",
                "high",
                "-pix_fmt",
                "yuv420p",
                "-flags",
                "+ilme+ildct",
                "-x264-params",
                "tff=1"),
            "h264",
            "High",
            "yuv420p",
            true),
        new Case(
            "h264_high444.mp4",
            SOURCE,
            List.of("-c:v", "libx264", "-pix_fmt", "yuv444p", "-profile:v", "high444"),
            "h264",
            "High 4:4:4 Predictive",
            "yuv444p",
            false),
        new Case(
            "h264_high444_interlaced.mp4",
            SOURCE,
            List.of(
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv444p",
                "-profile:v",
                "high444",
                "-flags",
                "+ilme+ildct"),
            "h264",
            "High 4:4:4 Predictive",
            "yuv444p",
            true),
        new Case(
            "h264_high10.mp4",
            SOURCE,
            List.of("-c:v", "libx264", "-pix_fmt", "yuv420p10le"),
            "h264",
            "High 10",
            "yuv420p10le",
            false),
        new Case(
            "h264_bt709_limited.mp4",
            SOURCE,
            List.of(
                "-c:v",
                "libx264",
                "-pix_fmt",
                "yuv420p",
                "-colorspace",
                "bt709",
                "-color_primaries",
                "bt709",
                "-color_trc",
                "bt709",
                "-color_range",
                "tv"),
            "h264",
            "High",
            "yuv420p",
            false),
        new Case(
            "h264_full_range.mp4",
            SOURCE,
            List.of("-c:v", "libx264", "-pix_fmt", "yuvj420p"),
            "h264",
            "High",
            "yuvj420p",
            false),
        new Case(
            "mpeg4_asp_bframes.avi",
            SOURCE,
            List.of("-c:v", "mpeg4", "-vtag", "XVID", "-bf", "2", "-q:v", "4"),
            "mpeg4",
            "Advanced Simple Profile",
            "yuv420p",
            false),
        new Case(
            "mjpeg.mov",
            SOURCE,
            List.of("-c:v", "mjpeg", "-q:v", "3"),
            "mjpeg",
            null,
            "yuvj420p",
            false),
        new Case(
            "mjpeg.avi",
            SOURCE,
            List.of("-c:v", "mjpeg", "-q:v", "3"),
            "mjpeg",
            null,
            "yuvj420p",
            false),
        new Case(
            "mjpeg_422.avi",
            SOURCE,
            List.of("-c:v", "mjpeg", "-pix_fmt", "yuvj422p", "-q:v", "3"),
            "mjpeg",
            null,
            "yuvj422p",
            false),
        new Case(
            "odd_33x17_yuv444p.mp4",
            ODD_SOURCE,
            List.of("-c:v", "libx264", "-pix_fmt", "yuv444p", "-profile:v", "high444"),
            "h264",
            "High 4:4:4 Predictive",
            "yuv444p",
            false),
        new Case(
            "odd_33x17_mjpeg.avi",
            ODD_SOURCE,
            List.of("-c:v", "mjpeg", "-q:v", "3"),
            "mjpeg",
            null,
            "yuvj420p",
            false),
        new Case(
            "odd_33x17_yuv420p_ffv1.mkv",
            ODD_SOURCE,
            List.of("-c:v", "ffv1", "-pix_fmt", "yuv420p"),
            "ffv1",
            null,
            "yuv420p",
            false),
        new Case(
            "vp9.webm",
            SOURCE,
            List.of("-c:v", "libvpx-vp9", "-b:v", "200k"),
            "vp9",
            null,
            "yuv420p",
            false),
        new Case(
            "h264.mkv",
            SOURCE,
            List.of("-c:v", "libx264", "-pix_fmt", "yuv420p"),
            "h264",
            "High",
            "yuv420p",
            false),
        new Case(
            "png_rgba.mkv",
            SOURCE,
            List.of("-vf", "format=rgba", "-c:v", "png"),
            "png",
            null,
            "rgba",
            false),
        new Case(
            "ffv1_gray.mkv",
            SOURCE,
            List.of("-c:v", "ffv1", "-pix_fmt", "gray"),
            "ffv1",
            null,
            "gray",
            false));
  }

  @BeforeAll
  static void generate() {
    VideoReference.assumeFfmpeg();
    for (Case c : cases().toList()) {
      List<String> args = new ArrayList<>(List.of("-f", "lavfi", "-i", c.source()));
      args.addAll(c.encode());
      args.add(dir.resolve(c.file()).toString());
      ffmpeg(args.toArray(String[]::new));
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void decodesLikeTheFfmpegCli(Case c) throws Exception {
    Path file = dir.resolve(c.file());
    byte[] bytes = Files.readAllBytes(file);

    DecodedResource decoded =
        new VideoDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());

    int height = c.source().equals(ODD_SOURCE) ? 17 : 48;
    int width = c.source().equals(ODD_SOURCE) ? 33 : 64;
    assertThat(decoded.pixels().shape()).containsExactly(10, 3, height, width);
    assertThat(decoded.affine()).isNull();
    assertThat(ffprobeFrameCount(file)).isEqualTo(10);
    assertSameFrames(decoded.pixels(), ffmpegRgb24(file, dir, null), c.file());

    JsonNode meta = JSON.readTree(decoded.metainfoJson());
    assertThat(meta.path("codec_name").asText()).isEqualTo(c.codec());
    if (c.profile() != null) {
      assertThat(meta.path("profile").asText()).isEqualTo(c.profile());
    }
    assertThat(meta.path("pix_fmt").asText()).isEqualTo(c.pixFmt());
    assertThat(meta.path("width").asInt()).isEqualTo(width);
    assertThat(meta.path("height").asInt()).isEqualTo(height);
    assertThat(meta.path("nb_frames").asInt()).isEqualTo(10);
    assertThat(meta.path("frame_rate").asDouble()).isEqualTo(10.0);
    assertThat(meta.path("interlaced").asBoolean()).isEqualTo(c.interlaced());
    if (c.interlaced()) {
      assertThat(meta.path("interlaced_frames").asInt()).isEqualTo(10);
      assertThat(meta.path("field_order").asText()).isIn("tt", "bb", "tb", "bt");
    }
    assertThat(meta.path("corrupt_frames").asInt()).isZero();
  }

  @Test
  void theYuvMatrixAndRangeOfTheFrameAreHonoured() throws Exception {
    // The test above matches the CLI for BT.709 and full-range files; check that this is not
    // vacuous, i.e. that reading them as BT.601 / limited range (what a plain sws_getContext does)
    // would give other pixels.
    for (String name : List.of("h264_bt709_limited.mp4", "h264_full_range.mp4")) {
      Path file = dir.resolve(name);
      byte[] bytes = Files.readAllBytes(file);
      DecodedResource decoded =
          new VideoDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());
      String misread = name.contains("bt709") ? "scale=in_color_matrix=bt601" : "scale=in_range=tv";
      Path out = dir.resolve(name + ".misread.rgb");
      ffmpeg(
          "-i",
          file.toString(),
          "-vf",
          misread,
          "-fps_mode",
          "passthrough",
          "-f",
          "rawvideo",
          "-pix_fmt",
          "rgb24",
          out.toString());
      byte[] ours = VideoReference.packed(framesOf(decoded));
      assertThat(ours).as(name).isNotEqualTo(Files.readAllBytes(out));
    }
  }

  @Test
  void otherScalerFlagsMatchTheCliWithTheSameFlags() throws Exception {
    // Full chroma interpolation and accurate rounding change every edge pixel; with the same
    // -sws_flags the CLI still matches exactly, so the converter passes its flags through to the
    // same swscale paths.
    Path file = dir.resolve("h264_bt709_limited.mp4");
    byte[] bytes = Files.readAllBytes(file);
    int flags = swscale.SWS_BICUBIC | swscale.SWS_FULL_CHR_H_INT | swscale.SWS_ACCURATE_RND;
    List<PixelArray> frames = new ArrayList<>();
    try (VideoFrames video =
        VideoFrames.open(bytes, bytes.length, DecodeLimits.defaults(), flags)) {
      video.forEachRemaining(frames::add);
    }
    byte[] reference = ffmpegRgb24(file, dir, "bicubic+full_chroma_int+accurate_rnd");
    assertThat(VideoReference.packed(frames)).isEqualTo(reference);
    assertThat(reference).isNotEqualTo(ffmpegRgb24(file, dir, null));
  }

  @Test
  void aDisplayRotationIsReportedButNotApplied() throws Exception {
    Path plain = dir.resolve("h264.mkv");
    Path rotated = dir.resolve("rotated.mp4");
    ffmpeg(
        "-i", plain.toString(), "-c", "copy", "-metadata:s:v:0", "rotate=90", rotated.toString());
    byte[] bytes = Files.readAllBytes(rotated);

    DecodedResource decoded =
        new VideoDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());

    assertThat(decoded.pixels().shape()).containsExactly(10, 3, 48, 64);
    assertThat(JSON.readTree(decoded.metainfoJson()).path("rotation").asDouble()).isEqualTo(90.0);
    assertThat(VideoReference.ffprobeStreamField(rotated, "width,height")).startsWith("64,48");
    assertSameFrames(
        decoded.pixels(), ffmpegRgb24(rotated, dir, null), "rotated.mp4 (CLI with -noautorotate)");
  }

  private static List<PixelArray> framesOf(DecodedResource decoded) {
    List<PixelArray> frames = new ArrayList<>();
    int n = decoded.pixels().dim(0);
    int h = decoded.pixels().dim(2);
    int w = decoded.pixels().dim(3);
    byte[] all = new byte[n * 3 * h * w];
    decoded.pixels().data().duplicate().position(0).get(all);
    for (int f = 0; f < n; f++) {
      byte[] one = Arrays.copyOfRange(all, f * 3 * h * w, (f + 1) * 3 * h * w);
      frames.add(PixelArray.wrap(DType.UINT8, new int[] {3, h, w}, ByteBuffer.wrap(one)));
    }
    return frames;
  }
}
