package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;

/**
 * Reads the bits of JPEG-LS entropy-coded data (T.87 A.1 and 9.1 of C.1.2): after a 0xFF byte the
 * most significant bit of the next byte is a stuffed zero and is dropped; 0xFF followed by a byte
 * with its top bit set is a marker and ends the segment. Asking for a bit past that end is an error
 * (truncated data), never a silent zero.
 */
final class JpegLsBitReader {

  private final byte[] data;
  private final int end;
  private int pos;

  /** Valid bits, most significant first; the bits below {@link #bits} are zero. */
  private long cache;

  private int bits;

  /** The previous byte loaded was 0xFF: the next one carries 7 bits. */
  private boolean afterFf;

  /** Loading stopped at a marker or at the end of the data. */
  private boolean exhausted;

  JpegLsBitReader(byte[] data, int start) {
    this.data = data;
    this.end = data.length;
    this.pos = start;
  }

  private void fill() {
    while (bits <= 56 && !exhausted) {
      if (pos >= end) {
        exhausted = true;
        return;
      }
      int b = data[pos] & 0xFF;
      if (afterFf) {
        // checked below 0x80 when the 0xFF was loaded
        cache |= (long) b << (57 - bits);
        bits += 7;
        pos++;
        afterFf = false;
        continue;
      }
      if (b == 0xFF) {
        if (pos + 1 >= end || (data[pos + 1] & 0xFF) >= 0x80) {
          exhausted = true;
          return;
        }
        afterFf = true;
      }
      cache |= (long) b << (56 - bits);
      bits += 8;
      pos++;
    }
  }

  /** One bit. */
  int readBit() throws DecodeException {
    if (bits == 0) {
      fill();
      if (bits == 0) {
        throw truncated();
      }
    }
    int bit = (int) (cache >>> 63);
    cache <<= 1;
    bits--;
    return bit;
  }

  /** {@code n} bits (0 to 31) as an unsigned value, first bit most significant. */
  int readBits(int n) throws DecodeException {
    if (n == 0) {
      return 0;
    }
    if (bits < n) {
      fill();
      if (bits < n) {
        throw truncated();
      }
    }
    int v = (int) (cache >>> (64 - n));
    cache <<= n;
    bits -= n;
    return v;
  }

  /**
   * Counts zero bits up to the next one bit, which is consumed too (the unary part of a Golomb
   * code).
   *
   * @param max the largest count a valid stream can have
   * @throws DecodeException when more than {@code max} zeros follow, or the data ends first
   */
  int readZeroRun(int max) throws DecodeException {
    int count = 0;
    while (true) {
      if (bits < 32) {
        fill();
        if (bits == 0) {
          throw truncated();
        }
      }
      if (cache == 0) {
        count += bits;
        bits = 0;
        if (count > max) {
          throw corrupt("a Golomb code longer than the limit");
        }
        continue;
      }
      int zeros = Long.numberOfLeadingZeros(cache);
      count += zeros;
      if (count > max) {
        throw corrupt("a Golomb code longer than the limit");
      }
      cache = (cache << zeros) << 1;
      bits -= zeros + 1;
      return count;
    }
  }

  /**
   * Ends a scan or restart interval: drops the padding bits and returns the position of the marker
   * that follows the entropy-coded data (the data length when there is none).
   */
  int finish() {
    cache = 0;
    bits = 0;
    afterFf = false;
    int p = pos;
    while (p < end) {
      if ((data[p] & 0xFF) == 0xFF && (p + 1 >= end || (data[p + 1] & 0xFF) >= 0x80)) {
        break;
      }
      p++;
    }
    return p;
  }

  /**
   * Reads the restart marker {@code RSTn} that must follow a restart interval and starts reading
   * the next one.
   *
   * @throws DecodeException when another marker, or none, follows
   */
  void restart(int n) throws DecodeException {
    pos = MarkerReader.expectRestart(data, finish(), n, "JPEG-LS");
    exhausted = false;
  }

  private static DecodeException truncated() {
    return new DecodeException(
        "truncated JPEG-LS data: the entropy-coded data ends before the last sample");
  }

  static DecodeException corrupt(String what) {
    return new DecodeException("corrupt JPEG-LS data: " + what);
  }
}
