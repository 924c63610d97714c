package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A decoder's {@link FrameStream} behind the {@link DecoderBoundary}: reading, skipping, seeking
 * and closing frames fail only as the file's {@link DecodeException} (or the connector's own bug).
 * Every method of {@link FrameStream}, defaults included, is passed on to the decoder's stream.
 */
final class ContainedFrameStream implements FrameStream {

  private static final Logger LOG = LoggerFactory.getLogger(ContainedFrameStream.class);

  private final FileFormat format;
  private final DecodeLimits limits;
  private final FrameStream frames;

  ContainedFrameStream(FileFormat format, DecodeLimits limits, FrameStream frames) {
    this.format = format;
    this.limits = limits;
    this.frames = frames;
  }

  @Override
  public int position() {
    return frames.position();
  }

  @Override
  public PixelArray next() throws DecodeException {
    return DecoderBoundary.call(format, limits, frames::next);
  }

  @Override
  public boolean skip() throws DecodeException {
    return DecoderBoundary.call(format, limits, frames::skip);
  }

  @Override
  public int seek(int frame) throws DecodeException {
    return DecoderBoundary.call(format, limits, () -> frames.seek(frame));
  }

  @Override
  public int frameCount() {
    return frames.frameCount();
  }

  @Override
  public double[] affine() {
    return frames.affine();
  }

  /**
   * Closes the decoder's stream; a library failing to free it is contained like a read and logged
   * (the frames read stand), the connector's own failure is rethrown.
   */
  @Override
  public void close() {
    try {
      DecoderBoundary.call(
          format,
          limits,
          () -> {
            frames.close();
            return null;
          });
    } catch (DecodeException e) {
      LOG.warn("closing the frames of a file failed: {}", e.getMessage(), e);
    }
  }
}
