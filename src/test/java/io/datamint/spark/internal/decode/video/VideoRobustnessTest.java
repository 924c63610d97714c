package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Files that are not whole videos: each must end in a {@link DecodeException} with a clear message
 * (no JVM crash, no hang, no other exception), or, for damaged payloads, decode.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("spark-independent")
class VideoRobustnessTest {

  private static final DecodeLimits LIMITS = DecodeLimits.defaults();
  private static final String SOURCE = "testsrc2=size=64x48:rate=10:duration=1";

  @TempDir static Path dir;

  @BeforeAll
  static void generate() {
    VideoReference.assumeFfmpeg();
    // Index (moov) at the end, as most recorders write it, and at the start (faststart).
    VideoReference.ffmpeg(
        "-f", "lavfi", "-i", SOURCE, "-c:v", "libx264", dir.resolve("moov_last.mp4").toString());
    VideoReference.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        SOURCE,
        "-c:v",
        "libx264",
        "-movflags",
        "+faststart",
        dir.resolve("moov_first.mp4").toString());
    VideoReference.ffmpeg(
        "-f", "lavfi", "-i", SOURCE, "-c:v", "mpeg4", dir.resolve("clip.avi").toString());
    VideoReference.ffmpeg(
        "-f", "lavfi", "-i", SOURCE, "-c:v", "libx264", dir.resolve("clip.mkv").toString());
    VideoReference.ffmpeg(
        "-f", "lavfi", "-i", SOURCE, "-c:v", "libvpx-vp9", dir.resolve("clip.webm").toString());
    VideoReference.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:duration=1",
        "-c:a",
        "aac",
        dir.resolve("audio_only.m4a").toString());
    VideoReference.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=32x32",
        "-frames:v",
        "1",
        dir.resolve("cover.jpg").toString());
    VideoReference.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "sine=frequency=440:duration=1",
        "-i",
        dir.resolve("cover.jpg").toString(),
        "-map",
        "0",
        "-map",
        "1",
        "-c:a",
        "aac",
        "-c:v",
        "copy",
        "-disposition:v:0",
        "attached_pic",
        dir.resolve("music_with_cover.m4a").toString());
  }

  private static byte[] read(String name) throws Exception {
    return Files.readAllBytes(dir.resolve(name));
  }

  @Test
  void aZeroLengthFile() {
    assertThatThrownBy(() -> new VideoDecoder().decode(new byte[0], 0, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessage("the video file is empty (0 bytes)");
    assertThatThrownBy(() -> new VideoDecoder().decode(new byte[100], 0, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("empty");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void randomBytes(int seed) {
    byte[] noise = new byte[1 << (8 + seed)];
    new Random(seed).nextBytes(noise);
    assertThatThrownBy(() -> new VideoDecoder().decode(noise, noise.length, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("not a video container FFmpeg can read");
  }

  @Test
  void anAudioOnlyFile() throws Exception {
    byte[] audio = read("audio_only.m4a");
    assertThatThrownBy(() -> new VideoDecoder().decode(audio, audio.length, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessage("the mov,mp4,m4a,3gp,3g2,mj2 file has no video stream (streams: audio aac)");
  }

  @Test
  void musicWithACoverPictureIsNotAVideo() throws Exception {
    byte[] music = read("music_with_cover.m4a");
    assertThatThrownBy(() -> new VideoDecoder().decode(music, music.length, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("has no video stream, only a mjpeg cover picture");
  }

  @Test
  void anMp4CutBeforeItsIndex() throws Exception {
    byte[] whole = read("moov_last.mp4");
    int cut = whole.length * 2 / 3;
    assertThatThrownBy(() -> new VideoDecoder().decode(whole, cut, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("not a video container FFmpeg can read")
        .hasMessageContaining("moov atom not found");
  }

  @ParameterizedTest
  @ValueSource(strings = {"moov_first.mp4", "moov_last.mp4", "clip.avi", "clip.mkv", "clip.webm"})
  void truncatedAnywhere(String name) throws Exception {
    byte[] whole = read(name);
    assertThat(new VideoDecoder().decode(whole, whole.length, LIMITS).pixels().dim(0))
        .isEqualTo(10);
    // Every cut from the middle of the header to the last byte: never a silent success with fewer
    // frames.
    for (int cut = 16; cut < whole.length; cut += Math.max(1, whole.length / 97)) {
      int length = cut;
      assertThatThrownBy(() -> new VideoDecoder().decode(whole, length, LIMITS))
          .as("%s cut to %d of %d bytes", name, length, whole.length)
          .isInstanceOf(DecodeException.class);
    }
    assertThatThrownBy(() -> new VideoDecoder().decode(whole, whole.length - 1, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void aFaststartMp4CutInItsMediaData() throws Exception {
    byte[] whole = read("moov_first.mp4");
    assertThatThrownBy(() -> new VideoDecoder().decode(whole, whole.length - 100, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith(
            "the mov,mp4,m4a,3gp,3g2,mj2 file is truncated: the mdat box at byte ")
        .hasMessageContaining("declares");
  }

  @ParameterizedTest
  @ValueSource(strings = {"moov_first.mp4", "clip.avi", "clip.mkv", "clip.webm"})
  void damagedPayloadsDecodeOrFailCleanly(String name) throws Exception {
    byte[] whole = read(name);
    Random random = new Random(name.hashCode());
    for (int round = 0; round < 40; round++) {
      byte[] damaged = whole.clone();
      // Damage the second half (media data, mostly), a few bytes at a time.
      for (int k = 0; k < 1 + round % 8; k++) {
        damaged[whole.length / 2 + random.nextInt(whole.length / 2)] = (byte) random.nextInt(256);
      }
      try {
        DecodedResource decoded = new VideoDecoder().decode(damaged, damaged.length, LIMITS);
        assertThat(decoded.pixels().dim(1)).isEqualTo(3);
      } catch (DecodeException expected) {
        assertThat(expected.getMessage()).isNotBlank();
      }
    }
  }

  @Test
  void onlyTheGivenLengthIsRead() throws Exception {
    byte[] whole = read("clip.mkv");
    byte[] padded = Arrays.copyOf(whole, whole.length + 5000);
    Arrays.fill(padded, whole.length, padded.length, (byte) 0x5A);
    DecodedResource exact = new VideoDecoder().decode(whole, whole.length, LIMITS);
    DecodedResource prefix = new VideoDecoder().decode(padded, whole.length, LIMITS);
    assertThat(prefix.pixels().data()).isEqualTo(exact.pixels().data());
    assertThatThrownBy(() -> new VideoDecoder().decode(whole, whole.length + 1, LIMITS))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aFrameOverTheLimitIsRejectedBeforeDecoding() throws Exception {
    byte[] video = read("clip.mkv");
    assertThatThrownBy(
            () -> new VideoDecoder().decode(video, video.length, new DecodeLimits(3 * 48 * 64 - 1)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("[3, 48, 64]")
        .hasMessageContaining("max_decoded_bytes");
  }

  @Test
  void aVideoOverTheLimitFailsCleanlyButStreams() throws Exception {
    byte[] video = read("clip.mkv");
    DecodeLimits fiveFrames = new DecodeLimits(5L * 3 * 48 * 64);
    assertThatThrownBy(() -> new VideoDecoder().decode(video, video.length, fiveFrames))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("more than 5 frames of (3, 48, 64)")
        .hasMessageContaining("max_decoded_bytes")
        .hasMessageContaining("for the whole video")
        .hasMessageContaining("frame_by_frame 'true'");
    try (VideoFrames frames = VideoFrames.open(video, video.length, fiveFrames)) {
      int n = 0;
      while (frames.hasNext()) {
        assertThat(frames.next().shape()).containsExactly(3, 48, 64);
        n++;
      }
      assertThat(n).isEqualTo(10);
    }
  }

  @Test
  void anImageIsAOneFrameVideo() throws Exception {
    // FFmpeg reads still images too; the caller picks the decoder by format, this only must not
    // break.
    byte[] jpeg = read("cover.jpg");
    DecodedResource decoded = new VideoDecoder().decode(jpeg, jpeg.length, LIMITS);
    assertThat(decoded.pixels().shape()).containsExactly(1, 3, 32, 32);
  }

  @Test
  void errorsQuoteFfmpegWithoutPointerNoise() throws Exception {
    byte[] whole = read("moov_last.mp4");
    try {
      new VideoDecoder().decode(whole, 200, LIMITS);
    } catch (DecodeException e) {
      assertThat(e.getMessage()).doesNotContainPattern("0x[0-9a-f]{6,}");
      return;
    }
    throw new AssertionError("a 200-byte prefix of an MP4 decoded");
  }

  @Test
  void manyFailuresLeakNothingThatStopsLaterDecodes() throws Exception {
    byte[] good = read("clip.webm");
    List<byte[]> bad =
        List.of(new byte[] {1, 2, 3}, read("audio_only.m4a"), Arrays.copyOf(good, good.length / 2));
    for (int i = 0; i < 200; i++) {
      byte[] b = bad.get(i % bad.size());
      assertThatThrownBy(() -> new VideoDecoder().decode(b, b.length, LIMITS))
          .isInstanceOf(DecodeException.class);
    }
    assertThat(new VideoDecoder().decode(good, good.length, LIMITS).pixels().dim(0)).isEqualTo(10);
  }
}
