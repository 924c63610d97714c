package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalInt;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avcodec.AVPacketSideData;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVIndexEntry;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.PointerPointer;

/**
 * The frames of a video held in memory, decoded one at a time with FFmpeg: each an RGB {@code
 * uint8} array of shape {@code (3, H, W)} (R, G and B planes), in decoding output (presentation)
 * order, as OpenCV's {@code VideoCapture} reads them for the Datamint SDK. Frame <i>k</i> is the
 * <i>k</i>-th frame the decoder outputs; no frame is dropped or duplicated to reach a constant
 * frame rate.
 *
 * <pre>{@code
 * try (VideoFrames frames = VideoFrames.open(bytes, bytes.length, DecodeLimits.defaults())) {
 *   while (frames.hasNext()) {
 *     PixelArray frame = frames.next(); // (3, H, W)
 *   }
 * }
 * }</pre>
 *
 * <p>The container is read from the byte array through a custom FFmpeg I/O context (no temporary
 * file). The best video stream ({@code av_find_best_stream}) is decoded; other streams are
 * discarded by the demuxer. {@code H} and {@code W} are the stream's declared size, checked against
 * the {@link DecodeLimits} before anything is decoded. Colour conversion and interlacing: see
 * {@link #open}. One decoder thread is used (executors run one task per core).
 *
 * <p>Errors are strict: a demuxer or decoder error, an incomplete packet (a truncated file) or a
 * container index pointing past the end of the data ends the iteration with a {@link
 * DecodeException}, even after some frames were returned; so does a stream that ends with fewer
 * frames than the container's index declares exactly ({@link DeclaredFrames}: MP4/MOV sample
 * tables, AVI indexes), which lost frames without an error from FFmpeg. {@link #hasNext()} and
 * {@link #next()} wrap it in an {@link UncheckedDecodeException}; {@link #nextFrame()} throws it as
 * is. Loops are bounded: a stream that yields no frame for {@value #MAX_PACKETS_WITHOUT_FRAME}
 * packets in a row is rejected as corrupt.
 *
 * <p>Native memory (FFmpeg contexts, packet, frame, swscale context, I/O buffer) is freed by {@link
 * #close()}; a {@link Cleaner} frees it too if an instance is dropped unclosed. Not thread-safe.
 */
final class VideoFrames implements AutoCloseable, Iterator<PixelArray> {

  /** Packets read in a row without a decoded frame after which the file is rejected as corrupt. */
  public static final int MAX_PACKETS_WITHOUT_FRAME = 100_000;

  private static final Cleaner CLEANER = Cleaner.create();

  /** What the decoding loop returns for a frame decoded but not converted. */
  private static final byte[] SKIPPED = new byte[0];

  /** What the decoding loop is given, and returns, for a frame left in the converter's buffer. */
  private static final byte[] IN_PLACE = new byte[0];

  /**
   * {@code AV_FRAME_FLAG_*} of libavutil/frame.h (not mapped as constants by the JavaCPP presets).
   */
  private static final int AV_FRAME_FLAG_CORRUPT = 1;

  private static final int AV_FRAME_FLAG_INTERLACED = 1 << 3;

  /** Tries at seeking to an earlier key frame when the one found lies after the target. */
  private static final int SEEK_RETRIES = 3;

  private final NativeState state;
  private final Cleaner.Cleanable cleanable;
  private final VideoInfo info;
  private final int frameBytes;
  private final FrameTimeline timeline;

  /** The index entries of the stream when it opened (those of the container's index). */
  private final int indexEntries;

  private final int fileLength;

  /** The timestamp of frame 0 once decoded. */
  private long firstTimestamp = avutil.AV_NOPTS_VALUE;

  /**
   * Whether {@code state.held} holds the next frame, decoded by {@link #seekTo} and not counted.
   */
  private boolean holding;

  private boolean draining;
  private boolean finished;
  private boolean closed;
  private DecodeException failure;
  private byte[] lookahead;
  private int framesDecoded;
  private int interlacedFrames;
  private int corruptFrames;
  private long packetsWithoutFrame;

  /** The byte after the last video packet sent to the decoder, -1 before the first. */
  private long packetEnd = -1;

  private VideoFrames(NativeState state, VideoInfo info, int frameBytes, int fileLength) {
    this.state = state;
    this.cleanable = CLEANER.register(this, state);
    this.info = info;
    this.frameBytes = frameBytes;
    AVStream stream = state.format.streams(state.streamIndex);
    this.timeline = FrameTimeline.of(state.format, stream);
    this.indexEntries = avformat.avformat_index_get_entries_count(stream);
    this.fileLength = fileLength;
  }

  /**
   * Opens the video in {@code file[0..length)}: probes the container, picks the best video stream,
   * reads its header and opens its decoder. No frame is decoded yet (beyond what FFmpeg decodes to
   * probe the stream).
   *
   * <p>Frames are converted to RGB24 by libswscale with the {@code ffmpeg} command line's defaults
   * (bicubic flags, the frame's YUV matrix and range; BT.601 when unspecified), so they match
   * {@code ffmpeg -i FILE -f rawvideo -pix_fmt rgb24 -} byte for byte. Interlaced content is
   * returned as the decoder delivers it: both fields woven into each frame, not deinterlaced. Alpha
   * is dropped; more than 8 bits per sample are reduced to 8; a display rotation in the container
   * is reported in {@link #info()} but not applied.
   *
   * @param file the file's bytes; not copied, so they must not change while the frames are read
   * @param length the number of valid bytes
   * @param limits checked against one frame's {@code 3 * H * W} bytes
   * @throws DecodeException when the bytes are empty, not a container FFmpeg can read, hold no
   *     video stream, the frame size is unknown or over the limits, or the codec has no decoder
   */
  public static VideoFrames open(byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    return open(file, length, limits, RgbConverter.DEFAULT_FLAGS);
  }

  /**
   * {@link #open(byte[], int, DecodeLimits)} with other swscale flags (tests compare flag choices).
   */
  static VideoFrames open(byte[] file, int length, DecodeLimits limits, int swsFlags)
      throws DecodeException {
    return open(file, length, limits, swsFlags, RgbConverter.Route.SINGLE_PASS_CHECKED);
  }

  /**
   * {@link #open(byte[], int, DecodeLimits, int)} restricted to one colour conversion route (tests
   * and the benchmark compare the routes).
   */
  static VideoFrames open(
      byte[] file, int length, DecodeLimits limits, int swsFlags, RgbConverter.Route route)
      throws DecodeException {
    if (length < 0 || length > file.length) {
      throw new IllegalArgumentException(
          "length " + length + " outside the array of " + file.length + " bytes");
    }
    if (length == 0) {
      throw new DecodeException("the video file is empty (0 bytes)");
    }
    FfmpegRuntime.ensureLoaded();
    FfmpegLog.clear();
    NativeState state = new NativeState();
    try {
      state.input = MemoryInput.open(file, length);
      VideoInfo info = openStream(state, file, length, limits, swsFlags, route);
      return new VideoFrames(
          state, info, 3 * info.height() * info.width(), length); // checked against the limits
    } catch (RuntimeException | Error e) { // DecodeException included: release, then rethrow
      state.run();
      throw e;
    }
  }

  private static VideoInfo openStream(
      NativeState state,
      byte[] file,
      int length,
      DecodeLimits limits,
      int swsFlags,
      RgbConverter.Route route)
      throws DecodeException {
    AVFormatContext format = avformat.avformat_alloc_context();
    if (format == null || format.isNull()) {
      throw new DecodeException("FFmpeg could not allocate a format context");
    }
    format.pb(state.input.context());
    int ret;
    try (PointerPointer<AVFormatContext> holder = new PointerPointer<>(1);
        BytePointer url = new BytePointer("")) {
      holder.put(0, format);
      ret = avformat.avformat_open_input(holder, url, null, (PointerPointer<?>) null);
      // On failure FFmpeg frees the context and clears the pointer.
      state.format = ret < 0 ? null : holder.get(AVFormatContext.class, 0);
    }
    if (ret < 0) {
      throw AvErrors.failure("not a video container FFmpeg can read", ret);
    }
    ret = avformat.avformat_find_stream_info(state.format, (PointerPointer<?>) null);
    if (ret < 0) {
      throw AvErrors.failure(
          "cannot read the stream headers of the " + containerName(state.format) + " file", ret);
    }
    String truncation = ContainerExtent.truncation(containerName(state.format), file, length);
    if (truncation != null) {
      throw new DecodeException(
          "the " + containerName(state.format) + " file is truncated: " + truncation);
    }
    int index =
        avformat.av_find_best_stream(
            state.format, avutil.AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
    if (index < 0) {
      throw new DecodeException(
          "the "
              + containerName(state.format)
              + " file has no video stream (streams: "
              + describeStreams(state.format)
              + ")");
    }
    AVStream stream = state.format.streams(index);
    AVCodecParameters parameters = stream.codecpar();
    String codecName = avcodec.avcodec_get_name(parameters.codec_id()).getString();
    if ((stream.disposition() & avformat.AV_DISPOSITION_ATTACHED_PIC) != 0) {
      throw new DecodeException(
          "the "
              + containerName(state.format)
              + " file has no video stream, only a "
              + codecName
              + " cover picture (streams: "
              + describeStreams(state.format)
              + ")");
    }
    for (int i = 0; i < state.format.nb_streams(); i++) {
      if (i != index) {
        state.format.streams(i).discard(avcodec.AVDISCARD_ALL);
      }
    }
    int width = parameters.width();
    int height = parameters.height();
    if (width <= 0 || height <= 0) {
      throw new DecodeException(
          "the "
              + codecName
              + " video stream declares no frame size ("
              + width
              + "x"
              + height
              + ")");
    }
    limits.checkedByteSize(DType.UINT8, 3, height, width);

    AVCodec decoder = avcodec.avcodec_find_decoder(parameters.codec_id());
    if (decoder == null || decoder.isNull()) {
      throw new DecodeException(
          "this FFmpeg build has no decoder for the " + codecName + " video codec");
    }
    state.codec = avcodec.avcodec_alloc_context3(decoder);
    if (state.codec == null || state.codec.isNull()) {
      state.codec = null;
      throw new DecodeException("FFmpeg could not allocate a " + codecName + " decoder");
    }
    ret = avcodec.avcodec_parameters_to_context(state.codec, parameters);
    if (ret < 0) {
      throw AvErrors.failure("cannot configure the " + codecName + " decoder", ret);
    }
    state.codec.pkt_timebase(stream.time_base());
    state.codec.thread_count(1);
    ret = avcodec.avcodec_open2(state.codec, decoder, (PointerPointer<?>) null);
    if (ret < 0) {
      throw AvErrors.failure("cannot open the " + codecName + " decoder", ret);
    }
    state.packet = avcodec.av_packet_alloc();
    state.frame = avutil.av_frame_alloc();
    if (state.packet == null
        || state.packet.isNull()
        || state.frame == null
        || state.frame.isNull()) {
      throw new DecodeException("FFmpeg could not allocate a packet or frame");
    }
    state.streamIndex = index;
    state.converter = new RgbConverter(width, height, swsFlags, route);
    return describe(state.format, stream, parameters, codecName);
  }

  private static VideoInfo describe(
      AVFormatContext format, AVStream stream, AVCodecParameters parameters, String codecName) {
    BytePointer profile = avcodec.avcodec_profile_name(parameters.codec_id(), parameters.profile());
    AVRational rate = avformat.av_guess_frame_rate(format, stream, null);
    double duration = Double.NaN;
    if (stream.duration() != avutil.AV_NOPTS_VALUE
        && stream.duration() > 0
        && stream.time_base().den() > 0) {
      duration = stream.duration() * avutil.av_q2d(stream.time_base());
    } else if (format.duration() != avutil.AV_NOPTS_VALUE && format.duration() > 0) {
      duration = (double) format.duration() / avutil.AV_TIME_BASE;
    }
    return new VideoInfo(
        containerName(format),
        stream.index(),
        codecName,
        profile == null || profile.isNull() ? null : profile.getString(),
        parameters.width(),
        parameters.height(),
        parameters.format() < 0 ? null : RgbConverter.pixelFormatName(parameters.format()),
        Math.max(rate.num(), 0),
        rate.num() > 0 ? Math.max(rate.den(), 0) : 0,
        duration,
        stream.nb_frames() > 0 ? stream.nb_frames() : -1,
        fieldOrderName(parameters.field_order()),
        parameters.color_space() == avutil.AVCOL_SPC_UNSPECIFIED
            ? null
            : nameOrNull(avutil.av_color_space_name(parameters.color_space())),
        parameters.color_range() == avutil.AVCOL_RANGE_UNSPECIFIED
            ? null
            : nameOrNull(avutil.av_color_range_name(parameters.color_range())),
        rotation(parameters));
  }

  private static double rotation(AVCodecParameters parameters) {
    AVPacketSideData matrix =
        avcodec.av_packet_side_data_get(
            parameters.coded_side_data(),
            parameters.nb_coded_side_data(),
            avcodec.AV_PKT_DATA_DISPLAYMATRIX);
    if (matrix == null || matrix.isNull() || matrix.size() < 9 * 4 || matrix.data() == null) {
      return 0;
    }
    double degrees = avutil.av_display_rotation_get(new IntPointer(matrix.data()));
    return Double.isNaN(degrees) ? 0 : degrees + 0.0; // + 0.0 turns -0.0 into 0.0
  }

  private static String fieldOrderName(int order) {
    if (order == avcodec.AV_FIELD_PROGRESSIVE) {
      return "progressive";
    } else if (order == avcodec.AV_FIELD_TT) {
      return "tt";
    } else if (order == avcodec.AV_FIELD_BB) {
      return "bb";
    } else if (order == avcodec.AV_FIELD_TB) {
      return "tb";
    } else if (order == avcodec.AV_FIELD_BT) {
      return "bt";
    }
    return "unknown";
  }

  private static String containerName(AVFormatContext format) {
    return format.iformat() == null || format.iformat().isNull()
        ? "unknown"
        : nameOrNull(format.iformat().name());
  }

  private static String describeStreams(AVFormatContext format) {
    List<String> streams = new ArrayList<>();
    for (int i = 0; i < format.nb_streams(); i++) {
      AVCodecParameters parameters = format.streams(i).codecpar();
      String type = nameOrNull(avutil.av_get_media_type_string(parameters.codec_type()));
      streams.add(
          (type == null ? "unknown" : type)
              + " "
              + avcodec.avcodec_get_name(parameters.codec_id()).getString());
    }
    return streams.isEmpty() ? "none" : String.join(", ", streams);
  }

  private static String nameOrNull(BytePointer name) {
    return name == null || name.isNull() ? null : name.getString();
  }

  /** The stream as its headers describe it. */
  public VideoInfo info() {
    return info;
  }

  /** The width of every frame. */
  public int width() {
    return info.width();
  }

  /** The height of every frame. */
  public int height() {
    return info.height();
  }

  /**
   * The number of frames if the container says so ({@code nb_frames}), else an estimate from the
   * duration and frame rate, else empty. A hint for sizing, not a promise: the number of frames
   * {@link #next()} returns may differ (dropped-frame entries in AVI indexes, edit lists,
   * truncation). Count frames by iterating.
   */
  public OptionalInt frameCount() {
    if (info.declaredFrameCount() > 0) {
      return OptionalInt.of((int) Math.min(info.declaredFrameCount(), Integer.MAX_VALUE));
    }
    double estimate = info.durationSeconds() * info.frameRate();
    if (estimate >= 0.5 && estimate < Integer.MAX_VALUE) {
      return OptionalInt.of((int) Math.round(estimate));
    }
    return OptionalInt.empty();
  }

  /** The exact frame count the container's index declares, if it has one. */
  DeclaredFrames declaredFrames() {
    return DeclaredFrames.of(
        state.format.streams(state.streamIndex), info.container(), indexEntries);
  }

  /**
   * At the end of the stream: fails when fewer frames decoded than the container's index declares
   * (frames were lost to corruption or truncation without an error from FFmpeg).
   */
  private void checkComplete() throws DecodeException {
    // no more index entries nor samples than frames decoded: nothing lost (and no index walked)
    if (framesDecoded >= Math.max(indexEntries, info.declaredFrameCount())) {
      return;
    }
    DeclaredFrames declared = declaredFrames();
    if (!declared.exact() || framesDecoded >= declared.count()) {
      return;
    }
    StringBuilder message =
        new StringBuilder("the ")
            .append(VideoContainers.label(info.container()))
            .append(" file declares ")
            .append(declared.count())
            .append(" video frames in its ")
            .append(declared.where())
            .append(", but only ")
            .append(framesDecoded)
            .append(" of them decoded: the ")
            .append(info.codec())
            .append(" stream ends ")
            .append(
                framesDecoded == 0
                    ? "before its first frame"
                    : "after frame " + (framesDecoded - 1))
            .append(framesDecoded == 0 ? "" : " (counting from 0)");
    if (packetEnd >= 0) {
      message
          .append(", its last packet read ending at byte ")
          .append(packetEnd)
          .append(" of ")
          .append(fileLength)
          .append(" bytes");
    }
    message.append("; the file is corrupt or truncated");
    String logged = FfmpegLog.lastError();
    if (logged != null) {
      message.append(" (FFmpeg said: ").append(logged).append(')');
    }
    DecodeException e = new DecodeException(message.toString());
    failure = e;
    throw e;
  }

  /** The number of frames returned so far. */
  public int framesRead() {
    return framesDecoded - (lookahead == null ? 0 : 1);
  }

  /** How many of the frames returned so far the decoder flagged as interlaced. */
  public int interlacedFrames() {
    return interlacedFrames;
  }

  /**
   * How many of the frames returned so far the decoder flagged as possibly corrupt (it concealed
   * errors in them).
   */
  public int corruptFrames() {
    return corruptFrames;
  }

  /**
   * The next frame, {@code (3, H, W)} uint8, or null after the last one.
   *
   * @throws DecodeException when the file turns out to be corrupt or truncated; the iteration ends
   *     there
   * @throws IllegalStateException after {@link #close()}
   */
  public PixelArray nextFrame() throws DecodeException {
    byte[] planar = nextPlanar();
    return planar == null ? null : wrap(planar);
  }

  /**
   * {@link #nextFrame()} without copying the frame out of the RGB converter's buffer: the array is
   * a view of that buffer, which the next frame converted overwrites. It is valid until the next
   * call that reads, skips or seeks a frame, and stays readable (not valid) after {@link #close()}:
   * the memory is the JVM's, so a view kept too long reads another frame, never freed memory. For a
   * caller that copies each frame before asking for the next, as a reader writing rows does.
   *
   * @throws DecodeException as {@link #nextFrame()}
   */
  PixelArray nextFrameInPlace() throws DecodeException {
    byte[] planar = nextPlanar(true, IN_PLACE, 0);
    if (planar == null) {
      return null;
    }
    if (planar != IN_PLACE) {
      return wrap(planar); // decoded ahead by hasNext() into an array of its own
    }
    return PixelArray.wrap(
        DType.UINT8, new int[] {3, info.height(), info.width()}, state.converter.planes());
  }

  /**
   * {@link #nextFrame()} as the planar bytes ({@code 3 * H * W}, R plane first), or null after the
   * last one.
   */
  byte[] nextPlanar() throws DecodeException {
    return nextPlanar(true, null, 0);
  }

  /**
   * {@link #nextPlanar()} written into {@code into} at {@code offset} ({@code 3 * H * W} bytes)
   * instead of an array of its own; {@code into}, or null after the last frame.
   */
  byte[] nextPlanarInto(byte[] into, int offset) throws DecodeException {
    return nextPlanar(true, into, offset);
  }

  /**
   * Decodes the next frame without converting it to RGB (a frame not wanted: later frames depend on
   * it); false after the last one.
   *
   * @throws DecodeException as {@link #nextFrame()}
   */
  boolean skipFrame() throws DecodeException {
    return nextPlanar(false, null, 0) != null;
  }

  /**
   * The next frame, in {@code into} at {@code offset} when not null (left in the converter's buffer
   * when {@link #IN_PLACE}); with {@code convert} false, {@link #SKIPPED} instead of its pixels.
   */
  private byte[] nextPlanar(boolean convert, byte[] into, int offset) throws DecodeException {
    if (lookahead != null) {
      byte[] frame = lookahead;
      lookahead = null;
      if (into == null || into == IN_PLACE || !convert) {
        return frame;
      }
      System.arraycopy(frame, 0, into, offset, frameBytes);
      return into;
    }
    if (closed) {
      throw new IllegalStateException("the video frames are closed");
    }
    if (failure != null) {
      throw new DecodeException(failure.getMessage(), failure);
    }
    if (finished) {
      return null;
    }
    FfmpegLog.clear();
    try {
      byte[] frame = decodeNext(convert, into, offset);
      if (frame == null) {
        finished = true;
        checkComplete();
      }
      return frame;
    } catch (DecodeException e) {
      failure = e;
      throw e;
    }
  }

  /**
   * Whether another frame follows (decoding it ahead).
   *
   * @throws UncheckedDecodeException when decoding it fails
   */
  @Override
  public boolean hasNext() {
    if (lookahead == null && !finished && failure == null && !closed) {
      try {
        lookahead = nextPlanar(true, null, 0);
      } catch (DecodeException e) {
        throw new UncheckedDecodeException(e);
      }
    }
    if (lookahead == null && failure != null) {
      throw new UncheckedDecodeException(new DecodeException(failure.getMessage(), failure));
    }
    return lookahead != null;
  }

  /**
   * The next frame, {@code (3, H, W)} uint8.
   *
   * @throws NoSuchElementException after the last frame
   * @throws UncheckedDecodeException when decoding it fails
   */
  @Override
  public PixelArray next() {
    if (!hasNext()) {
      throw new NoSuchElementException("no more video frames (" + framesDecoded + " read)");
    }
    byte[] frame = lookahead;
    lookahead = null;
    return wrap(frame);
  }

  private PixelArray wrap(byte[] planar) {
    return PixelArray.wrap(
        DType.UINT8, new int[] {3, info.height(), info.width()}, ByteBuffer.wrap(planar));
  }

  private byte[] decodeNext(boolean convert, byte[] into, int offset) throws DecodeException {
    NativeState s = state;
    if (holding) {
      holding = false;
      try {
        return convert ? convert(s.held, into, offset) : count(s.held);
      } finally {
        avutil.av_frame_unref(s.held);
      }
    }
    while (true) {
      int ret = avcodec.avcodec_receive_frame(s.codec, s.frame);
      if (ret >= 0) {
        try {
          return convert ? convert(s.frame, into, offset) : count(s.frame);
        } finally {
          avutil.av_frame_unref(s.frame);
        }
      }
      if (ret == avutil.AVERROR_EOF) {
        return null;
      }
      if (ret != avutil.AVERROR_EAGAIN()) {
        throw AvErrors.failure(
            "cannot decode the " + info.codec() + " video after " + framesDecoded + " frames", ret);
      }
      if (draining) {
        throw new DecodeException(
            "the " + info.codec() + " decoder wants more data after the end of the stream");
      }
      feed(s);
    }
  }

  /** Sends the decoder the next packet of the video stream, or the end-of-stream marker. */
  private void feed(NativeState s) throws DecodeException {
    while (true) {
      if (++packetsWithoutFrame > MAX_PACKETS_WITHOUT_FRAME) {
        throw new DecodeException(
            "no frame decoded from "
                + MAX_PACKETS_WITHOUT_FRAME
                + " packets in a row after "
                + framesDecoded
                + " frames; the file is corrupt");
      }
      int ret = avformat.av_read_frame(s.format, s.packet);
      if (ret == avutil.AVERROR_EOF) {
        if (s.input.seekedPastEnd()) {
          throw new DecodeException(
              "the file is truncated: the "
                  + info.container()
                  + " index points past the end of its data (after "
                  + framesDecoded
                  + " frames)");
        }
        draining = true;
        int sent = avcodec.avcodec_send_packet(s.codec, null);
        if (sent < 0 && sent != avutil.AVERROR_EOF) {
          throw AvErrors.failure("cannot flush the " + info.codec() + " decoder", sent);
        }
        return;
      }
      if (ret < 0) {
        String what =
            s.input.seekedPastEnd()
                ? "the file is truncated: the "
                    + info.container()
                    + " index points past the end of its data"
                : "cannot read the " + info.container() + " file";
        throw AvErrors.failure(what + " (after " + framesDecoded + " frames)", ret);
      }
      try {
        if (s.packet.stream_index() != s.streamIndex) {
          continue;
        }
        if ((s.packet.flags() & avcodec.AV_PKT_FLAG_CORRUPT) != 0) {
          throw new DecodeException(
              "the file is truncated or corrupt: the video packet at byte "
                  + s.packet.pos()
                  + " is incomplete (after "
                  + framesDecoded
                  + " frames)");
        }
        if (s.packet.pos() >= 0) {
          packetEnd = s.packet.pos() + s.packet.size();
        }
        int sent = avcodec.avcodec_send_packet(s.codec, s.packet);
        if (sent < 0) {
          throw AvErrors.failure(
              "cannot decode the " + info.codec() + " video after " + framesDecoded + " frames",
              sent);
        }
        return;
      } finally {
        avcodec.av_packet_unref(s.packet);
      }
    }
  }

  private byte[] convert(AVFrame frame, byte[] into, int offset) throws DecodeException {
    if (into == IN_PLACE) {
      state.converter.convert(frame);
      count(frame);
      return IN_PLACE;
    }
    byte[] planar = into != null ? into : new byte[frameBytes];
    state.converter.convert(frame, planar, into != null ? offset : 0);
    count(frame);
    return planar;
  }

  /** Counts a decoded frame (its flags too); {@link #SKIPPED}. */
  private byte[] count(AVFrame frame) {
    if (framesDecoded == 0) {
      firstTimestamp = frame.pts();
    }
    int flags = frame.flags();
    if ((flags & AV_FRAME_FLAG_INTERLACED) != 0) {
      interlacedFrames++;
    }
    if ((flags & AV_FRAME_FLAG_CORRUPT) != 0 || frame.decode_error_flags() != 0) {
      corruptFrames++;
    }
    framesDecoded++;
    packetsWithoutFrame = 0;
    return SKIPPED;
  }

  /**
   * Moves ahead to frame {@code target} by seeking the container to the key frame at or before it
   * and decoding forward from there, when the stream has a {@link FrameTimeline} and that key frame
   * lies after the current position; otherwise does nothing (the caller skips frame by frame).
   * Frame indexes stay those of sequential decoding: each frame decoded after the seek gets its
   * index from its timestamp, and any frame without one, off the grid or out of sequence makes the
   * stream fall back to decoding from the start. Afterwards {@link #framesRead()} is at most {@code
   * target}.
   *
   * @return the frames decoded without being returned (frame 0, to learn the first timestamp, and
   *     those from the key frame to the target)
   * @throws DecodeException as {@link #nextFrame()}
   */
  int seekTo(int target) throws DecodeException {
    if (timeline == null
        || closed
        || failure != null
        || finished
        || lookahead != null
        || holding
        || target <= framesDecoded) {
      return 0;
    }
    int spent = 0;
    if (framesDecoded == 0) {
      if (!skipFrame()) {
        return 0;
      }
      spent++;
    }
    if (firstTimestamp == avutil.AV_NOPTS_VALUE || target <= framesDecoded) {
      return spent;
    }
    try {
      FfmpegLog.clear();
      return spent + seekForward(target);
    } catch (DecodeException e) {
      failure = e;
      throw e;
    }
  }

  private int seekForward(int target) throws DecodeException {
    NativeState s = state;
    AVStream stream = s.format.streams(s.streamIndex);
    long targetTimestamp = timeline.timestamp(firstTimestamp, target);
    AVIndexEntry key =
        avformat.avformat_index_get_entry_from_timestamp(
            stream, targetTimestamp, avformat.AVSEEK_FLAG_BACKWARD);
    if (key == null
        || key.isNull()
        || key.timestamp() <= timeline.timestamp(firstTimestamp, framesDecoded)) {
      return 0; // no key frame between here and the target: decoding on is as fast
    }
    int spent = 0;
    long seekTimestamp = targetTimestamp;
    for (int attempt = 0; attempt < SEEK_RETRIES; attempt++) {
      if (avformat.av_seek_frame(
              s.format, s.streamIndex, seekTimestamp, avformat.AVSEEK_FLAG_BACKWARD)
          < 0) {
        return spent + restart(target);
      }
      avcodec.avcodec_flush_buffers(s.codec);
      draining = false;
      packetsWithoutFrame = 0;
      int previous = -1;
      while (true) {
        if (!receive(s)) {
          if (previous < 0) {
            return spent + restart(target); // nothing after the key frame: decode from the start
          }
          // the video ends before the target, after frame `previous`: as sequential decoding would
          framesDecoded = previous + 1;
          finished = true;
          checkComplete();
          return spent;
        }
        int index = timeline.index(firstTimestamp, s.frame.pts());
        boolean inSequence = index >= 0 && (previous < 0 || index == previous + 1);
        if (!inSequence || (previous < 0 && index > target)) {
          avutil.av_frame_unref(s.frame);
          if (inSequence && index > target) {
            break; // the key frame found starts after the target: seek earlier
          }
          return spent + restart(target);
        }
        if (index == target) {
          if (s.held == null) {
            s.held = avutil.av_frame_alloc();
          }
          avutil.av_frame_move_ref(s.held, s.frame);
          holding = true;
          framesDecoded = target;
          return spent;
        }
        avutil.av_frame_unref(s.frame);
        previous = index;
        spent++;
      }
      seekTimestamp -= (targetTimestamp - timeline.timestamp(firstTimestamp, 0)) / SEEK_RETRIES + 1;
    }
    return spent + restart(target);
  }

  /** Decodes the next frame into {@code s.frame} (not counted); false at the end of the stream. */
  private boolean receive(NativeState s) throws DecodeException {
    while (true) {
      int ret = avcodec.avcodec_receive_frame(s.codec, s.frame);
      if (ret >= 0) {
        packetsWithoutFrame = 0;
        return true;
      }
      if (ret == avutil.AVERROR_EOF) {
        return false;
      }
      if (ret != avutil.AVERROR_EAGAIN()) {
        throw AvErrors.failure("cannot decode the " + info.codec() + " video after seeking", ret);
      }
      if (draining) {
        throw new DecodeException(
            "the " + info.codec() + " decoder wants more data after the end of the stream");
      }
      feed(s);
    }
  }

  /**
   * The fallback when seeking cannot keep the indexes: back to the start, then frame by frame
   * (decoded, not converted) up to the target, as without seeking.
   */
  private int restart(int target) throws DecodeException {
    NativeState s = state;
    AVStream stream = s.format.streams(s.streamIndex);
    long start =
        stream.start_time() == avutil.AV_NOPTS_VALUE ? firstTimestamp : stream.start_time();
    int ret = avformat.av_seek_frame(s.format, s.streamIndex, start, avformat.AVSEEK_FLAG_BACKWARD);
    if (ret < 0) {
      throw AvErrors.failure(
          "cannot seek the " + info.container() + " file back to its start after a failed seek",
          ret);
    }
    avcodec.avcodec_flush_buffers(s.codec);
    draining = false;
    finished = false;
    packetsWithoutFrame = 0;
    framesDecoded = 0;
    interlacedFrames = 0;
    corruptFrames = 0;
    int spent = 0;
    while (framesDecoded < target && skipFrame()) {
      spent++;
    }
    return spent;
  }

  /** Frees the native memory; idempotent. */
  @Override
  public void close() {
    closed = true;
    lookahead = null;
    cleanable.clean();
  }

  /**
   * Everything native, freed in reverse order of allocation; a separate object so that the {@link
   * Cleaner} can free it without reaching the {@link VideoFrames} that owns it.
   */
  private static final class NativeState implements Runnable {
    MemoryInput input;
    AVFormatContext format;
    AVCodecContext codec;
    AVPacket packet;
    AVFrame frame;
    AVFrame held;
    RgbConverter converter;
    int streamIndex = -1;

    @Override
    public synchronized void run() {
      if (converter != null) {
        converter.close();
        converter = null;
      }
      if (frame != null) {
        avutil.av_frame_free(frame);
        frame = null;
      }
      if (held != null) {
        avutil.av_frame_free(held);
        held = null;
      }
      if (packet != null) {
        avcodec.av_packet_free(packet);
        packet = null;
      }
      if (codec != null) {
        avcodec.avcodec_free_context(codec);
        codec = null;
      }
      if (format != null) {
        avformat.avformat_close_input(format); // leaves the custom I/O context to us
        format = null;
      }
      if (input != null) {
        input.close();
        input = null;
      }
    }
  }
}
