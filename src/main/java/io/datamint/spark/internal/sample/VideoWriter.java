package io.datamint.spark.internal.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.time.Instant;
import java.util.List;
import org.jcodec.api.SequenceEncoder;
import org.jcodec.common.Codec;
import org.jcodec.common.Format;
import org.jcodec.common.io.ByteBufferSeekableByteChannel;
import org.jcodec.common.model.ColorSpace;
import org.jcodec.common.model.Picture;
import org.jcodec.common.model.Rational;

/**
 * Encodes grayscale frames as an H.264 video in an MP4 container with the pure-Java jcodec encoder.
 *
 * <p>Width and height must be multiples of 16 (whole macroblocks, so that no cropping is needed).
 * The container's creation and modification times are set to a given instant instead of the wall
 * clock, so the same frames always give the same bytes. H.264 is lossy: decoded gray levels differ
 * slightly from the input.
 */
public final class VideoWriter {

  private VideoWriter() {}

  /**
   * Encodes {@code frames} (each {@code width * height} gray levels, row by row, read as 0..255) at
   * {@code fps} frames per second.
   *
   * @param created the instant written as the file's creation and modification time
   */
  public static byte[] h264Mp4(
      int width, int height, int fps, List<byte[]> frames, Instant created) {
    if (width % 16 != 0 || height % 16 != 0 || width <= 0 || height <= 0) {
      throw new IllegalArgumentException(
          "width and height must be positive multiples of 16: " + width + "x" + height);
    }
    if (frames.isEmpty()) {
      throw new IllegalArgumentException("no frames");
    }
    // Generous bound: an intra frame never takes more than its raw 4:2:0 size, plus container
    // overhead.
    ByteBuffer target = ByteBuffer.allocate(frames.size() * (width * height * 2) + (1 << 16));
    ByteBufferSeekableByteChannel channel = ByteBufferSeekableByteChannel.writeToByteBuffer(target);
    try {
      SequenceEncoder encoder =
          new SequenceEncoder(channel, Rational.R(fps, 1), Format.MOV, Codec.H264, null);
      for (byte[] gray : frames) {
        encoder.encodeNativeFrame(rgbPicture(width, height, gray));
      }
      encoder.finish();
      byte[] mp4 = new byte[(int) channel.size()];
      target.rewind();
      target.get(mp4);
      Mp4Timestamps.set(mp4, created);
      return mp4;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * jcodec pictures hold samples as signed bytes, {@code value - 128}; RGB is interleaved in plane
   * 0.
   */
  private static Picture rgbPicture(int width, int height, byte[] gray) {
    if (gray.length != width * height) {
      throw new IllegalArgumentException(
          "a "
              + width
              + "x"
              + height
              + " frame needs "
              + width * height
              + " pixels, got "
              + gray.length);
    }
    Picture picture = Picture.create(width, height, ColorSpace.RGB);
    byte[] rgb = picture.getPlaneData(0);
    for (int i = 0; i < gray.length; i++) {
      byte v = (byte) ((gray[i] & 0xFF) - 128);
      rgb[3 * i] = v;
      rgb[3 * i + 1] = v;
      rgb[3 * i + 2] = v;
    }
    return picture;
  }
}
