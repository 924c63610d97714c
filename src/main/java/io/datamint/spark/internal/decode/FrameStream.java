package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.PixelArray;

/**
 * The frames of a file decoded one at a time, in order, each as a {@code (C, H, W)} array: what a
 * frame-by-frame read holds instead of the whole decoded file. Frames not wanted can be skipped,
 * which decodes them when later frames depend on them (a video's) without converting them to
 * pixels, and decodes nothing when frames are independent (a DICOM's). Not thread-safe; {@link
 * #close()} frees what the decoder holds.
 */
public interface FrameStream extends AutoCloseable {

  /** The index of the frame {@link #next()} or {@link #skip()} reaches next (frames so far). */
  int position();

  /**
   * The next frame, or null after the last one. The array may be a view of the decoder's own buffer
   * (a video's): it is valid until the next call to {@link #next()}, {@link #skip()}, {@link
   * #seek(int)} or {@link #close()}, so a caller that keeps a frame beyond that copies it.
   *
   * @throws DecodeException when the file turns out to be corrupt or truncated; the stream ends
   */
  PixelArray next() throws DecodeException;

  /**
   * Decodes the next frame without converting it; false after the last one.
   *
   * @throws DecodeException as {@link #next()}
   */
  boolean skip() throws DecodeException;

  /**
   * Moves ahead towards frame {@code frame} without returning the frames before it, where the
   * format can do that faster than {@link #skip()} frame by frame: a DICOM file jumps there, a
   * video with a reliable seek index seeks to the key frame before it and decodes from there.
   * Afterwards {@link #position()} is at most {@code frame} (the caller skips what is left); by
   * default nothing moves.
   *
   * @return the frames decoded on the way without being returned
   * @throws DecodeException as {@link #next()}
   */
  default int seek(int frame) throws DecodeException {
    return 0;
  }

  /**
   * The number of frames when the file's header declares it reliably (DICOM), else -1: a video's
   * count is only known once decoded.
   */
  default int frameCount() {
    return -1;
  }

  /**
   * The file's 4x4 voxel-to-world matrix in row-major order, as {@link DecodedResource#affine()},
   * or null.
   */
  default double[] affine() {
    return null;
  }

  /** Frees the decoder; idempotent. */
  @Override
  void close();
}
