package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.PixelArray;

/**
 * The frames of a file decoded one at a time, in order, each as a {@code (C, H, W)} array: what a
 * frame-by-frame read holds instead of the whole decoded file. Frames not wanted can be skipped,
 * which decodes them (a video's later frames depend on them) without converting them to pixels. Not
 * thread-safe; {@link #close()} frees what the decoder holds.
 */
public interface FrameStream extends AutoCloseable {

  /** The index of the frame {@link #next()} or {@link #skip()} reaches next (frames so far). */
  int position();

  /**
   * The next frame, or null after the last one.
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

  /** Frees the decoder; idempotent. */
  @Override
  void close();
}
