package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether {@link RgbConverter}'s one-pass route (YUV straight to planar RGB) writes the same bytes
 * as its two-pass route (through RGB24) on this FFmpeg build and CPU, for a pixel format and frame
 * width: both routes convert one synthetic frame of that width (pseudo-random samples over the
 * whole 8-bit range, 16 rows) under several YUV matrices and ranges, once per JVM and (format,
 * width); any difference, or a failure of either route, keeps the two-pass route.
 *
 * <p>The test suite proves the equality on x86-64 for the eligible inputs; this check keeps other
 * builds (the arm64 and macOS natives, whose SIMD writers may round differently) on the exact route
 * without having to be measured. It costs two conversions of a {@code width x 16} frame per format
 * and width seen.
 */
final class SinglePassCheck {

  private static final Logger LOG = LoggerFactory.getLogger(SinglePassCheck.class);

  /** The synthetic frame's rows. */
  static final int ROWS = 16;

  /** Colour settings the routes must agree under: {colorspace, color_range}. */
  private static final int[][] COLOURS = {
    {avutil.AVCOL_SPC_UNSPECIFIED, avutil.AVCOL_RANGE_UNSPECIFIED},
    {avutil.AVCOL_SPC_BT709, avutil.AVCOL_RANGE_MPEG},
    {avutil.AVCOL_SPC_BT470BG, avutil.AVCOL_RANGE_JPEG},
    {avutil.AVCOL_SPC_BT2020_NCL, avutil.AVCOL_RANGE_MPEG},
  };

  private static final Map<Long, Boolean> VERDICTS = new ConcurrentHashMap<>();

  private SinglePassCheck() {}

  /**
   * Whether the routes agree for {@code format} frames {@code width} pixels wide (computed on first
   * use).
   */
  static boolean holds(int format, int width) {
    return VERDICTS.computeIfAbsent(((long) format << 32) | width, key -> compare(format, width));
  }

  private static boolean compare(int format, int width) {
    try (RgbConverter twoPass =
            new RgbConverter(width, ROWS, RgbConverter.DEFAULT_FLAGS, RgbConverter.Route.TWO_PASS);
        RgbConverter onePass =
            new RgbConverter(
                width,
                ROWS,
                RgbConverter.DEFAULT_FLAGS,
                RgbConverter.Route.SINGLE_PASS_UNCHECKED)) {
      return agree(twoPass, onePass, format, width) && onePass.singlePass();
    } catch (DecodeException e) {
      LOG.debug("cannot compare the planar rgb routes: {}", e.getMessage());
      return false;
    }
  }

  /**
   * Whether {@code candidate} converts the synthetic {@code format} frame ({@code width x 16}, an
   * 8-bit 4:2:0 or 4:2:2 format) to the same bytes as {@code reference} under every colour setting;
   * both converters are {@code width x 16}.
   */
  static boolean agree(RgbConverter reference, RgbConverter candidate, int format, int width)
      throws DecodeException {
    AVFrame frame = avutil.av_frame_alloc();
    if (frame == null || frame.isNull()) {
      throw new DecodeException("FFmpeg could not allocate a frame");
    }
    try {
      fill(frame, format, width);
      byte[] expected = new byte[3 * width * ROWS];
      byte[] actual = new byte[expected.length];
      for (int[] colour : COLOURS) {
        frame.colorspace(colour[0]).color_range(colour[1]);
        reference.convert(frame, expected, 0);
        candidate.convert(frame, actual, 0);
        if (!Arrays.equals(expected, actual)) {
          LOG.debug(
              "swscale's planar rgb differs from rgb24 for {} frames {} wide (colorspace {},"
                  + " range {}): converting through rgb24",
              RgbConverter.pixelFormatName(format),
              width,
              colour[0],
              colour[1]);
          return false;
        }
      }
      return true;
    } finally {
      avutil.av_frame_free(frame);
    }
  }

  /** A {@code width x ROWS} frame of {@code format} with pseudo-random samples. */
  private static void fill(AVFrame frame, int format, int width) throws DecodeException {
    frame.width(width).height(ROWS).format(format);
    int ret = avutil.av_frame_get_buffer(frame, 0);
    if (ret < 0) {
      throw AvErrors.failure("cannot allocate a " + width + "x" + ROWS + " test frame", ret);
    }
    SplittableRandom random = new SplittableRandom(width);
    boolean fourTwoZero =
        format == avutil.AV_PIX_FMT_YUV420P || format == avutil.AV_PIX_FMT_YUVJ420P;
    for (int plane = 0; plane < 3; plane++) {
      int rows = plane == 0 || !fourTwoZero ? ROWS : ROWS / 2;
      byte[] row = new byte[plane == 0 ? width : width / 2];
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < row.length; x++) {
          row[x] = (byte) random.nextInt(256);
        }
        frame.data(plane).position((long) y * frame.linesize(plane)).put(row);
      }
      frame.data(plane).position(0);
    }
  }
}
