package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelDtype;

/**
 * Decodes one file format. Implementations are stateless and thread-safe; one instance serves a
 * whole executor.
 */
public interface ResourceDecoder {

  /**
   * Decodes a whole file.
   *
   * @param file the file's bytes (only {@code file[0..length)} are read)
   * @param length the number of valid bytes
   * @param limits bounds on what may be allocated
   * @return pixels as {@code (N, C, H, W)} with the header and, for volumes, the affine
   * @throws DecodeException naming what was wrong with the file
   */
  DecodedResource decode(byte[] file, int length, DecodeLimits limits) throws DecodeException;

  /**
   * Decodes a whole file with its pixels in the element type {@code dtype} gives; by default {@link
   * #decode(byte[], int, DecodeLimits)} (the SDK's types) followed by a {@link PixelConversion}.
   * Decoders that apply a rescale (DICOM, NIfTI) write the type directly.
   */
  default DecodedResource decode(byte[] file, int length, DecodeLimits limits, PixelDtype dtype)
      throws DecodeException {
    return PixelConversion.convert(decode(file, length, limits), dtype, limits);
  }

  /**
   * The file's frames one at a time, for formats that decode that way (videos, multi-frame DICOM),
   * else null: the caller then decodes the whole file. {@code limits} bound one frame, not the
   * whole file.
   *
   * @param file the file's bytes (only {@code file[0..length)} are read); not copied, so they must
   *     not change while the frames are read
   * @param length the number of valid bytes
   * @param limits bounds on what one frame may allocate
   * @throws DecodeException naming what was wrong with the file
   */
  default FrameStream frames(byte[] file, int length, DecodeLimits limits) throws DecodeException {
    return null;
  }

  /**
   * {@link #frames(byte[], int, DecodeLimits)} with each frame in the element type {@code dtype}
   * gives; by default each frame goes through a {@link PixelConversion}.
   */
  default FrameStream frames(byte[] file, int length, DecodeLimits limits, PixelDtype dtype)
      throws DecodeException {
    FrameStream frames = frames(file, length, limits);
    return frames == null ? null : PixelConversion.convert(frames, dtype, limits);
  }
}
