package io.datamint.spark.internal.decode.video;

import static io.datamint.spark.internal.decode.video.VideoReference.assertSameFrames;
import static io.datamint.spark.internal.decode.video.VideoReference.ffmpegRgb24;
import static io.datamint.spark.internal.decode.video.VideoReference.ffprobeFrameCount;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real videos of the test corpus ({@code testdata/corpus/video}), decoded and compared byte for
 * byte with the ffmpeg CLI's rgb24 decoding; skipped when ffmpeg or the corpus is absent, failing
 * instead on CI.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
@Tag("spark-independent")
class VideoDecoderCorpusTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path scratch;

  @Test
  void realshortMp4H264HighMatchesTheCli() throws Exception {
    VideoReference.assumeFfmpeg();
    Path file = VideoReference.corpusVideo("imageio__realshort.mp4");
    byte[] bytes = Files.readAllBytes(file);

    DecodedResource decoded =
        new VideoDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());

    assertThat(decoded.pixels().shape()).containsExactly(36, 3, 240, 320);
    assertThat(ffprobeFrameCount(file)).isEqualTo(36);
    assertSameFrames(
        decoded.pixels(), ffmpegRgb24(file, scratch, null), file.getFileName().toString());
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

    DecodedResource decoded =
        new VideoDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());

    // The AVI index has 444 entries, most of them empty "drop frame" chunks: 68 frames are decoded,
    // by ffprobe
    // and by the CLI too. The container's count is only a hint.
    assertThat(ffprobeFrameCount(file)).isEqualTo(68);
    assertThat(decoded.pixels().shape()).containsExactly(68, 3, 240, 320);
    assertSameFrames(
        decoded.pixels(), ffmpegRgb24(file, scratch, null), file.getFileName().toString());
    JsonNode meta = JSON.readTree(decoded.metainfoJson());
    assertThat(meta.path("format_name").asText()).isEqualTo("avi");
    assertThat(meta.path("codec_name").asText()).isEqualTo("cinepak");
    assertThat(meta.path("nb_frames").asInt()).isEqualTo(68);
    assertThat(meta.path("nb_frames_declared").asInt()).isEqualTo(444);
    try (VideoFrames frames = VideoFrames.open(bytes, bytes.length, DecodeLimits.defaults())) {
      assertThat(frames.frameCount()).hasValue(444);
    }
  }
}
