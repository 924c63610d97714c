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
 * <p>The number of frames is only known once decoded (the container's count is a hint that can be
 * wrong), so frames are collected one by one, the running total checked against {@link
 * DecodeLimits} before each is kept, and the final array is allocated once at the end: a video too
 * large for the limit fails cleanly with a {@link DecodeException} (decode it frame by frame with
 * {@link VideoFrames} instead) rather than exhausting the heap. Peak heap use is about twice the
 * decoded size, briefly, while the frames are copied into the final array.
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
      int hint = frames.frameCount().orElse(16);
      List<byte[]> decoded =
          new ArrayList<>((int) Math.max(1, Math.min(hint, Math.min(maxFrames, 4096))));
      byte[] frame;
      while ((frame = frames.nextPlanar()) != null) {
        if (decoded.size() + 1L > maxFrames) {
          throw new DecodeException(
              "the video decodes to more than "
                  + maxFrames
                  + " frames of (3, "
                  + height
                  + ", "
                  + width
                  + ") uint8, over the limit of "
                  + limits.maxDecodedBytes()
                  + " decoded bytes (option max_decoded_bytes) for the whole video; raise the"
                  + " limit, or read it with frame_by_frame 'true', which decodes one frame at a"
                  + " time (without the segmentations, seg_labels and metainfo columns, which"
                  + " need the whole video)");
        }
        decoded.add(frame);
      }
      if (decoded.isEmpty()) {
        throw new DecodeException("the " + info.codec() + " video stream has no decodable frame");
      }
      int n = decoded.size();
      PixelArray pixels = PixelArray.allocate(limits, DType.UINT8, n, 3, height, width);
      byte[] target = pixels.data().array();
      int offset = pixels.data().arrayOffset();
      for (int i = 0; i < n; i++) {
        System.arraycopy(
            decoded.get(i), 0, target, offset + (int) (i * frameBytes), (int) frameBytes);
        decoded.set(i, null); // let the frame go as soon as it is copied
      }
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
   * The video's frames one at a time, {@code (3, H, W)} uint8 each, as {@link #decode} would cut
   * them from the whole array; {@code limits} bound one frame.
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
        return frames.nextFrame();
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
