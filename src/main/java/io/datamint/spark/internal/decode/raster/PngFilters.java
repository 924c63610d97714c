package io.datamint.spark.internal.decode.raster;

/**
 * Reverses the five PNG row filters (None, Sub, Up, Average, Paeth; PNG specification, section 9)
 * in place, one loop per filter type over plain byte arrays. A row's {@code n} bytes are {@code
 * row[r..r+n)}, the unfiltered previous row's {@code prior[p..p+n)} (all zero above the first row);
 * {@code bpp} is the bytes per complete pixel.
 *
 * <p>The Paeth predictor is computed without branches the processor must guess (the PNG figures of
 * issue 17 spent 74% of a read in the JDK reader's branching Paeth loop): with {@code lo = min(a,
 * b)}, {@code hi = max(a, b)} and {@code t = 3c - (a + b)}, the predictor is {@code hi} when {@code
 * t <= lo}, else {@code lo} when {@code hi <= t}, else {@code c}, which equals the specification's
 * choice among a, b, c with its tie order (checked for every byte triple by the tests); the two
 * choices are made with sign masks. Sub with one or two bytes per pixel and Paeth with one or three
 * keep the left pixel's bytes in registers, so those loops (8 and 16-bit grey, 8-bit RGB) carry no
 * store-to-load dependency.
 */
final class PngFilters {

  static final int NONE = 0;
  static final int SUB = 1;
  static final int UP = 2;
  static final int AVERAGE = 3;
  static final int PAETH = 4;

  private PngFilters() {}

  /**
   * Unfilters {@code row[1..n]} in place against {@code prior[1..n]}.
   *
   * @return false when {@code filter} is not one of the five types (the row is left as it is)
   */
  static boolean unfilter(int filter, byte[] row, byte[] prior, int n, int bpp) {
    switch (filter) {
      case NONE -> {}
      case SUB -> sub(row, n, bpp);
      case UP -> up(row, prior, n);
      case AVERAGE -> average(row, prior, n, bpp);
      case PAETH -> paeth(row, prior, n, bpp);
      default -> {
        return false;
      }
    }
    return true;
  }

  private static void sub(byte[] row, int n, int bpp) {
    int end = 1 + n;
    switch (bpp) {
      case 1 -> {
        int a = 0;
        for (int i = 1; i < end; i++) {
          a += row[i];
          row[i] = (byte) a;
        }
      }
      case 2 -> {
        // the left pixel's bytes in registers: one add per byte on the dependency chain
        int a0 = 0;
        int a1 = 0;
        for (int i = 1; i + 1 < end; i += 2) {
          a0 += row[i];
          a1 += row[i + 1];
          row[i] = (byte) a0;
          row[i + 1] = (byte) a1;
        }
      }
      default -> {
        for (int i = 1 + bpp; i < end; i++) {
          row[i] = (byte) (row[i] + row[i - bpp]);
        }
      }
    }
  }

  private static void up(byte[] row, byte[] prior, int n) {
    for (int i = 0; i < n; i++) {
      row[1 + i] = (byte) (row[1 + i] + prior[1 + i]);
    }
  }

  private static void average(byte[] row, byte[] prior, int n, int bpp) {
    int first = Math.min(n, bpp);
    for (int i = 0; i < first; i++) {
      row[1 + i] = (byte) (row[1 + i] + ((prior[1 + i] & 0xFF) >>> 1));
    }
    for (int i = bpp; i < n; i++) {
      row[1 + i] =
          (byte) (row[1 + i] + (((row[1 + i - bpp] & 0xFF) + (prior[1 + i] & 0xFF)) >>> 1));
    }
  }

  private static void paeth(byte[] row, byte[] prior, int n, int bpp) {
    int first = Math.min(n, bpp);
    for (int i = 0; i < first; i++) {
      // a = c = 0: the predictor is b
      row[1 + i] = (byte) (row[1 + i] + prior[1 + i]);
    }
    switch (bpp) {
      case 1 -> paeth1(row, prior, n);
      case 3 -> paeth3(row, prior, n);
      default -> {
        // the channels' dependency chains interleave
        for (int i = bpp; i < n; i++) {
          int a = row[1 + i - bpp] & 0xFF;
          int b = prior[1 + i] & 0xFF;
          int c = prior[1 + i - bpp] & 0xFF;
          row[1 + i] = (byte) (row[1 + i] + predict(a, b, c));
        }
      }
    }
  }

  /**
   * Paeth for one byte per pixel after the first (8-bit grey, palette indexes), where each byte
   * waits for its left neighbour: a chain through the whole row. Only the left byte {@code a} is on
   * that chain, so what depends on the row above alone is worked out beside it. With {@code d = b -
   * c}, the predictor is {@code a} except for {@code a} strictly between {@code c + min(-2d, d)}
   * and {@code c + max(-2d, d)}; in there it is {@code b} on one side of a split point (where
   * {@code |a - c| <= |a + b - 2c|}: {@code 2a >= 2c - d} when {@code d > 0}, {@code 2a <= 2c - d}
   * when {@code d < 0}) and {@code c} on the other ({@code d = 0} leaves no such range: {@code a}).
   * Per byte the chain is then two comparisons with precomputed bounds and two mask selects, about
   * seven operations, where {@link #predict} puts twelve on it. The same values as {@link
   * #predict}, ties included (tested for every {@code a}, {@code b} and {@code c}).
   */
  private static void paeth1(byte[] row, byte[] prior, int n) {
    if (n < 1) {
      return;
    }
    int a = row[1] & 0xFF;
    int c = prior[1] & 0xFF;
    for (int i = 1; i < n; i++) {
      int b = prior[1 + i] & 0xFF;
      int raw = row[1 + i];
      // off the chain: the range where the predictor is not a, its split point, and the two
      // results either side of it (sign masks, not conditionals; see predict)
      int d = b - c;
      int negative = d >> 31; // -1 when d < 0
      int lo = c + Math.min(-2 * d, d);
      int hi = c + Math.max(-2 * d, d);
      int split = ((2 * c - d + 1 + negative) >> 1) - negative; // the first a of the upper side
      int withB = (raw + b) & 0xFF;
      int withC = (raw + c) & 0xFF;
      int lower = withC ^ ((withC ^ withB) & negative); // d > 0: c below the split; d < 0: b
      int upper = withB ^ ((withB ^ withC) & negative);
      // on the chain
      int withA = (raw + a) & 0xFF;
      int inside = ((lo - a) & (a - hi)) >> 31; // -1 when lo < a < hi
      int below = (a - split) >> 31; // -1 when a < split
      int notA = upper ^ ((upper ^ lower) & below);
      a = withA ^ ((withA ^ notA) & inside);
      row[1 + i] = (byte) a;
      c = b;
    }
  }

  /**
   * Paeth for three bytes per pixel (8-bit RGB) after the first pixel, the left pixel and the
   * upper-left one in registers.
   */
  private static void paeth3(byte[] row, byte[] prior, int n) {
    if (n < 3) {
      return;
    }
    int a0 = row[1] & 0xFF;
    int a1 = row[2] & 0xFF;
    int a2 = row[3] & 0xFF;
    int c0 = prior[1] & 0xFF;
    int c1 = prior[2] & 0xFF;
    int c2 = prior[3] & 0xFF;
    for (int i = 3; i + 2 < n; i += 3) {
      int b0 = prior[1 + i] & 0xFF;
      int b1 = prior[1 + i + 1] & 0xFF;
      int b2 = prior[1 + i + 2] & 0xFF;
      a0 = (row[1 + i] + predict(a0, b0, c0)) & 0xFF;
      a1 = (row[1 + i + 1] + predict(a1, b1, c1)) & 0xFF;
      a2 = (row[1 + i + 2] + predict(a2, b2, c2)) & 0xFF;
      row[1 + i] = (byte) a0;
      row[1 + i + 1] = (byte) a1;
      row[1 + i + 2] = (byte) a2;
      c0 = b0;
      c1 = b1;
      c2 = b2;
    }
  }

  /** The Paeth predictor of left {@code a}, above {@code b} and upper-left {@code c}. */
  static int predict(int a, int b, int c) {
    int lo = Math.min(a, b);
    int hi = Math.max(a, b);
    int t = 3 * c - a - b;
    // sign masks, not conditionals: whether the JIT makes a conditional into a move or a branch
    // depends on the branch profile, and a branch here mispredicts on noisy rows (a read of photo
    // PNGs after smooth ones ran 4x slower in the decode-vs-sdk profile)
    int hiAbove = (t - hi) >> 31; // -1 when t < hi
    int notHi = c ^ ((c ^ lo) & ~hiAbove); // hi <= t ? lo : c
    int loBelow = (lo - t) >> 31; // -1 when lo < t
    return hi ^ ((hi ^ notHi) & loBelow); // t <= lo ? hi : notHi
  }
}
