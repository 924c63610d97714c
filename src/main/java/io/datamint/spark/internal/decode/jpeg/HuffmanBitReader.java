package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;

/**
 * Reads the entropy-coded data of a Huffman-coded JPEG scan (T.81 F.2.2.4 and F.2.2.5): 0xFF00 is a
 * data byte 0xFF, any other byte after 0xFF begins a marker and ends the segment. Short codes are
 * peeked at with zero bits appended past the end, but consuming one of those bits is an error
 * (truncated data).
 */
final class HuffmanBitReader {

  private final byte[] data;
  private final int end;
  private int pos;
  private long cache;
  private int bits;

  /** Zero bits appended below the real ones after the segment ended. */
  private int padBits;

  private boolean exhausted;

  HuffmanBitReader(byte[] data, int start) {
    this.data = data;
    this.end = data.length;
    this.pos = start;
  }

  private void fill() {
    while (bits <= 56) {
      if (exhausted) {
        bits += 8;
        padBits += 8;
        continue;
      }
      int b;
      if (pos >= end) {
        exhausted = true;
        continue;
      }
      b = data[pos] & 0xFF;
      if (b == 0xFF) {
        if (pos + 1 < end && data[pos + 1] == 0) {
          pos += 2;
        } else {
          exhausted = true;
          continue;
        }
      } else {
        pos++;
      }
      cache |= (long) b << (56 - bits);
      bits += 8;
    }
  }

  private void consume(int n) throws DecodeException {
    cache <<= n;
    bits -= n;
    if (bits < padBits) {
      throw new DecodeException(
          "truncated JPEG data: the entropy-coded data ends before the last block");
    }
  }

  /** Decodes one Huffman-coded symbol (T.81 F.2.2.3). */
  int decode(HuffmanTable table) throws DecodeException {
    if (bits < 16) {
      fill();
    }
    int peek = (int) (cache >>> 48);
    int entry = table.lookup[peek >>> (16 - HuffmanTable.LOOKUP_BITS)];
    if (entry != 0) {
      consume(entry >> 8);
      return entry & 0xFF;
    }
    for (int length = HuffmanTable.LOOKUP_BITS + 1; length <= 16; length++) {
      int code = peek >>> (16 - length);
      if (code <= table.maxCode[length]) {
        int index = table.valPtr[length] + code - table.minCode[length];
        if (index >= table.values.length) {
          break;
        }
        consume(length);
        return table.values[index];
      }
    }
    if (exhausted && bits - padBits < 16) {
      throw new DecodeException(
          "truncated JPEG data: the entropy-coded data ends before the last block");
    }
    throw new DecodeException(
        "corrupt JPEG data: a bit pattern that is no Huffman code of the table");
  }

  /** {@code n} bits (0 to 16) as an unsigned value. */
  int readBits(int n) throws DecodeException {
    if (n == 0) {
      return 0;
    }
    if (bits < n) {
      fill();
    }
    int v = (int) (cache >>> (64 - n));
    consume(n);
    return v;
  }

  /**
   * {@code s} bits read as the signed value of magnitude category {@code s} (T.81 F.2.2.1, EXTEND).
   */
  int receiveExtend(int s) throws DecodeException {
    if (s == 0) {
      return 0;
    }
    int v = readBits(s);
    return v < 1 << (s - 1) ? v - (1 << s) + 1 : v;
  }

  /**
   * Ends the scan: drops the padding bits and returns the position where the next marker (or
   * garbage before it) begins.
   */
  int finish() {
    cache = 0;
    bits = 0;
    padBits = 0;
    exhausted = false;
    int p = pos;
    while (p < end) {
      if ((data[p] & 0xFF) == 0xFF && (p + 1 >= end || data[p + 1] != 0)) {
        break;
      }
      p++;
    }
    return p;
  }

  /**
   * Reads the restart marker RSTn that must follow a restart interval and starts reading the next
   * interval.
   */
  void restart(int n) throws DecodeException {
    pos = MarkerReader.expectRestart(data, finish(), n, "JPEG");
  }
}
