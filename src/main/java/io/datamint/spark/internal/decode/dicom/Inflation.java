package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.LibraryFailure;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Bounded decompression of gzip files and of the deflated data set of transfer syntax
 * 1.2.840.10008.1.2.1.99.
 */
final class Inflation {

  private static final String DEFLATED = "the deflated DICOM dataset";
  private static final String GZIPPED = "the gzip-compressed DICOM file";

  private Inflation() {}

  /** Whether the bytes start with the gzip magic number. */
  static boolean isGzip(byte[] data, int length) {
    return length >= 18 && (data[0] & 0xFF) == 0x1F && (data[1] & 0xFF) == 0x8B && data[2] == 8;
  }

  /**
   * The content of a gzip file (RFC 1952; concatenated members are joined), at most {@code
   * maxBytes}.
   *
   * @throws DecodeException when it is corrupt or inflates to more than {@code maxBytes}
   */
  static byte[] gunzip(byte[] data, int length, DecodeLimits limits) throws DecodeException {
    Output out = new Output(limits, Math.max(length * 4L, 1024), GZIPPED);
    int pos = 0;
    while (pos < length) {
      if (length - pos < 18 || (data[pos] & 0xFF) != 0x1F || (data[pos + 1] & 0xFF) != 0x8B) {
        if (pos > 0) {
          break; // trailing garbage after a complete member, as gzip(1) tolerates
        }
        throw new DecodeException(GZIPPED + " is corrupt: its gzip header is not one");
      }
      int flags = data[pos + 3] & 0xFF;
      int p = pos + 10;
      if ((flags & 0x04) != 0) {
        int extra = (data[p] & 0xFF) | (data[p + 1] & 0xFF) << 8;
        p += 2 + extra;
      }
      if ((flags & 0x08) != 0) {
        p = skipZeroTerminated(data, p, length);
      }
      if ((flags & 0x10) != 0) {
        p = skipZeroTerminated(data, p, length);
      }
      if ((flags & 0x02) != 0) {
        p += 2;
      }
      if (p >= length) {
        throw new DecodeException(GZIPPED + " is truncated in its gzip header");
      }
      int consumed = inflate(data, p, length - p, true, out, GZIPPED);
      pos = p + consumed + 8; // CRC32 and ISIZE
    }
    return out.toArray();
  }

  /**
   * Inflates a raw deflate stream (or, failing that, a zlib stream, which some writers use by
   * mistake), at most {@code maxBytes}.
   */
  static byte[] inflateDataset(byte[] data, int offset, int length, DecodeLimits limits)
      throws DecodeException {
    try {
      Output out = new Output(limits, Math.max(length * 4L, 1024), DEFLATED);
      inflate(data, offset, length, true, out, DEFLATED);
      return out.toArray();
    } catch (DecodeException rawFailed) {
      if (length > 2
          && (data[offset] & 0x0F) == 8
          && ((data[offset] & 0xFF) << 8 | (data[offset + 1] & 0xFF)) % 31 == 0) {
        Output out = new Output(limits, Math.max(length * 4L, 1024), DEFLATED);
        inflate(data, offset, length, false, out, DEFLATED);
        return out.toArray();
      }
      throw rawFailed;
    }
  }

  private static int skipZeroTerminated(byte[] data, int p, int length) {
    while (p < length && data[p] != 0) {
      p++;
    }
    return p + 1;
  }

  /** Inflates one stream into {@code out}; returns the input bytes consumed. */
  private static int inflate(
      byte[] data, int offset, int length, boolean nowrap, Output out, String what)
      throws DecodeException {
    Inflater inflater = new Inflater(nowrap);
    try {
      inflater.setInput(data, offset, length);
      while (!inflater.finished()) {
        out.ensureSpace();
        int n = inflater.inflate(out.buf, out.size, out.buf.length - out.size);
        out.size += n;
        if (n == 0) {
          if (inflater.finished()) {
            break;
          }
          if (inflater.needsInput()) {
            if (nowrap && out.size > 0) {
              break; // stream without its final block: keep what was inflated
            }
            throw new DecodeException(what + " is truncated: its compressed stream ends early");
          }
          if (inflater.needsDictionary()) {
            throw new DecodeException(
                what + " is corrupt: its compressed stream needs a preset dictionary");
          }
        }
      }
      return length - inflater.getRemaining();
    } catch (DataFormatException e) {
      throw new DecodeException(
          what + " is corrupt" + LibraryFailure.said("the Java runtime's inflater", e), e);
    } finally {
      inflater.end();
    }
  }

  /** A growable output buffer bounded by {@code max}. */
  private static final class Output {
    private final DecodeLimits limits;
    private final long max;
    private final String noun;
    private byte[] buf;
    private int size;

    /**
     * @param noun what is inflated, naming its format ("the deflated DICOM dataset")
     */
    Output(DecodeLimits limits, long initial, String noun) {
      this.limits = limits;
      this.noun = noun;
      this.max = limits.maxDecodedBytes();
      this.buf = new byte[(int) Math.min(Math.min(initial, max), Integer.MAX_VALUE - 16)];
    }

    void ensureSpace() throws DecodeException {
      if (size < buf.length) {
        return;
      }
      if (buf.length >= max) {
        throw new DecodeException(noun + " inflates past " + limits.describe());
      }
      long grown = Math.min(Math.min((long) buf.length * 2, max), Integer.MAX_VALUE - 16);
      buf = Arrays.copyOf(buf, (int) Math.max(grown, buf.length + 1));
    }

    byte[] toArray() {
      return size == buf.length ? buf : Arrays.copyOf(buf, size);
    }
  }
}
