package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import java.nio.ByteBuffer;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.ffmpeg.swscale.SwsFilter;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * Converts decoded frames to planar {@code (3, H, W)} RGB bytes with libswscale, exactly as the
 * {@code ffmpeg} command line's {@code -pix_fmt rgb24} converts them, into a buffer of its own that
 * each frame overwrites ({@link #planes()}: direct memory owned by the JVM, so that a view of it
 * never outlives its memory) or, copied in one bulk copy, into the caller's array.
 *
 * <p>The scaler is set up as the {@code ffmpeg} command line's automatic scale filter sets it up:
 * the flags given (the CLI's default is {@code bicubic}), the YUV matrix from the frame's {@code
 * colorspace} (BT.601 when unspecified or not supported) and the input range from the frame's
 * {@code color_range} (else the pixel format's, e.g. full range for {@code yuvj420p}). Frames whose
 * size differs from the output size (a resolution change within the stream) are scaled to it.
 * Interlaced frames are converted as delivered by the decoder (both fields woven into one frame, no
 * deinterlacing; chroma is upsampled as for progressive frames, as the CLI does).
 *
 * <p>Two routes give the same bytes:
 *
 * <ul>
 *   <li><b>two passes</b>, for every frame: to RGB24, then an unscaled {@code rgb24} to {@code
 *       gbrp} pass (a byte permutation in C, no arithmetic) into one native buffer laid out R, G,
 *       B. The RGB24 step is what makes the pixels those of the CLI: swscale's planar writers round
 *       differently from its packed ones for some inputs (10-bit YUV, odd sizes, widths not a
 *       multiple of 16, other flags);
 *   <li><b>one pass</b>, straight from YUV to {@code gbrp} (one conversion and no intermediate
 *       frame: at 1080p a third of the two passes' CPU time, copy included), only where swscale's
 *       unscaled YUV to RGB converter writes the same bytes both ways ({@link #singlePassEligible}:
 *       8-bit 4:2:0 and 4:2:2 frames at the output size, width a multiple of 16, even height, the
 *       default flags), and only once {@link SinglePassCheck} has seen the two routes agree on this
 *       FFmpeg build and CPU for the frame's format and width.
 * </ul>
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

  /** Bytes allocated past the planes, in case a SIMD writer stores a whole vector at the end. */
  private static final int SLACK = 64;

  /** The planes' alignment, av_malloc's on every platform (swscale's SIMD stores want 16 or 32). */
  private static final int ALIGNMENT = 64;

  /** Which of the two routes the converter may take. */
  enum Route {
    /** Always through RGB24. */
    TWO_PASS,
    /** Straight to planes where eligible, without {@link SinglePassCheck} (the check's own use). */
    SINGLE_PASS_UNCHECKED,
    /** Straight to planes where eligible and {@link SinglePassCheck} holds; the default. */
    SINGLE_PASS_CHECKED
  }

  private final int width;
  private final int height;
  private final int flags;
  private final Route route;
  private final int frameBytes;

  /** The R, G and B planes, then {@link #SLACK} bytes: the memory swscale writes the planes to. */
  private final ByteBuffer planeMemory;

  private final BytePointer planes;
  private final PointerPointer<BytePointer> gbrPlanes = new PointerPointer<>(4);
  private final IntPointer gbrLinesizes = new IntPointer(4);

  /** The RGB24 frame and its planar pass, allocated when the two-pass route is first taken. */
  private PointerPointer<BytePointer> rgbPlanes;

  private IntPointer rgbLinesizes;
  private SwsContext planarSws;

  /** The frame to RGB24 or, when {@link #singlePass}, to {@code gbrp}. */
  private SwsContext sws;

  private boolean singlePass;
  private int srcWidth = -1;
  private int srcHeight = -1;
  private int srcFormat = -1;
  private int srcColorspace = Integer.MIN_VALUE;
  private int srcRange = Integer.MIN_VALUE;

  /**
   * A converter to {@code width x height} RGB that takes the one-pass route where it is proven.
   *
   * @throws DecodeException when the planar buffer cannot be allocated
   */
  RgbConverter(int width, int height, int flags) throws DecodeException {
    this(width, height, flags, Route.SINGLE_PASS_CHECKED);
  }

  /** A converter restricted to {@code route} (tests and {@link SinglePassCheck} compare them). */
  RgbConverter(int width, int height, int flags, Route route) throws DecodeException {
    this.width = width;
    this.height = height;
    this.flags = flags;
    this.route = route;
    long plane = (long) width * height;
    if (width <= 0 || height <= 0 || 3 * plane + SLACK + ALIGNMENT > Integer.MAX_VALUE) {
      close();
      throw new DecodeException("cannot allocate a " + width + "x" + height + " planar RGB frame");
    }
    this.frameBytes = (int) (3 * plane);
    try {
      this.planeMemory =
          ByteBuffer.allocateDirect(frameBytes + SLACK + ALIGNMENT).alignedSlice(ALIGNMENT);
    } catch (OutOfMemoryError e) { // the JVM's direct memory limit (-XX:MaxDirectMemorySize)
      close();
      throw new DecodeException(
          "cannot allocate a " + width + "x" + height + " planar RGB frame: " + e.getMessage(), e);
    }
    this.planes = new BytePointer(planeMemory);
    // gbrp's planes are G, B, R: pointed into one buffer holding R, G, B, so that it is the
    // (3, H, W) layout itself
    gbrPlanes.put(0, planes.getPointer(plane));
    gbrPlanes.put(1, planes.getPointer(2 * plane));
    gbrPlanes.put(2, planes.getPointer(0));
    gbrLinesizes.put(new int[] {width, width, width, 0});
  }

  /**
   * Whether a {@code format} frame of {@code frameWidth x frameHeight} may go straight to planar
   * RGB at {@code width x height} with {@code flags}: swscale then uses its unscaled YUV 4:2:0 /
   * 4:2:2 to RGB converter for both routes, which writes the same values to packed and planar RGB
   * when the row is a whole number of 16-pixel blocks (measured on x86-64: widths 17-24, 33-40...
   * differ from the packed writer at the row's end) and the rows come in pairs.
   */
  static boolean singlePassEligible(
      int format, int frameWidth, int frameHeight, int width, int height, int flags) {
    return subsampled8Bit(format)
        && frameWidth == width
        && frameHeight == height
        && width % 16 == 0
        && height % 2 == 0
        && flags == DEFAULT_FLAGS;
  }

  /**
   * Whether {@code format} is 8-bit YUV 4:2:0 or 4:2:2, the inputs of swscale's table converter.
   */
  private static boolean subsampled8Bit(int format) {
    return format == avutil.AV_PIX_FMT_YUV420P
        || format == avutil.AV_PIX_FMT_YUVJ420P
        || format == avutil.AV_PIX_FMT_YUV422P
        || format == avutil.AV_PIX_FMT_YUVJ422P;
  }

  /**
   * Converts {@code frame} into {@code planar} at {@code offset}: {@code 3 * height * width} bytes,
   * the R plane, then G, then B, each row by row.
   *
   * @throws DecodeException when swscale cannot convert the frame's pixel format
   */
  void convert(AVFrame frame, byte[] planar, int offset) throws DecodeException {
    convert(frame);
    planeMemory.get(0, planar, offset, frameBytes);
  }

  /**
   * Converts {@code frame} into this converter's own buffer, {@link #planes()}.
   *
   * @throws DecodeException when swscale cannot convert the frame's pixel format
   */
  void convert(AVFrame frame) throws DecodeException {
    prepare(frame);
    if (singlePass) {
      int rows =
          swscale.sws_scale(
              sws, frame.data(), frame.linesize(), 0, frame.height(), gbrPlanes, gbrLinesizes);
      checkRows(rows, frame.format(), "planar rgb");
    } else {
      int rows =
          swscale.sws_scale(
              sws, frame.data(), frame.linesize(), 0, frame.height(), rgbPlanes, rgbLinesizes);
      checkRows(rows, frame.format(), "rgb24");
      rows =
          swscale.sws_scale(planarSws, rgbPlanes, rgbLinesizes, 0, height, gbrPlanes, gbrLinesizes);
      checkRows(rows, avutil.AV_PIX_FMT_RGB24, "planar rgb");
    }
  }

  /**
   * The last frame converted by {@link #convert(AVFrame)}: {@code 3 * height * width} bytes from
   * position 0, R plane first; a view that the next conversion overwrites. Its memory belongs to
   * the view, not to this converter: it stays readable after {@link #close()}.
   */
  ByteBuffer planes() {
    return planeMemory.duplicate().position(0).limit(frameBytes);
  }

  /** Whether the last frame converted went straight to planes (tests check the route taken). */
  boolean singlePass() {
    return singlePass;
  }

  private void checkRows(int rows, int format, String target) throws DecodeException {
    if (rows != height) {
      throw new DecodeException(
          "swscale converted "
              + rows
              + " of "
              + height
              + " rows of a "
              + pixelFormatName(format)
              + " frame to "
              + target);
    }
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
      boolean onePass =
          route != Route.TWO_PASS
              && singlePassEligible(format, w, h, width, height, flags)
              && (route == Route.SINGLE_PASS_UNCHECKED || SinglePassCheck.holds(format, width));
      if (!onePass) {
        prepareTwoPass();
      }
      int target = onePass ? avutil.AV_PIX_FMT_GBRP : avutil.AV_PIX_FMT_RGB24;
      sws =
          swscale.sws_getContext(
              w,
              h,
              format,
              width,
              height,
              target,
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
                + " frames to "
                + pixelFormatName(target)
                + " "
                + width
                + "x"
                + height);
      }
      singlePass = onePass;
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

  /** Allocates the RGB24 frame and the unscaled planar pass of the two-pass route, once. */
  private void prepareTwoPass() throws DecodeException {
    if (rgbPlanes == null) {
      PointerPointer<BytePointer> frame = new PointerPointer<>(4);
      IntPointer linesizes = new IntPointer(4);
      int size =
          avutil.av_image_alloc(frame, linesizes, width, height, avutil.AV_PIX_FMT_RGB24, 32);
      if (size < 0) {
        frame.close();
        linesizes.close();
        throw AvErrors.failure("cannot allocate a " + width + "x" + height + " RGB frame", size);
      }
      rgbPlanes = frame;
      rgbLinesizes = linesizes;
    }
    if (planarSws == null) {
      SwsContext planar =
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
      if (planar == null || planar.isNull()) {
        throw new DecodeException(
            "swscale cannot convert rgb24 " + width + "x" + height + " frames to planar rgb");
      }
      planarSws = planar;
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
    if (planes != null) {
      planes.setNull(); // the memory is the JVM's, freed with the last view of planeMemory
    }
    gbrPlanes.close();
    gbrLinesizes.close();
    if (rgbPlanes != null) {
      if (!rgbPlanes.isNull() && rgbPlanes.get(0) != null) {
        avutil.av_freep(rgbPlanes); // frees data[0] and clears it
      }
      rgbPlanes.close();
      rgbLinesizes.close();
      rgbPlanes = null;
      rgbLinesizes = null;
    }
  }
}
