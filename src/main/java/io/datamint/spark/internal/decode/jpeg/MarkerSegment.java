package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;

/**
 * The parameters of one marker segment (the bytes after its length field), read with bounds checks.
 */
final class MarkerSegment {

  private final int marker;
  private final byte[] data;
  private final int end;
  private int pos;

  MarkerSegment(int marker, byte[] data, int start, int end) {
    this.marker = marker;
    this.data = data;
    this.pos = start;
    this.end = end;
  }

  int marker() {
    return marker;
  }

  int remaining() {
    return end - pos;
  }

  /** The next byte, unsigned. */
  int u8() throws DecodeException {
    if (pos >= end) {
      throw tooShort();
    }
    return data[pos++] & 0xFF;
  }

  /** The next big-endian 16-bit value, unsigned. */
  int u16() throws DecodeException {
    if (end - pos < 2) {
      throw tooShort();
    }
    int v = ((data[pos] & 0xFF) << 8) | (data[pos + 1] & 0xFF);
    pos += 2;
    return v;
  }

  /** The next big-endian unsigned value of {@code bytes} bytes (1 to 4), as a long. */
  long unsigned(int bytes) throws DecodeException {
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | u8();
    }
    return v;
  }

  void skip(int n) throws DecodeException {
    if (n < 0 || end - pos < n) {
      throw tooShort();
    }
    pos += n;
  }

  /** Fails when parameters remain unread: the length field disagrees with the content. */
  void expectEnd() throws DecodeException {
    if (pos != end) {
      throw new DecodeException(
          "corrupt JPEG data: the "
              + JpegMarkers.name(marker)
              + " marker segment has "
              + (end - pos)
              + " byte(s) more than its parameters");
    }
  }

  private DecodeException tooShort() {
    return new DecodeException(
        "corrupt JPEG data: the "
            + JpegMarkers.name(marker)
            + " marker segment is shorter than its parameters");
  }
}
