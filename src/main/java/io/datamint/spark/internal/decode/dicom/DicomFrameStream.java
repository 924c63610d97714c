package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.decode.FrameStream;

/**
 * A DICOM file's frames one at a time, {@code (C, H, W)} each, with the values they have in the
 * whole decoded array (the output type and the modality and color steps are decided once for the
 * file, by its {@link OutputPlan}). It holds the file's bytes and one frame. Frames are
 * independent, so {@link #skip()} decodes nothing: an encapsulated frame's codestream is left
 * alone, a native frame is only an offset.
 */
final class DicomFrameStream implements FrameStream {

  private final DecodeLimits limits;
  private final PixelDtype dtype;
  private final double[] affine;
  private final int count;
  private PixelFrames frames;
  private int position;

  DicomFrameStream(PixelFrames frames, DecodeLimits limits, PixelDtype dtype, double[] affine) {
    this.frames = frames;
    this.limits = limits;
    this.dtype = dtype;
    this.affine = affine;
    this.count = frames.count();
  }

  @Override
  public int position() {
    return position;
  }

  @Override
  public int frameCount() {
    return count;
  }

  @Override
  public double[] affine() {
    return affine == null ? null : affine.clone();
  }

  @Override
  public PixelArray next() throws DecodeException {
    if (frames == null || position >= count) {
      return null;
    }
    PixelModule pm = frames.module();
    OutputPlan plan = frames.plan();
    PixelArray frame =
        PixelArray.allocateForOverwrite( // the frame is written whole
            limits, plan.writeType(), plan.channels(), pm.rows(), pm.columns());
    try {
      frames.decode(position, new FrameWriter(frame, plan, pm), 0);
    } catch (RuntimeException e) {
      close();
      throw e;
    }
    position++;
    // a single frame: its own minimum and maximum, as the whole
    return PixelDecoder.finish(frame, plan, dtype, limits);
  }

  @Override
  public boolean skip() {
    if (frames == null || position >= count) {
      return false;
    }
    position++;
    return true;
  }

  /** Jumps to the frame (frames are independent): nothing is decoded. */
  @Override
  public int seek(int frame) {
    if (frames != null && frame > position) {
      position = Math.min(frame, count);
    }
    return 0;
  }

  @Override
  public void close() {
    frames = null;
  }
}
