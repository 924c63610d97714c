package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;

/**
 * The coding parameters of one JPEG-LS scan (T.87 A.2.1 and C.2.4.1.1): MAXVAL, the gradient
 * thresholds T1, T2 and T3, RESET and NEAR, with the values derived from them (RANGE, qbpp, LIMIT).
 * Parameters an LSE segment leaves at zero take their defaults, which depend on MAXVAL and NEAR.
 */
final class JpegLsParameters {

  private static final int BASIC_T1 = 3;
  private static final int BASIC_T2 = 7;
  private static final int BASIC_T3 = 21;
  private static final int DEFAULT_RESET = 64;

  final int maxVal;
  final int t1;
  final int t2;
  final int t3;
  final int reset;
  final int near;

  /** RANGE: the number of values a quantised prediction error can take. */
  final int range;

  /** qbpp: bits of an escaped mapped error value. */
  final int qbpp;

  /** LIMIT: the longest Golomb code word in regular mode. */
  final int limit;

  private JpegLsParameters(int maxVal, int t1, int t2, int t3, int reset, int near) {
    this.maxVal = maxVal;
    this.t1 = t1;
    this.t2 = t2;
    this.t3 = t3;
    this.reset = reset;
    this.near = near;
    this.range = (maxVal + 2 * near) / (2 * near + 1) + 1;
    this.qbpp = ceilLog2(range);
    int bpp = Math.max(2, ceilLog2(maxVal + 1));
    this.limit = 2 * (bpp + Math.max(8, bpp));
  }

  /**
   * The parameters of a scan.
   *
   * @param precision P of the frame header, 2 to 16
   * @param near NEAR of the scan header
   * @param preset the values of the last LSE id 1 segment ({@code maxVal, t1, t2, t3, reset}, 0 =
   *     default), or null
   */
  static JpegLsParameters of(int precision, int near, int[] preset) throws DecodeException {
    int maxVal = preset != null && preset[0] != 0 ? preset[0] : (1 << precision) - 1;
    if (maxVal >= 1 << precision) {
      throw new DecodeException(
          "corrupt JPEG-LS data: MAXVAL "
              + maxVal
              + " does not fit the "
              + precision
              + "-bit sample precision");
    }
    if (near > Math.min(255, maxVal / 2)) {
      throw new DecodeException(
          "corrupt JPEG-LS data: NEAR "
              + near
              + " is over its limit min(255, MAXVAL/2) for"
              + " MAXVAL "
              + maxVal);
    }
    int[] defaults = defaultThresholds(maxVal, near);
    int t1 = preset != null && preset[1] != 0 ? preset[1] : defaults[0];
    int t2 = preset != null && preset[2] != 0 ? preset[2] : defaults[1];
    int t3 = preset != null && preset[3] != 0 ? preset[3] : defaults[2];
    int reset = preset != null && preset[4] != 0 ? preset[4] : DEFAULT_RESET;
    // T.87 C.2.4.1.1: NEAR+1 <= T1 <= T2 <= T3 <= MAXVAL and 3 <= RESET <= max(255, MAXVAL)
    if (t1 < near + 1 || t1 > maxVal || t2 < t1 || t2 > maxVal || t3 < t2 || t3 > maxVal) {
      throw new DecodeException(
          "corrupt JPEG-LS data: invalid thresholds T1="
              + t1
              + " T2="
              + t2
              + " T3="
              + t3
              + " for MAXVAL "
              + maxVal
              + " and NEAR "
              + near);
    }
    if (reset < 3 || reset > Math.max(255, maxVal)) {
      throw new DecodeException(
          "corrupt JPEG-LS data: invalid RESET " + reset + " for MAXVAL " + maxVal);
    }
    return new JpegLsParameters(maxVal, t1, t2, t3, reset, near);
  }

  /** The default T1, T2 and T3 of T.87 C.2.4.1.1.1 for {@code maxVal} and {@code near}. */
  static int[] defaultThresholds(int maxVal, int near) {
    int t1;
    int t2;
    int t3;
    if (maxVal >= 128) {
      int factor = (Math.min(maxVal, 4095) + 128) / 256;
      t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxVal);
      t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxVal);
      t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxVal);
    } else {
      int factor = 256 / (maxVal + 1);
      t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxVal);
      t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxVal);
      t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxVal);
    }
    return new int[] {t1, t2, t3};
  }

  /** CLAMP(i, j, MAXVAL) of T.87: {@code i} if it lies in {@code [j, maxVal]}, else {@code j}. */
  private static int clamp(int i, int j, int maxVal) {
    return i > maxVal || i < j ? j : i;
  }

  /** The smallest {@code b} with {@code 2^b >= v}. */
  static int ceilLog2(int v) {
    return v <= 1 ? 0 : 32 - Integer.numberOfLeadingZeros(v - 1);
  }

  @Override
  public String toString() {
    return "MAXVAL=" + maxVal + " T1=" + t1 + " T2=" + t2 + " T3=" + t3 + " RESET=" + reset
        + " NEAR=" + near;
  }
}
