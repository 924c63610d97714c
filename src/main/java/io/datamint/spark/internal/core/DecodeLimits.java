package io.datamint.spark.internal.core;

import io.datamint.spark.error.DecodeException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Bounds on what a decoder may allocate, checked before any pixel buffer is allocated, so that a
 * file declaring absurd dimensions, or a compression bomb, becomes a clear error instead of an
 * OutOfMemoryError.
 */
public final class DecodeLimits implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * Default bound on the decoded bytes of one array: 2 GiB minus a little, Java's largest byte
   * array.
   */
  public static final long DEFAULT_MAX_DECODED_BYTES = Integer.MAX_VALUE - 1024L;

  private final long maxDecodedBytes;

  public DecodeLimits(long maxDecodedBytes) {
    if (maxDecodedBytes <= 0) {
      throw new IllegalArgumentException("max decoded bytes must be positive: " + maxDecodedBytes);
    }
    this.maxDecodedBytes = Math.min(maxDecodedBytes, DEFAULT_MAX_DECODED_BYTES);
  }

  /** The default limits. */
  public static DecodeLimits defaults() {
    return new DecodeLimits(DEFAULT_MAX_DECODED_BYTES);
  }

  /** The bound on the decoded bytes of one array. */
  public long maxDecodedBytes() {
    return maxDecodedBytes;
  }

  /**
   * The byte size of an array of {@code dtype} and {@code shape}, after checking that every
   * dimension is positive and the total is within the limit.
   *
   * @throws DecodeException naming the shape and the limit otherwise
   */
  public long checkedByteSize(DType dtype, long... shape) throws DecodeException {
    long bytes = dtype.itemSize();
    for (long dim : shape) {
      if (dim <= 0) {
        throw new DecodeException(
            "the file declares an array of shape "
                + Arrays.toString(shape)
                + ", with a dimension that is not positive");
      }
      if (bytes > maxDecodedBytes / dim) {
        throw new DecodeException(
            "the file declares an array of shape "
                + Arrays.toString(shape)
                + " of "
                + dtype.numpyName()
                + ", more than the limit of "
                + maxDecodedBytes
                + " decoded bytes (option max_decoded_bytes)");
      }
      bytes *= dim;
    }
    return bytes;
  }
}
