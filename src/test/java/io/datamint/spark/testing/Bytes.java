package io.datamint.spark.testing;

/** Byte-array searches the tests use to find a marker or a signature in a real file. */
public final class Bytes {

  private Bytes() {}

  /** The first index at which {@code pattern} occurs in {@code data}, or -1. */
  public static int indexOf(byte[] data, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= data.length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
