package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;

/**
 * Walks the marker structure of a JPEG or JPEG-LS codestream (T.81 B.1.1, T.87 C.1): finds the next
 * marker, skipping fill bytes, and cuts marker segments out by their length field. Entropy-coded
 * data is read by the bit readers, which hand back the position where they stopped.
 */
final class MarkerReader {

  private final byte[] data;
  private final int end;
  private int pos;

  MarkerReader(byte[] data) {
    this.data = data;
    this.end = data.length;
  }

  byte[] data() {
    return data;
  }

  int position() {
    return pos;
  }

  void position(int position) {
    this.pos = position;
  }

  /** Reads the SOI marker that must open the codestream. */
  void expectSoi(String what) throws DecodeException {
    if (end < 2 || (data[0] & 0xFF) != 0xFF || (data[1] & 0xFF) != JpegMarkers.SOI) {
      throw new DecodeException(
          "not a "
              + what
              + " codestream: it does not start with the SOI marker (FFD8)"
              + (end == 0 ? "; it is empty" : ""));
    }
    pos = 2;
  }

  /**
   * The code of the next marker, or -1 at the end of the data. Fill bytes (0xFF) before the marker
   * are skipped, and so are bytes that do not form a marker (as after a scan whose padding was not
   * fully consumed).
   */
  int nextMarker() {
    while (pos < end) {
      if ((data[pos] & 0xFF) != 0xFF) {
        pos++;
        continue;
      }
      int p = pos + 1;
      while (p < end && (data[p] & 0xFF) == 0xFF) {
        p++;
      }
      if (p >= end) {
        pos = end;
        return -1;
      }
      int code = data[p] & 0xFF;
      pos = p + 1;
      if (code >= 0xC0 || code == JpegMarkers.TEM) {
        return code;
      }
      // 0xFF00 (stuffing) or a reserved code: not a marker, keep looking
    }
    return -1;
  }

  /**
   * The parameters of the marker segment that starts at the current position (its length field).
   */
  MarkerSegment segment(int marker) throws DecodeException {
    if (end - pos < 2) {
      throw truncated(marker);
    }
    int length = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    if (length < 2) {
      throw new DecodeException(
          "corrupt JPEG data: the "
              + JpegMarkers.name(marker)
              + " marker segment declares a length of "
              + length);
    }
    if (length > end - pos) {
      throw truncated(marker);
    }
    MarkerSegment segment = new MarkerSegment(marker, data, pos + 2, pos + length);
    pos += length;
    return segment;
  }

  /** Skips the marker segment that starts at the current position. */
  void skipSegment(int marker) throws DecodeException {
    segment(marker);
  }

  /**
   * Reads the restart marker {@code RSTn} that must follow a restart interval, where a bit reader's
   * {@code finish()} stopped (fill bytes 0xFF before the marker are skipped). Shared by the Huffman
   * and the JPEG-LS bit reader.
   *
   * @param p the position {@code finish()} returned
   * @param what "JPEG" or "JPEG-LS", for the messages
   * @return the position after the marker, where the next interval's entropy-coded data begins
   * @throws DecodeException when another marker, or none, follows
   */
  static int expectRestart(byte[] data, int p, int n, String what) throws DecodeException {
    int end = data.length;
    int q = p;
    while (q < end && (data[q] & 0xFF) == 0xFF) {
      q++;
    }
    if (p >= end || q >= end) {
      throw new DecodeException(
          "truncated "
              + what
              + " data: the data ends where restart marker RST"
              + n
              + " is expected");
    }
    int marker = data[q] & 0xFF;
    if (marker != JpegMarkers.RST0 + n) {
      throw new DecodeException(
          "corrupt "
              + what
              + " data: "
              + JpegMarkers.name(marker)
              + " where restart marker RST"
              + n
              + " is expected");
    }
    return q + 1;
  }

  private static DecodeException truncated(int marker) {
    return new DecodeException(
        "truncated JPEG data: the "
            + JpegMarkers.name(marker)
            + " marker segment runs past the end of the data");
  }
}
