package io.datamint.spark.internal.core;

import io.datamint.spark.error.DecodeException;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Bounds on what a decoder may allocate, checked before any pixel buffer is allocated, so that a
 * file declaring absurd dimensions, or a compression bomb, becomes a clear error instead of an
 * OutOfMemoryError.
 *
 * <p>A limit carries where it came from ({@link #origin()}): the option {@code max_decoded_bytes}
 * the user gave, or the default budget derived from the executor's heap; every message refusing a
 * file names the limit and its origin. A {@link #tracked()} copy also remembers the largest array
 * it admitted, so that an {@link OutOfMemoryError} during a decode can say how large the data was.
 */
public final class DecodeLimits implements Serializable {

  private static final long serialVersionUID = 2L;

  /**
   * The largest bound on the decoded bytes of one array: 2 GiB minus a little, Java's largest byte
   * array. A larger {@code max_decoded_bytes} is capped to it.
   */
  public static final long DEFAULT_MAX_DECODED_BYTES = Integer.MAX_VALUE - 1024L;

  /** The origin of a limit the user set. */
  public static final String OPTION_ORIGIN = "option max_decoded_bytes";

  private final long maxDecodedBytes;
  private final String origin;

  /**
   * The largest array admitted by a tracked copy (null: not tracked; tracked copies stay on one
   * thread).
   */
  private final long[] admitted;

  /**
   * Where allocated arrays come from: the read task's pool (null: plain allocation; not shipped,
   * each task makes its own).
   */
  private final transient PixelBufferPool pool;

  /** A limit set by the option {@code max_decoded_bytes}. */
  public DecodeLimits(long maxDecodedBytes) {
    this(maxDecodedBytes, OPTION_ORIGIN);
  }

  /**
   * A limit and where it comes from.
   *
   * @param origin how the limit was set, as a message names it, such as {@value #OPTION_ORIGIN}
   */
  public DecodeLimits(long maxDecodedBytes, String origin) {
    this(maxDecodedBytes, origin, null, null);
  }

  private DecodeLimits(long maxDecodedBytes, String origin, long[] admitted, PixelBufferPool pool) {
    if (maxDecodedBytes <= 0) {
      throw new IllegalArgumentException("max decoded bytes must be positive: " + maxDecodedBytes);
    }
    this.maxDecodedBytes = Math.min(maxDecodedBytes, DEFAULT_MAX_DECODED_BYTES);
    this.origin = origin;
    this.admitted = admitted;
    this.pool = pool;
  }

  /** The default limits. */
  public static DecodeLimits defaults() {
    return new DecodeLimits(DEFAULT_MAX_DECODED_BYTES);
  }

  /** The bound on the decoded bytes of one array. */
  public long maxDecodedBytes() {
    return maxDecodedBytes;
  }

  /** How the limit was set: the option, or how the default budget was derived. */
  public String origin() {
    return origin;
  }

  /**
   * The limit as messages state it: {@code "the limit of N decoded bytes (origin)"}, for a message
   * such as "declares 900000000 bytes, more than " + this.
   */
  public String describe() {
    return "the limit of " + maxDecodedBytes + " decoded bytes (" + origin + ")";
  }

  /**
   * A copy of these limits for one decode on one thread, that remembers the largest array {@link
   * #checkedByteSize} admitted ({@link #largestAdmitted()}).
   */
  public DecodeLimits tracked() {
    return new DecodeLimits(maxDecodedBytes, origin, new long[1], pool);
  }

  /**
   * These limits with the arrays {@link PixelArray#allocate} admits taken from {@code pool} (a read
   * task's, used on its thread only).
   */
  public DecodeLimits withPool(PixelBufferPool pool) {
    return new DecodeLimits(maxDecodedBytes, origin, admitted, pool);
  }

  /** The pool arrays come from, or null. */
  PixelBufferPool pool() {
    return pool;
  }

  /**
   * The largest array size in bytes this tracked copy admitted, or 0 when none (or not tracked).
   */
  public long largestAdmitted() {
    return admitted == null ? 0 : admitted[0];
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
                + " ("
                + declaredBytes(dtype, shape)
                + "), more than "
                + describe());
      }
      bytes *= dim;
    }
    if (admitted != null && bytes > admitted[0]) {
      admitted[0] = bytes;
    }
    return bytes;
  }

  /** The declared size of an array too large to admit, in words (it may overflow a long). */
  private static String declaredBytes(DType dtype, long... shape) {
    double bytes = dtype.itemSize();
    for (long dim : shape) {
      bytes *= dim;
    }
    return bytes < Long.MAX_VALUE ? (long) bytes + " bytes" : "more than 2^63 bytes";
  }
}
