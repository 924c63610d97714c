package io.datamint.spark.internal.decode.dicom;

/**
 * Reading unsigned integers of either byte order out of byte arrays (callers check bounds first).
 */
final class Bytes {

  private Bytes() {}

  static int u8(byte[] b, int off) {
    return b[off] & 0xFF;
  }

  static int u16(byte[] b, int off, boolean bigEndian) {
    return bigEndian
        ? (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF)
        : (b[off + 1] & 0xFF) << 8 | (b[off] & 0xFF);
  }

  static int i32(byte[] b, int off, boolean bigEndian) {
    return bigEndian
        ? (b[off] & 0xFF) << 24
            | (b[off + 1] & 0xFF) << 16
            | (b[off + 2] & 0xFF) << 8
            | (b[off + 3] & 0xFF)
        : (b[off + 3] & 0xFF) << 24
            | (b[off + 2] & 0xFF) << 16
            | (b[off + 1] & 0xFF) << 8
            | (b[off] & 0xFF);
  }

  static long u32(byte[] b, int off, boolean bigEndian) {
    return i32(b, off, bigEndian) & 0xFFFFFFFFL;
  }

  static long i64(byte[] b, int off, boolean bigEndian) {
    long first = u32(b, off, bigEndian);
    long second = u32(b, off + 4, bigEndian);
    return bigEndian ? first << 32 | second : second << 32 | first;
  }

  /** A tag (group in the high 16 bits) read as two 16-bit numbers. */
  static int tag(byte[] b, int off, boolean bigEndian) {
    return u16(b, off, bigEndian) << 16 | u16(b, off + 2, bigEndian);
  }
}
