package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("spark-independent")
class RgbConverterTest {

  /**
   * An RGB24 frame of random bytes comes out as its three planes, byte for byte, after a 2-byte
   * offset: the planar pass is a pure permutation, whatever the width (odd, or with row padding in
   * FFmpeg's buffers) and the scaler flags.
   */
  @ParameterizedTest(name = "{0}x{1} flags {2}")
  @CsvSource({"3, 2, 4", "33, 17, 4", "64, 48, 2", "101, 7, 270340"})
  void packedRgbBecomesItsPlanes(int width, int height, int flags) throws Exception {
    FfmpegRuntime.ensureLoaded();
    byte[] packed = new byte[3 * width * height];
    new Random(width * 31L + height).nextBytes(packed);
    AVFrame frame = avutil.av_frame_alloc();
    try (RgbConverter converter = new RgbConverter(width, height, flags)) {
      frame.width(width).height(height).format(avutil.AV_PIX_FMT_RGB24);
      assertThat(avutil.av_frame_get_buffer(frame, 32)).isZero();
      BytePointer data = frame.data(0);
      int stride = frame.linesize(0);
      for (int y = 0; y < height; y++) {
        data.position((long) y * stride).put(packed, 3 * width * y, 3 * width);
      }
      data.position(0);
      byte[] planar = new byte[2 + packed.length];
      converter.convert(frame, planar, 2);
      assertThat(planar).isEqualTo(reference(packed, width, height, 2));
    } finally {
      avutil.av_frame_free(frame);
    }
  }

  /** Packed RGB to planes, one sample at a time. */
  private static byte[] reference(byte[] packed, int width, int height, int offset) {
    int plane = width * height;
    byte[] planar = new byte[offset + 3 * plane];
    for (int p = 0; p < plane; p++) {
      for (int c = 0; c < 3; c++) {
        planar[offset + c * plane + p] = packed[3 * p + c];
      }
    }
    return planar;
  }
}
