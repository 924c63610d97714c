package io.datamint.spark.internal.decode.video;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.FrameStream;
import io.datamint.spark.internal.decode.ResourceDecoder;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decodes a whole video (MP4, MOV, AVI, MKV, WebM... anything FFmpeg demuxes) into one {@code (N,
 * 3, H, W)} uint8 array of RGB frames, as the Datamint SDK reads videos with OpenCV ({@code BGR ->
 * RGB}, frames stacked). Built on {@link VideoFrames}, which defines the frames, their colour
 * conversion and the errors.
 *
 * <p>A video that decodes to fewer frames than its MP4/MOV sample table or AVI index declares fails
 * with a {@link DecodeException} saying how many decoded (see {@link VideoFrames}).
 *
 * <p>The number of frames is only known once decoded (the container's count can be wrong), so the
 * running total is checked against {@link DecodeLimits} before each frame is kept: a video too
 * large for the limit fails cleanly with a {@link DecodeException} (decode it frame by frame with
 * {@link VideoFrames} instead) rather than exhausting the heap. Frames are written straight into an
 * array of the container's declared count ({@code nb_frames}, bounded by the limit), so the video
 * is held once; only frames beyond a declared count that was short (or all, when none is declared)
 * are collected and copied into the final array at the end, briefly twice the size.
 *
 * <p>{@code metainfo} is JSON: {@link VideoInfo#toMap()}'s members, then {@code nb_frames} (frames
 * decoded), {@code interlaced} (whether any decoded frame was interlaced, else whether the stream
 * declares a field order), {@code interlaced_frames} and {@code corrupt_frames} (frames in which
 * the decoder concealed errors). No affine. Stateless and thread-safe.
 */
public final class VideoDecoder implements ResourceDecoder {

  private static final Logger LOG = LoggerFactory.getLogger(VideoDecoder.class);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public DecodedResource decode(byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    long start = System.nanoTime();
    FfmpegRuntime.ensureLoaded(); // before VideoFrames, which cannot even be loaded without JavaCPP
    try (VideoFrames frames = VideoFrames.open(file, length, limits)) {
      VideoInfo info = frames.info();
      int height = info.height();
      int width = info.width();
      long frameBytes = 3L * height * width;
      long maxFrames = limits.maxDecodedBytes() / frameBytes;
      // frames go straight into an array of the container's declared count (nb_frames) when the
      // limit admits it; frames beyond it, when the count was short, are collected and copied at
      // the end. A declared count over the limit allocates nothing ahead: the read is likely to
      // fail at the limit, and the count may be wrong. Every frame of the array that is returned is
      // written (a short video returns a view of the frames decoded), so it is not zero-filled.
      long declared = info.declaredFrameCount() <= maxFrames ? info.declaredFrameCount() : 0;
      PixelArray sized =
          declared > 0
              ? PixelArray.allocateForOverwrite(
                  limits, DType.UINT8, (int) declared, 3, height, width)
              : null;
      List<byte[]> extra = new ArrayList<>();
      int n = 0;
      byte[] frame;
      while ((frame = next(frames, sized, n, declared, frameBytes)) != null) {
        if (n + 1L > maxFrames) {
          throw new DecodeException(
              "the video decodes to more than "
                  + maxFrames
                  + " frames of (3, "
                  + height
                  + ", "
                  + width
                  + ") uint8, over "
                  + limits.describe()
                  + " for the whole video; raise the"
                  + " limit, or read it with frame_by_frame 'true', which decodes one frame at a"
                  + " time (without the segmentations, seg_labels and metainfo columns, which"
                  + " need the whole video)");
        }
        if (n >= declared) {
          extra.add(frame);
        }
        n++;
      }
      if (n == 0) {
        throw new DecodeException("the " + info.codec() + " video stream has no decodable frame");
      }
      PixelArray pixels = assemble(limits, sized, extra, n, height, width);
      String metainfo = metainfo(info, frames);
      if (LOG.isDebugEnabled()) {
        double seconds = (System.nanoTime() - start) / 1e9;
        LOG.debug(
            "decoded {} {}x{} {} frames ({} bytes of {}) in {} ms: {} frames/s, {} MB/s of RGB",
            n,
            width,
            height,
            info.codec(),
            n * frameBytes,
            info.container(),
            Math.round(seconds * 1000),
            Math.round(n / seconds),
            Math.round(n * frameBytes / seconds / 1e6));
      }
      return new DecodedResource(pixels, metainfo, null);
    }
  }

  /**
   * The next frame: written straight into {@code sized} as its frame {@code n} while {@code n} is
   * below the declared count, else in an array of its own; null after the last one.
   */
  private static byte[] next(
      VideoFrames frames, PixelArray sized, int n, long declared, long frameBytes)
      throws DecodeException {
    if (n >= declared) {
      return frames.nextPlanar();
    }
    ByteBuffer data = sized.data();
    return frames.nextPlanarInto(data.array(), data.arrayOffset() + (int) (n * frameBytes));
  }

  /**
   * The {@code (n, 3, H, W)} array of the decoded frames: the first ones in {@code sized} (null
   * when the container declared no count), the rest in {@code extra}. When the declared count was
   * right or too high, {@code sized} itself (a view of its first {@code n} frames), so the video is
   * held once; only when frames came beyond the count are all copied into a new array.
   */
  private static PixelArray assemble(
      DecodeLimits limits, PixelArray sized, List<byte[]> extra, int n, int height, int width)
      throws DecodeException {
    int frameBytes = 3 * height * width;
    if (extra.isEmpty()) {
      return sized.dim(0) == n
          ? sized
          : PixelArray.wrap(
              DType.UINT8,
              new int[] {n, 3, height, width},
              sized.data().duplicate().position(0).limit(n * frameBytes));
    }
    PixelArray pixels = PixelArray.allocate(limits, DType.UINT8, n, 3, height, width);
    int at = 0;
    if (sized != null) {
      pixels.data().put(0, sized.data(), 0, sized.data().limit());
      at = sized.dim(0);
    }
    for (int i = 0; i < extra.size(); i++) {
      pixels.data().put((at + i) * frameBytes, extra.get(i));
      extra.set(i, null); // let the frame go as soon as it is copied
    }
    return pixels;
  }

  /**
   * The video's frames one at a time, {@code (3, H, W)} uint8 each, as {@link #decode} would cut
   * them from the whole array; {@code limits} bound one frame. Each frame is a view of the RGB
   * converter's buffer, valid until the next frame is asked for ({@link FrameStream#next()}).
   */
  @Override
  public FrameStream frames(byte[] file, int length, DecodeLimits limits) throws DecodeException {
    FfmpegRuntime.ensureLoaded(); // before VideoFrames, which cannot even be loaded without JavaCPP
    VideoFrames frames = VideoFrames.open(file, length, limits);
    return new FrameStream() {
      @Override
      public int position() {
        return frames.framesRead();
      }

      @Override
      public PixelArray next() throws DecodeException {
        return frames.nextFrameInPlace();
      }

      @Override
      public boolean skip() throws DecodeException {
        return frames.skipFrame();
      }

      @Override
      public int seek(int frame) throws DecodeException {
        return frames.seekTo(frame);
      }

      @Override
      public void close() {
        frames.close();
      }
    };
  }

  private static String metainfo(VideoInfo info, VideoFrames frames) {
    Map<String, Object> map = info.toMap();
    map.put("nb_frames", frames.framesRead());
    map.put("interlaced", frames.interlacedFrames() > 0 || info.declaredInterlaced());
    map.put("interlaced_frames", frames.interlacedFrames());
    map.put("corrupt_frames", frames.corruptFrames());
    try {
      return JSON.writeValueAsString(map);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}
