package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.FrameStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The streaming API: frames one at a time, the iterator contract, closing, and many videos open at
 * once.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@Tag("spark-independent")
class VideoFramesTest {

  private static final DecodeLimits LIMITS = DecodeLimits.defaults();

  @TempDir static Path dir;

  private static byte[] clip;

  @BeforeAll
  static void generate() throws Exception {
    VideoReference.assumeFfmpeg();
    Path file = dir.resolve("clip.mp4");
    VideoReference.ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=64x48:rate=10:duration=1",
        "-c:v",
        "libx264",
        "-pix_fmt",
        "yuv420p",
        file.toString());
    clip = Files.readAllBytes(file);
  }

  @Test
  void skippedFramesAreDecodedButNotConvertedAndLaterFramesStayTheSame() throws Exception {
    DecodedResource whole = new VideoDecoder().decode(clip, clip.length, LIMITS);
    int n = whole.pixels().dim(0);
    int frameBytes = 3 * 48 * 64;
    try (FrameStream frames = new VideoDecoder().frames(clip, clip.length, LIMITS)) {
      for (int i = 0; i < n; i++) {
        assertThat(frames.position()).isEqualTo(i);
        if (i % 3 != 2) {
          assertThat(frames.skip()).isTrue();
          continue;
        }
        PixelArray frame = frames.next();
        assertThat(frame.shape()).containsExactly(3, 48, 64);
        byte[] expected = new byte[frameBytes];
        whole.pixels().data().duplicate().position(i * frameBytes).get(expected);
        byte[] actual = new byte[frameBytes];
        frame.data().duplicate().position(0).get(actual);
        assertThat(actual).as("frame " + i).isEqualTo(expected);
      }
      assertThat(frames.position()).isEqualTo(n);
      assertThat(frames.skip()).isFalse();
      assertThat(frames.next()).isNull();
    }
  }

  @Test
  void streamedFramesAreViewsOfTheConvertersBufferThatStayReadable() throws Exception {
    DecodedResource whole = new VideoDecoder().decode(clip, clip.length, LIMITS);
    int frameBytes = 3 * 48 * 64;
    byte[] frame0 = new byte[frameBytes];
    byte[] frame1 = new byte[frameBytes];
    whole.pixels().data().duplicate().position(0).get(frame0);
    whole.pixels().data().duplicate().position(frameBytes).get(frame1);
    assertThat(frame0).isNotEqualTo(frame1);
    PixelArray first;
    try (FrameStream frames = new VideoDecoder().frames(clip, clip.length, LIMITS)) {
      first = frames.next();
      assertThat(first.data().isDirect()).as("no copy into a heap array").isTrue();
      assertThat(bytesOf(first)).isEqualTo(frame0);
      PixelArray second = frames.next();
      assertThat(bytesOf(second)).isEqualTo(frame1);
      assertThat(bytesOf(first)).as("the next frame overwrites the view").isEqualTo(frame1);
    }
    assertThat(bytesOf(first)).as("readable after close, never freed under it").isEqualTo(frame1);
  }

  private static byte[] bytesOf(PixelArray frame) {
    ByteBuffer data = frame.data().duplicate().position(0);
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return out;
  }

  @Test
  void framesOneAtATimeAreTheWholeVideosFrames() throws Exception {
    DecodedResource whole = new VideoDecoder().decode(clip, clip.length, LIMITS);
    ByteBuffer all = whole.pixels().data().duplicate().position(0);
    try (VideoFrames frames = VideoFrames.open(clip, clip.length, LIMITS)) {
      assertThat(frames.width()).isEqualTo(64);
      assertThat(frames.height()).isEqualTo(48);
      assertThat(frames.frameCount()).hasValue(10);
      assertThat(frames.info().codec()).isEqualTo("h264");
      int n = 0;
      while (frames.hasNext()) {
        assertThat(frames.hasNext()).as("hasNext() twice does not skip a frame").isTrue();
        PixelArray frame = frames.next();
        assertThat(frame.shape()).containsExactly(3, 48, 64);
        ByteBuffer expected = all.slice(n * 3 * 48 * 64, 3 * 48 * 64);
        assertThat(frame.data()).isEqualTo(expected);
        n++;
        assertThat(frames.framesRead()).isEqualTo(n);
      }
      assertThat(n).isEqualTo(10);
      assertThat(frames.hasNext()).isFalse();
      assertThatThrownBy(frames::next).isInstanceOf(NoSuchElementException.class);
      assertThat(frames.nextFrame()).isNull();
    }
  }

  @Test
  void nextFrameAndTheIteratorMix() throws Exception {
    try (VideoFrames frames = VideoFrames.open(clip, clip.length, LIMITS)) {
      assertThat(frames.nextFrame()).isNotNull();
      assertThat(frames.hasNext()).isTrue(); // decodes frame 2 ahead
      assertThat(frames.framesRead()).isEqualTo(1);
      assertThat(frames.nextFrame()).isNotNull(); // returns that frame 2
      assertThat(frames.framesRead()).isEqualTo(2);
      int rest = 0;
      while (frames.nextFrame() != null) {
        rest++;
      }
      assertThat(rest).isEqualTo(8);
    }
  }

  @Test
  void closingIsIdempotentAndEndsTheIteration() throws Exception {
    VideoFrames frames = VideoFrames.open(clip, clip.length, LIMITS);
    frames.next();
    frames.close();
    frames.close();
    assertThat(frames.hasNext()).isFalse();
    assertThatThrownBy(frames::nextFrame).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void aRawH264StreamHasNoFrameCountButDecodes() throws Exception {
    Path raw = dir.resolve("clip.h264");
    VideoReference.ffmpeg(
        "-i", dir.resolve("clip.mp4").toString(), "-c", "copy", "-f", "h264", raw.toString());
    byte[] bytes = Files.readAllBytes(raw);
    try (VideoFrames frames = VideoFrames.open(bytes, bytes.length, LIMITS)) {
      assertThat(frames.info().container()).isEqualTo("h264");
      assertThat(frames.info().declaredFrameCount()).isEqualTo(-1);
      int n = 0;
      while (frames.hasNext()) {
        frames.next();
        n++;
      }
      assertThat(n).isEqualTo(10);
    }
  }

  @Test
  void aFailureMidStreamEndsTheIterationWithTheSameError() throws Exception {
    // A faststart MP4 whose mdat box says "to the end of the file" (size 0), cut in its media data:
    // nothing in the header tells the cut, so the first frames decode; then the index points past
    // the end of the data.
    Path file = dir.resolve("faststart.mp4");
    VideoReference.ffmpeg(
        "-i",
        dir.resolve("clip.mp4").toString(),
        "-c",
        "copy",
        "-movflags",
        "+faststart",
        file.toString());
    byte[] bytes = Files.readAllBytes(file);
    int mdat = boxOffset(bytes, "mdat");
    bytes[mdat] = 0;
    bytes[mdat + 1] = 0;
    bytes[mdat + 2] = 0;
    bytes[mdat + 3] = 0;
    int cut = bytes.length - (bytes.length - mdat) / 10;
    try (VideoFrames frames = VideoFrames.open(bytes, cut, LIMITS)) {
      int n = 0;
      UncheckedDecodeException failure = null;
      try {
        while (frames.hasNext()) {
          frames.next();
          n++;
        }
      } catch (UncheckedDecodeException e) {
        failure = e;
      }
      assertThat(failure).as("decoded %d frames without noticing the cut", n).isNotNull();
      assertThat(n).isBetween(1, 9);
      assertThat(failure.getMessage()).contains("truncated").contains("after " + n + " frames");
      String message = failure.getMessage();
      assertThatThrownBy(frames::hasNext)
          .isInstanceOf(UncheckedDecodeException.class)
          .hasMessage(message);
      assertThatThrownBy(frames::nextFrame).isInstanceOf(DecodeException.class).hasMessage(message);
    }
  }

  private static int boxOffset(byte[] mp4, String type) {
    int offset = 0;
    while (offset + 8 <= mp4.length) {
      long size = ByteBuffer.wrap(mp4, offset, 4).getInt() & 0xFFFFFFFFL;
      if (new String(mp4, offset + 4, 4, java.nio.charset.StandardCharsets.US_ASCII).equals(type)) {
        return offset;
      }
      offset += (int) size;
    }
    throw new AssertionError("no " + type + " box");
  }

  @Test
  void moreOpenVideosThanJavaCppHasCallbackSlots() throws Exception {
    // JavaCPP allows ten live instances of a callback class; all inputs share one read and one seek
    // callback.
    List<VideoFrames> open = new ArrayList<>();
    try {
      for (int i = 0; i < 25; i++) {
        open.add(VideoFrames.open(clip, clip.length, LIMITS));
      }
      for (VideoFrames frames : open) {
        assertThat(frames.next().shape()).containsExactly(3, 48, 64);
      }
    } finally {
      open.forEach(VideoFrames::close);
    }
  }

  @Test
  void decodesInParallelThreads() throws Exception {
    DecodedResource reference = new VideoDecoder().decode(clip, clip.length, LIMITS);
    ExecutorService pool = Executors.newFixedThreadPool(12);
    try {
      List<Future<DecodedResource>> results = new ArrayList<>();
      for (int i = 0; i < 48; i++) {
        results.add(pool.submit(() -> new VideoDecoder().decode(clip, clip.length, LIMITS)));
      }
      for (Future<DecodedResource> result : results) {
        assertThat(result.get(30, TimeUnit.SECONDS).pixels().data())
            .isEqualTo(reference.pixels().data());
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void iteratorFailuresAreUnchecked() {
    byte[] noise = new byte[5000];
    new java.util.Random(7).nextBytes(noise);
    assertThatThrownBy(() -> VideoFrames.open(noise, noise.length, LIMITS))
        .isInstanceOf(DecodeException.class);
    UncheckedDecodeException wrapped = new UncheckedDecodeException(new DecodeException("bad"));
    assertThat(wrapped.getCause()).isInstanceOf(DecodeException.class);
    assertThat(wrapped).hasMessage("bad");
  }
}
