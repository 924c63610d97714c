package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;

/**
 * One Huffman decoding table of T.81 (Annex C and F.2.2.3): the code lengths and values of a DHT
 * segment turned into MINCODE, MAXCODE and VALPTR, plus a 9-bit look-up table that decodes the
 * common short codes in one step.
 */
final class HuffmanTable {

  static final int LOOKUP_BITS = 9;

  /**
   * For each 9-bit prefix: {@code length << 8 | value} of the code it starts with, or 0 for longer
   * codes.
   */
  final int[] lookup = new int[1 << LOOKUP_BITS];

  /** The largest code of each length 1..16, -1 when there is none. */
  final int[] maxCode = new int[17];

  final int[] minCode = new int[17];

  /** Index in {@link #values} of the first value of each length. */
  final int[] valPtr = new int[17];

  final int[] values;

  /**
   * @param counts the number of codes of each length 1 to 16 (BITS)
   * @param values the symbols in order of increasing code length (HUFFVAL)
   */
  HuffmanTable(int[] counts, int[] values) throws DecodeException {
    this.values = values;
    int code = 0;
    int k = 0;
    for (int length = 1; length <= 16; length++) {
      int count = counts[length - 1];
      valPtr[length] = k;
      minCode[length] = code;
      for (int i = 0; i < count; i++) {
        if (code >= 1 << length) { // checked before the code is used: it would not fit the look-up
          throw new DecodeException(
              "corrupt JPEG data: a Huffman table with more codes of " + length + " bits than fit");
        }
        if (length <= LOOKUP_BITS) {
          int shift = LOOKUP_BITS - length;
          int entry = (length << 8) | values[k];
          for (int j = code << shift, last = (code + 1) << shift; j < last; j++) {
            lookup[j] = entry;
          }
        }
        code++;
        k++;
      }
      maxCode[length] = count > 0 ? code - 1 : -1;
      code <<= 1;
    }
  }

  /** Reads a DHT segment's tables into {@code dc} and {@code ac} (indexed by table id). */
  static void read(MarkerSegment s, HuffmanTable[] dc, HuffmanTable[] ac) throws DecodeException {
    while (s.remaining() > 0) {
      int tcTh = s.u8();
      int tc = tcTh >> 4;
      int th = tcTh & 15;
      if (tc > 1 || th > 3) {
        throw new DecodeException("corrupt JPEG data: Huffman table class " + tc + " id " + th);
      }
      int[] counts = new int[16];
      int total = 0;
      for (int i = 0; i < 16; i++) {
        counts[i] = s.u8();
        total += counts[i];
      }
      if (total > 256) {
        throw new DecodeException("corrupt JPEG data: a Huffman table of " + total + " codes");
      }
      int[] values = new int[total];
      for (int i = 0; i < total; i++) {
        values[i] = s.u8();
      }
      HuffmanTable table = new HuffmanTable(counts, values);
      if (tc == 0) {
        dc[th] = table;
      } else {
        ac[th] = table;
      }
    }
  }
}
