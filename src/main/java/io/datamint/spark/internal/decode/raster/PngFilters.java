package io.datamint.spark.internal.decode.raster;

/**
 * Reverses the five PNG row filters (None, Sub, Up, Average, Paeth; PNG specification, section 9)
 * in place, one loop per filter type over plain byte arrays. A row is {@code row[1..n]} (byte 0
 * holds the row's filter type, as inflated), the unfiltered previous row {@code prior[1..n]} (all
 * zero above the first row); {@code bpp} is the bytes per complete pixel, rounded up to 1.
 *
 * <p>The Paeth predictor is computed without branches (the PNG figures of issue 17 spent 74% of a
 * read in the JDK reader's branching Paeth loop): with {@code lo = min(a, b)}, {@code hi = max(a,
 * b)} and {@code t = 3c - (a + b)}, the predictor is {@code hi} when {@code t <= lo}, else {@code
 * lo} when {@code hi <= t}, else {@code c}, which equals the specification's choice among a, b, c
 * with its tie order (checked for every byte triple by the tests). For one byte per pixel the left
 * neighbour stays in a register, so the loop carries no store-to-load dependency.
 */
final class PngFilters {

  static final int NONE = 0;
  static final int SUB = 1;
  static final int UP = 2;
  static final int AVERAGE = 3;
  static final int PAETH = 4;

  private PngFilters() {}

  /**
   * Unfilters {@code row[1..n]} in place.
   *
   * @return false when {@code filter} is not one of the five types (the row is left as it is)
   */
  static boolean unfilter(int filter, byte[] row, byte[] prior, int n, int bpp) {
    switch (filter) {
      case NONE -> {}
      case SUB -> sub(row, n, bpp);
      case UP -> up(row, prior, n);
      case AVERAGE -> average(row, prior, n, bpp);
      case PAETH -> {
        if (bpp == 1) {
          paeth1(row, prior, n);
        } else {
          paeth(row, prior, n, bpp);
        }
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void sub(byte[] row, int n, int bpp) {
    for (int i = 1 + bpp; i <= n; i++) {
      row[i] = (byte) (row[i] + row[i - bpp]);
    }
  }

  private static void up(byte[] row, byte[] prior, int n) {
    for (int i = 1; i <= n; i++) {
      row[i] = (byte) (row[i] + prior[i]);
    }
  }

  private static void average(byte[] row, byte[] prior, int n, int bpp) {
    int first = Math.min(n, bpp);
    for (int i = 1; i <= first; i++) {
      row[i] = (byte) (row[i] + ((prior[i] & 0xFF) >>> 1));
    }
    for (int i = 1 + bpp; i <= n; i++) {
      row[i] = (byte) (row[i] + (((row[i - bpp] & 0xFF) + (prior[i] & 0xFF)) >>> 1));
    }
  }

  /** Paeth for several bytes per pixel: the channels' dependency chains interleave. */
  private static void paeth(byte[] row, byte[] prior, int n, int bpp) {
    int first = Math.min(n, bpp);
    for (int i = 1; i <= first; i++) {
      // a = c = 0: the predictor is b
      row[i] = (byte) (row[i] + prior[i]);
    }
    for (int i = 1 + bpp; i <= n; i++) {
      int a = row[i - bpp] & 0xFF;
      int b = prior[i] & 0xFF;
      int c = prior[i - bpp] & 0xFF;
      row[i] = (byte) (row[i] + predict(a, b, c));
    }
  }

  /** Paeth for one byte per pixel, the left neighbour and the upper-left one kept in registers. */
  private static void paeth1(byte[] row, byte[] prior, int n) {
    if (n < 1) {
      return;
    }
    int a = (row[1] + prior[1]) & 0xFF;
    row[1] = (byte) a;
    int c = prior[1] & 0xFF;
    for (int i = 2; i <= n; i++) {
      int b = prior[i] & 0xFF;
      a = (row[i] + predict(a, b, c)) & 0xFF;
      row[i] = (byte) a;
      c = b;
    }
  }

  /**
   * The Paeth predictor of left {@code a}, above {@code b} and upper-left {@code c}, branch-free.
   */
  static int predict(int a, int b, int c) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    int t = 3 * c - a - b;
    int notHi = hi <= t ? lo : c;
    return t <= lo ? hi : notHi;
  }
}
