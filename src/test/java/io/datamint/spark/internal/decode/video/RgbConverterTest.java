package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.decode.video.RgbConverter.Route;
import java.util.Arrays;
import java.util.Random;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVPixFmtDescriptor;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
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

  /**
   * Where the one-pass route is taken (8-bit 4:2:0 or 4:2:2, width a multiple of 16, even height,
   * default flags), it writes the two-pass bytes: random frames under each YUV matrix and range the
   * converter sets, at sizes from one 16-pixel block to 1080p.
   */
  @ParameterizedTest(name = "{0}x{1} {2} colorspace {3} range {4}")
  @CsvSource({
    "16, 2, yuv420p, 2, 0",
    "32, 6, yuv420p, 1, 1",
    "48, 36, yuvj420p, 2, 0",
    "64, 48, yuv420p, 5, 2",
    "80, 10, yuv420p, 9, 1",
    "144, 4, yuvj420p, 1, 2",
    "320, 240, yuv420p, 6, 1",
    "1280, 720, yuv420p, 1, 1",
    "1920, 1080, yuv420p, 2, 0",
    "1920, 1080, yuvj420p, 2, 2",
    "3840, 8, yuv420p, 1, 1",
    "64, 48, yuv422p, 2, 0",
    "96, 10, yuvj422p, 1, 2",
    "1920, 1080, yuvj422p, 2, 0"
  })
  void theSinglePassWritesTheTwoPassBytes(
      int width, int height, String format, int colorspace, int range) throws Exception {
    AVFrame frame = yuvFrame(format, width, height, colorspace, range);
    try (RgbConverter twoPass =
            new RgbConverter(width, height, RgbConverter.DEFAULT_FLAGS, Route.TWO_PASS);
        RgbConverter converter = new RgbConverter(width, height, RgbConverter.DEFAULT_FLAGS)) {
      byte[] expected = new byte[3 * width * height];
      twoPass.convert(frame, expected, 0);
      byte[] actual = new byte[1 + expected.length];
      converter.convert(frame, actual, 1);
      assertThat(converter.singlePass()).isTrue();
      assertThat(twoPass.singlePass()).isFalse();
      assertThat(Arrays.copyOfRange(actual, 1, actual.length)).isEqualTo(expected);
    } finally {
      avutil.av_frame_free(frame);
    }
  }

  /**
   * Frames outside the rule go through RGB24: widths that are not a multiple of 16, odd heights,
   * more than 8 bits, other chroma subsampling, other flags.
   */
  @ParameterizedTest(name = "{0}x{1} {2} flags {3}")
  @CsvSource({
    "70, 36, yuv420p, 4",
    "24, 8, yuv420p, 4",
    "33, 17, yuv420p, 4",
    "64, 17, yuv420p, 4",
    "64, 48, yuv420p10le, 4",
    "64, 48, yuv444p, 4",
    "64, 48, yuv420p, 2",
    "64, 48, yuv420p, 270340"
  })
  void framesOutsideTheRuleTakeTwoPasses(int width, int height, String format, int flags)
      throws Exception {
    AVFrame frame = yuvFrame(format, width, height, avutil.AVCOL_SPC_UNSPECIFIED, 0);
    try (RgbConverter twoPass = new RgbConverter(width, height, flags, Route.TWO_PASS);
        RgbConverter converter = new RgbConverter(width, height, flags)) {
      byte[] expected = new byte[3 * width * height];
      twoPass.convert(frame, expected, 0);
      byte[] actual = new byte[expected.length];
      converter.convert(frame, actual, 0);
      assertThat(converter.singlePass()).isFalse();
      assertThat(actual).isEqualTo(expected);
    } finally {
      avutil.av_frame_free(frame);
    }
  }

  /**
   * The rule is not vacuous: 70 pixels wide (not a multiple of 16), swscale's planar writer differs
   * from the packed one at the row's end.
   */
  @Test
  void thePlanarWriterDiffersOutsideTheRule() throws Exception {
    int width = 70;
    int height = 36;
    AVFrame frame = yuvFrame("yuv420p", width, height, avutil.AVCOL_SPC_UNSPECIFIED, 0);
    SwsContext direct =
        swscale.sws_getContext(
            width,
            height,
            avutil.AV_PIX_FMT_YUV420P,
            width,
            height,
            avutil.AV_PIX_FMT_GBRP,
            RgbConverter.DEFAULT_FLAGS,
            (SwsFilter) null,
            (SwsFilter) null,
            (DoublePointer) null);
    int stride = width + 64; // room for whole SIMD vectors at the row's end
    BytePointer planes = new BytePointer(3L * stride * height);
    try (RgbConverter twoPass =
            new RgbConverter(width, height, RgbConverter.DEFAULT_FLAGS, Route.TWO_PASS);
        PointerPointer<BytePointer> gbr = new PointerPointer<>(4);
        IntPointer linesizes = new IntPointer(stride, stride, stride, 0)) {
      byte[] expected = new byte[3 * width * height];
      twoPass.convert(frame, expected, 0);
      long plane = (long) stride * height;
      gbr.put(0, planes.getPointer(plane)).put(1, planes.getPointer(2 * plane));
      gbr.put(2, planes.getPointer(0));
      assertThat(
              swscale.sws_scale(direct, frame.data(), frame.linesize(), 0, height, gbr, linesizes))
          .isEqualTo(height);
      byte[] actual = new byte[expected.length];
      for (int row = 0; row < 3 * height; row++) {
        planes.getPointer((long) row * stride).get(actual, row * width, width);
      }
      assertThat(actual).isNotEqualTo(expected);
    } finally {
      planes.close();
      swscale.sws_freeContext(direct);
      avutil.av_frame_free(frame);
    }
  }

  /**
   * {@link SinglePassCheck} finds the routes equal for 1920-wide 4:2:0 and 4:2:2 frames on this
   * build, and notices converters that differ (here other scaler flags, which change the chroma
   * filter).
   */
  @Test
  void theCheckComparesTheRoutes() throws Exception {
    FfmpegRuntime.ensureLoaded();
    assertThat(SinglePassCheck.holds(avutil.AV_PIX_FMT_YUV420P, 1920)).isTrue();
    assertThat(SinglePassCheck.holds(avutil.AV_PIX_FMT_YUVJ420P, 1920)).isTrue();
    assertThat(SinglePassCheck.holds(avutil.AV_PIX_FMT_YUVJ422P, 1920)).isTrue();
    int width = 64;
    int rows = SinglePassCheck.ROWS;
    int otherFlags = swscale.SWS_BICUBIC | swscale.SWS_FULL_CHR_H_INT | swscale.SWS_ACCURATE_RND;
    try (RgbConverter reference =
            new RgbConverter(width, rows, RgbConverter.DEFAULT_FLAGS, Route.TWO_PASS);
        RgbConverter same = new RgbConverter(width, rows, RgbConverter.DEFAULT_FLAGS);
        RgbConverter other = new RgbConverter(width, rows, otherFlags, Route.TWO_PASS)) {
      assertThat(SinglePassCheck.agree(reference, same, avutil.AV_PIX_FMT_YUV420P, width)).isTrue();
      assertThat(same.singlePass()).isTrue();
      assertThat(SinglePassCheck.agree(reference, other, avutil.AV_PIX_FMT_YUV420P, width))
          .isFalse();
    }
  }

  /** A frame of random samples in {@code format} (a YUV format FFmpeg names), with its colours. */
  private static AVFrame yuvFrame(String format, int width, int height, int colorspace, int range) {
    FfmpegRuntime.ensureLoaded();
    int pixFmt = avutil.av_get_pix_fmt(format);
    assertThat(pixFmt).as(format).isNotNegative();
    AVFrame frame = avutil.av_frame_alloc();
    frame.width(width).height(height).format(pixFmt).colorspace(colorspace).color_range(range);
    assertThat(avutil.av_frame_get_buffer(frame, 0)).isZero();
    Random random = new Random(width * 7919L + height);
    boolean highDepth = format.contains("10");
    AVPixFmtDescriptor descriptor = avutil.av_pix_fmt_desc_get(pixFmt);
    for (int plane = 0; plane < 3; plane++) {
      int rows = plane == 0 ? height : -((-height) >> descriptor.log2_chroma_h());
      int samples = plane == 0 ? width : -((-width) >> descriptor.log2_chroma_w());
      byte[] row = new byte[samples * (highDepth ? 2 : 1)];
      for (int y = 0; y < rows; y++) {
        random.nextBytes(row);
        if (highDepth) {
          for (int i = 1; i < row.length; i += 2) {
            row[i] &= 3; // 10 bits, little-endian
          }
        }
        frame.data(plane).position((long) y * frame.linesize(plane)).put(row);
      }
    }
    return frame;
  }
}
