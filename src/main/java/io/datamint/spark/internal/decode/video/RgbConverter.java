package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames to RGB24 with libswscale, then to planar {@code (3, H, W)} bytes with a
 * second, unscaled swscale pass ({@code rgb24} to {@code gbrp}: a byte permutation in C, no
 * arithmetic), copied into the caller's array in one bulk copy.
 *
 * <p>The scaler is set up as the {@code ffmpeg} command line's automatic scale filter sets it up:
 * the flags given (the CLI's default is {@code bicubic}), the YUV matrix from the frame's {@code
 * colorspace} (BT.601 when unspecified or not supported) and the input range from the frame's
 * {@code color_range} (else the pixel format's, e.g. full range for {@code yuvj420p}). Frames whose
 * size differs from the output size (a resolution change within the stream) are scaled to it.
 * Interlaced frames are converted as delivered by the decoder (both fields woven into one frame, no
 * deinterlacing; chroma is upsampled as for progressive frames, as the CLI does).
 *
 * <p>The RGB24 step stays even where swscale could write planar RGB straight from YUV: its planar
 * writers round differently from its packed ones for some inputs (10-bit YUV, odd sizes with other
 * flags), and the pixels must be those of the CLI's {@code -pix_fmt rgb24}.
 *
 * <p>The swscale contexts and the native buffers are reused from frame to frame; the first context
 * is only rebuilt when the source size, pixel format, colour space or range changes. Not
 * thread-safe.
 */
final class RgbConverter implements AutoCloseable {

  /**
   * The swscale flags of the {@code ffmpeg} CLI's automatic scale filter, and of OpenCV's video
   * reader.
   */
  static final int DEFAULT_FLAGS = swscale.SWS_BICUBIC;

  private final int width;
  private final int height;
  private final int flags;
  private final PointerPointer<BytePointer> rgbPlanes = new PointerPointer<>(4);
  private final IntPointer rgbLinesizes = new IntPointer(4);
  private final BytePointer planes;
  private final PointerPointer<BytePointer> gbrPlanes = new PointerPointer<>(4);
  private final IntPointer gbrLinesizes = new IntPointer(4);
  private SwsContext planarSws;

  private SwsContext sws;
  private int srcWidth = -1;
  private int srcHeight = -1;
  private int srcFormat = -1;
  private int srcColorspace = Integer.MIN_VALUE;
  private int srcRange = Integer.MIN_VALUE;

  /**
   * A converter to {@code width x height} RGB.
   *
   * @throws DecodeException when FFmpeg cannot allocate the RGB buffer
   */
  RgbConverter(int width, int height, int flags) throws DecodeException {
    this.width = width;
    this.height = height;
    this.flags = flags;
    int size =
        avutil.av_image_alloc(rgbPlanes, rgbLinesizes, width, height, avutil.AV_PIX_FMT_RGB24, 32);
    if (size < 0) {
      rgbPlanes.close();
      rgbLinesizes.close();
      throw AvErrors.failure("cannot allocate a " + width + "x" + height + " RGB frame", size);
    }
    long plane = (long) width * height;
    Pointer buffer = avutil.av_malloc(3 * plane);
    this.planes = buffer == null || buffer.isNull() ? null : new BytePointer(buffer);
    if (planes == null) {
      close();
      throw new DecodeException("cannot allocate a " + width + "x" + height + " planar RGB frame");
    }
    // gbrp's planes are G, B, R: pointed into one buffer holding R, G, B, so that it is the
    // (3, H, W) layout itself
    gbrPlanes.put(0, planes.getPointer(plane));
    gbrPlanes.put(1, planes.getPointer(2 * plane));
    gbrPlanes.put(2, planes.getPointer(0));
    gbrLinesizes.put(new int[] {width, width, width, 0});
    planarSws =
        swscale.sws_getContext(
            width,
            height,
            avutil.AV_PIX_FMT_RGB24,
            width,
            height,
            avutil.AV_PIX_FMT_GBRP,
            swscale.SWS_POINT,
            (SwsFilter) null,
            (SwsFilter) null,
            (DoublePointer) null);
    if (planarSws == null || planarSws.isNull()) {
      planarSws = null;
      close();
      throw new DecodeException(
          "swscale cannot convert rgb24 " + width + "x" + height + " frames to planar rgb");
    }
  }

  /**
   * Converts {@code frame} into {@code planar} at {@code offset}: {@code 3 * height * width} bytes,
   * the R plane, then G, then B, each row by row.
   *
   * @throws DecodeException when swscale cannot convert the frame's pixel format
   */
  void convert(AVFrame frame, byte[] planar, int offset) throws DecodeException {
    prepare(frame);
    int rows =
        swscale.sws_scale(
            sws, frame.data(), frame.linesize(), 0, frame.height(), rgbPlanes, rgbLinesizes);
    if (rows != height) {
      throw new DecodeException(
          "swscale converted "
              + rows
              + " of "
              + height
              + " rows of a "
              + pixelFormatName(frame.format())
              + " frame to rgb24");
    }
    rows =
        swscale.sws_scale(planarSws, rgbPlanes, rgbLinesizes, 0, height, gbrPlanes, gbrLinesizes);
    if (rows != height) {
      throw new DecodeException(
          "swscale converted " + rows + " of " + height + " rows of rgb24 to planar rgb");
    }
    planes.position(0).get(planar, offset, 3 * width * height);
  }

  private void prepare(AVFrame frame) throws DecodeException {
    int w = frame.width();
    int h = frame.height();
    int format = frame.format();
    if (sws == null || w != srcWidth || h != srcHeight || format != srcFormat) {
      freeSws();
      if (w <= 0 || h <= 0 || format < 0) {
        throw new DecodeException(
            "the decoder returned a frame of " + w + "x" + h + " in pixel format " + format);
      }
      sws =
          swscale.sws_getContext(
              w,
              h,
              format,
              width,
              height,
              avutil.AV_PIX_FMT_RGB24,
              flags,
              (SwsFilter) null,
              (SwsFilter) null,
              (DoublePointer) null);
      if (sws == null || sws.isNull()) {
        sws = null;
        throw new DecodeException(
            "swscale cannot convert "
                + pixelFormatName(format)
                + " "
                + w
                + "x"
                + h
                + " frames to rgb24 "
                + width
                + "x"
                + height);
      }
      srcWidth = w;
      srcHeight = h;
      srcFormat = format;
      srcColorspace = Integer.MIN_VALUE;
      srcRange = Integer.MIN_VALUE;
    }
    int colorspace = frame.colorspace();
    int range = frame.color_range();
    if (colorspace != srcColorspace || range != srcRange) {
      applyColorDetails(colorspace, range);
      srcColorspace = colorspace;
      srcRange = range;
    }
  }

  /** What the CLI's scale filter (in_color_matrix=auto) does with the frame's colour properties. */
  private void applyColorDetails(int colorspace, int range) {
    try (PointerPointer<IntPointer> invTable = new PointerPointer<>(1);
        PointerPointer<IntPointer> table = new PointerPointer<>(1);
        IntPointer details = new IntPointer(5)) {
      int ret =
          swscale.sws_getColorspaceDetails(
              sws,
              invTable,
              details.position(0),
              table,
              details.getPointer(1),
              details.getPointer(2),
              details.getPointer(3),
              details.getPointer(4));
      if (ret < 0) {
        return; // not a YUV/RGB conversion swscale has colour details for
      }
      int fullRangeIn = details.get(0);
      int fullRangeOut = details.get(1);
      int brightness = details.get(2);
      int contrast = details.get(3);
      int saturation = details.get(4);
      int matrix = colorspace;
      if (matrix < 1 || matrix > 10 || matrix == 8) {
        matrix = avutil.AVCOL_SPC_BT470BG;
      }
      IntPointer coefficients = swscale.sws_getCoefficients(matrix);
      if (range != avutil.AVCOL_RANGE_UNSPECIFIED) {
        fullRangeIn = range == avutil.AVCOL_RANGE_JPEG ? 1 : 0;
      }
      swscale.sws_setColorspaceDetails(
          sws,
          coefficients,
          fullRangeIn,
          coefficients,
          fullRangeOut,
          brightness,
          contrast,
          saturation);
    }
  }

  static String pixelFormatName(int format) {
    BytePointer name = avutil.av_get_pix_fmt_name(format);
    return name == null || name.isNull() ? "pixel format " + format : name.getString();
  }

  private void freeSws() {
    if (sws != null) {
      swscale.sws_freeContext(sws);
      sws = null;
    }
  }

  /** Frees the swscale contexts and the native buffers; idempotent. */
  @Override
  public void close() {
    freeSws();
    if (planarSws != null) {
      swscale.sws_freeContext(planarSws);
      planarSws = null;
    }
    if (planes != null && !planes.isNull()) {
      avutil.av_free(planes);
      planes.setNull();
    }
    gbrPlanes.close();
    gbrLinesizes.close();
    if (!rgbPlanes.isNull() && rgbPlanes.get(0) != null) {
      avutil.av_freep(rgbPlanes); // frees data[0] and clears it
    }
    rgbPlanes.close();
    rgbLinesizes.close();
  }
}
