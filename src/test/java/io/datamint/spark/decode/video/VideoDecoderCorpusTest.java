package io.datamint.spark.decode.video;

import static io.datamint.spark.decode.video.VideoReference.assertSameFrames;
import static io.datamint.spark.decode.video.VideoReference.ffmpegRgb24;
import static io.datamint.spark.decode.video.VideoReference.ffprobeFrameCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.decode.DecodeLimits;
import io.datamint.spark.decode.DecodedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real videos of the shared corpus ({@code -Ddatamint.test.corpus}, default {@code ../shared/corpus}),
 * decoded and compared byte for byte with the ffmpeg CLI's rgb24 decoding; skipped when the corpus is absent.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VideoDecoderCorpusTest {

  private static final Logger LOG = LoggerFactory.getLogger(VideoDecoderCorpusTest.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  Path scratch;

  @Test
  void realshortMp4H264HighMatchesTheCli() throws Exception {
    VideoReference.assumeFfmpeg();
    Path file = VideoReference.corpusVideo("imageio__realshort.mp4");
    byte[] bytes = Files.readAllBytes(file);

    DecodedResource decoded = new VideoDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());

    assertThat(decoded.pixels().shape()).containsExactly(36, 3, 240, 320);
    assertThat(ffprobeFrameCount(file)).isEqualTo(36);
    assertSameFrames(decoded.pixels(), ffmpegRgb24(file, scratch, null), file.getFileName().toString());
    JsonNode meta = JSON.readTree(decoded.metainfoJson());
    assertThat(meta.path("format_name").asText()).isEqualTo("mov,mp4,m4a,3gp,3g2,mj2");
    assertThat(meta.path("codec_name").asText()).isEqualTo("h264");
    assertThat(meta.path("profile").asText()).isEqualTo("High");
    assertThat(meta.path("pix_fmt").asText()).isEqualTo("yuv420p");
    assertThat(meta.path("avg_frame_rate").asText()).isEqualTo("45000/1499");
    assertThat(meta.path("duration").asDouble()).isEqualTo(1.1992);
    assertThat(meta.path("nb_frames").asInt()).isEqualTo(36);
    assertThat(meta.path("nb_frames_declared").asInt()).isEqualTo(36);
    assertThat(meta.path("field_order").asText()).isEqualTo("progressive");
    assertThat(meta.path("interlaced").asBoolean()).isFalse();
  }

  @Test
  void treeAviCinepakMatchesTheCliThoughItsIndexDeclaresMoreFrames() throws Exception {
    VideoReference.assumeFfmpeg();
    Path file = VideoReference.corpusVideo("opencv-doc__tree.avi");
    byte[] bytes = Files.readAllBytes(file);

    DecodedResource decoded = new VideoDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());

    // The AVI index has 444 entries, most of them empty "drop frame" chunks: 68 frames are decoded, by ffprobe
    // and by the CLI too. The container's count is only a hint.
    assertThat(ffprobeFrameCount(file)).isEqualTo(68);
    assertThat(decoded.pixels().shape()).containsExactly(68, 3, 240, 320);
    assertSameFrames(decoded.pixels(), ffmpegRgb24(file, scratch, null), file.getFileName().toString());
    JsonNode meta = JSON.readTree(decoded.metainfoJson());
    assertThat(meta.path("format_name").asText()).isEqualTo("avi");
    assertThat(meta.path("codec_name").asText()).isEqualTo("cinepak");
    assertThat(meta.path("nb_frames").asInt()).isEqualTo(68);
    assertThat(meta.path("nb_frames_declared").asInt()).isEqualTo(444);
    try (VideoFrames frames = VideoFrames.open(bytes, bytes.length, DecodeLimits.defaults())) {
      assertThat(frames.frameCount()).hasValue(444);
    }
  }

  /** Not an assertion: decoded frames per second and RGB megabytes per second, logged for the record. */
  @Test
  void logsTheThroughputOnRealshort() throws Exception {
    Path file = VideoReference.corpusVideo("imageio__realshort.mp4");
    byte[] bytes = Files.readAllBytes(file);
    VideoDecoder decoder = new VideoDecoder();
    for (int i = 0; i < 5; i++) { // warm-up: JIT, first swscale and decoder set-up
      decoder.decode(bytes, bytes.length, DecodeLimits.defaults());
    }
    int runs = 20;
    long frames = 0;
    long rgbBytes = 0;
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      DecodedResource decoded = decoder.decode(bytes, bytes.length, DecodeLimits.defaults());
      frames += decoded.pixels().dim(0);
      rgbBytes += decoded.pixels().elementCount();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String line = String.format(Locale.ROOT,
        "realshort.mp4 (H.264 High 320x240, %d frames): %d whole-file decodes in %.3f s = %.0f frames/s, %.1f MB/s"
            + " of RGB output, %.1f MB/s of input; native first load %.0f ms",
        frames / runs, runs, seconds, frames / seconds, rgbBytes / seconds / 1e6,
        (double) bytes.length * runs / seconds / 1e6, FfmpegRuntime.loadNanos() / 1e6);
    LOG.info(line);
    System.out.println("[video-throughput] " + line);
    assertThat(frames).isEqualTo(36L * runs);
  }
}
