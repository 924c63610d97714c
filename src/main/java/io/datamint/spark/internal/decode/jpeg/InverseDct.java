package io.datamint.spark.internal.decode.jpeg;

/**
 * The 8x8 inverse DCT with dequantisation, in integer arithmetic: the Loeffler-Ligtenberg-Moschytz
 * factorisation with 13-bit fixed-point constants and an intermediate scaling of 2 bits (8-bit
 * samples) or 1 bit (12-bit samples) between the column and the row pass, rounding and
 * range-limiting as the IJG library's "islow" method does, so that the output matches libjpeg and
 * DCMTK (which use that method) sample for sample on valid data.
 *
 * <p>The arithmetic is done in {@code long}, so 12-bit data cannot overflow. Out-of-range results
 * are clamped to {@code [0, 2^P - 1]} after the level shift; grossly out-of-range ones (from
 * corrupt data) wrap like libjpeg's range-limit table.
 */
final class InverseDct {

  private static final int CONST_BITS = 13;
  private static final long FIX_0_298631336 = fix(0.298631336);
  private static final long FIX_0_390180644 = fix(0.390180644);
  private static final long FIX_0_541196100 = fix(0.541196100);
  private static final long FIX_0_765366865 = fix(0.765366865);
  private static final long FIX_0_899976223 = fix(0.899976223);
  private static final long FIX_1_175875602 = fix(1.175875602);
  private static final long FIX_1_501321110 = fix(1.501321110);
  private static final long FIX_1_847759065 = fix(1.847759065);
  private static final long FIX_1_961570560 = fix(1.961570560);
  private static final long FIX_2_053119869 = fix(2.053119869);
  private static final long FIX_2_562915447 = fix(2.562915447);
  private static final long FIX_3_072711026 = fix(3.072711026);

  private final int pass1Bits;
  private final int mask;

  /**
   * Output sample for each (descaled result & mask): the level shift and clamping in one look-up.
   */
  private final short[] rangeLimit;

  private final int[] ws = new int[64];

  /**
   * @param precision 8 or 12
   */
  InverseDct(int precision) {
    this.pass1Bits = precision <= 8 ? 2 : 1;
    int maxSample = (1 << precision) - 1;
    int center = 1 << (precision - 1);
    int size = 4 * (maxSample + 1);
    this.mask = size - 1;
    this.rangeLimit = new short[size];
    for (int i = 0; i < size; i++) {
      int v =
          i < 2 * (maxSample + 1)
              ? Math.min(i + center, maxSample)
              : Math.max(0, i - size + center);
      rangeLimit[i] = (short) v;
    }
  }

  private static long fix(double x) {
    return Math.round(x * (1 << CONST_BITS));
  }

  /**
   * Dequantises and transforms one block.
   *
   * @param coef the 64 quantised coefficients in natural (row-major) order
   * @param quant the 64 quantisation values in natural order
   * @param out where the 8x8 samples go: {@code out[offset + row * stride + column]}
   */
  void transform(int[] coef, int[] quant, short[] out, int offset, int stride) {
    int[] ws = this.ws;
    int shift1 = CONST_BITS - pass1Bits;
    long round1 = 1L << (shift1 - 1);
    for (int c = 0; c < 8; c++) {
      if (coef[8 + c] == 0
          && coef[16 + c] == 0
          && coef[24 + c] == 0
          && coef[32 + c] == 0
          && coef[40 + c] == 0
          && coef[48 + c] == 0
          && coef[56 + c] == 0) {
        int dc = (int) (((long) coef[c] * quant[c]) << pass1Bits);
        for (int r = 0; r < 64; r += 8) {
          ws[r + c] = dc;
        }
        continue;
      }
      // even part
      long z2 = (long) coef[16 + c] * quant[16 + c];
      long z3 = (long) coef[48 + c] * quant[48 + c];
      long z1 = (z2 + z3) * FIX_0_541196100;
      long tmp2 = z1 - z3 * FIX_1_847759065;
      long tmp3 = z1 + z2 * FIX_0_765366865;
      z2 = (long) coef[c] * quant[c];
      z3 = (long) coef[32 + c] * quant[32 + c];
      long tmp0 = (z2 + z3) << CONST_BITS;
      long tmp1 = (z2 - z3) << CONST_BITS;
      long tmp10 = tmp0 + tmp3;
      long tmp13 = tmp0 - tmp3;
      long tmp11 = tmp1 + tmp2;
      long tmp12 = tmp1 - tmp2;
      // odd part
      tmp0 = (long) coef[56 + c] * quant[56 + c];
      tmp1 = (long) coef[40 + c] * quant[40 + c];
      tmp2 = (long) coef[24 + c] * quant[24 + c];
      tmp3 = (long) coef[8 + c] * quant[8 + c];
      z1 = tmp0 + tmp3;
      z2 = tmp1 + tmp2;
      z3 = tmp0 + tmp2;
      long z4 = tmp1 + tmp3;
      long z5 = (z3 + z4) * FIX_1_175875602;
      tmp0 *= FIX_0_298631336;
      tmp1 *= FIX_2_053119869;
      tmp2 *= FIX_3_072711026;
      tmp3 *= FIX_1_501321110;
      z1 *= -FIX_0_899976223;
      z2 *= -FIX_2_562915447;
      z3 = z3 * -FIX_1_961570560 + z5;
      z4 = z4 * -FIX_0_390180644 + z5;
      tmp0 += z1 + z3;
      tmp1 += z2 + z4;
      tmp2 += z2 + z3;
      tmp3 += z1 + z4;

      ws[c] = (int) ((tmp10 + tmp3 + round1) >> shift1);
      ws[56 + c] = (int) ((tmp10 - tmp3 + round1) >> shift1);
      ws[8 + c] = (int) ((tmp11 + tmp2 + round1) >> shift1);
      ws[48 + c] = (int) ((tmp11 - tmp2 + round1) >> shift1);
      ws[16 + c] = (int) ((tmp12 + tmp1 + round1) >> shift1);
      ws[40 + c] = (int) ((tmp12 - tmp1 + round1) >> shift1);
      ws[24 + c] = (int) ((tmp13 + tmp0 + round1) >> shift1);
      ws[32 + c] = (int) ((tmp13 - tmp0 + round1) >> shift1);
    }

    int shift2 = CONST_BITS + pass1Bits + 3;
    long round2 = 1L << (shift2 - 1);
    short[] limit = rangeLimit;
    int m = mask;
    for (int r = 0; r < 64; r += 8) {
      int o = offset + (r >> 3) * stride;
      if (ws[r + 1] == 0
          && ws[r + 2] == 0
          && ws[r + 3] == 0
          && ws[r + 4] == 0
          && ws[r + 5] == 0
          && ws[r + 6] == 0
          && ws[r + 7] == 0) {
        short v = limit[(int) ((ws[r] + (1L << (pass1Bits + 2))) >> (pass1Bits + 3)) & m];
        for (int c = 0; c < 8; c++) {
          out[o + c] = v;
        }
        continue;
      }
      long z2 = ws[r + 2];
      long z3 = ws[r + 6];
      long z1 = (z2 + z3) * FIX_0_541196100;
      long tmp2 = z1 - z3 * FIX_1_847759065;
      long tmp3 = z1 + z2 * FIX_0_765366865;
      long tmp0 = ((long) ws[r] + ws[r + 4]) << CONST_BITS;
      long tmp1 = ((long) ws[r] - ws[r + 4]) << CONST_BITS;
      long tmp10 = tmp0 + tmp3;
      long tmp13 = tmp0 - tmp3;
      long tmp11 = tmp1 + tmp2;
      long tmp12 = tmp1 - tmp2;
      tmp0 = ws[r + 7];
      tmp1 = ws[r + 5];
      tmp2 = ws[r + 3];
      tmp3 = ws[r + 1];
      z1 = tmp0 + tmp3;
      z2 = tmp1 + tmp2;
      z3 = tmp0 + tmp2;
      long z4 = tmp1 + tmp3;
      long z5 = (z3 + z4) * FIX_1_175875602;
      tmp0 *= FIX_0_298631336;
      tmp1 *= FIX_2_053119869;
      tmp2 *= FIX_3_072711026;
      tmp3 *= FIX_1_501321110;
      z1 *= -FIX_0_899976223;
      z2 *= -FIX_2_562915447;
      z3 = z3 * -FIX_1_961570560 + z5;
      z4 = z4 * -FIX_0_390180644 + z5;
      tmp0 += z1 + z3;
      tmp1 += z2 + z4;
      tmp2 += z2 + z3;
      tmp3 += z1 + z4;

      out[o] = limit[(int) ((tmp10 + tmp3 + round2) >> shift2) & m];
      out[o + 7] = limit[(int) ((tmp10 - tmp3 + round2) >> shift2) & m];
      out[o + 1] = limit[(int) ((tmp11 + tmp2 + round2) >> shift2) & m];
      out[o + 6] = limit[(int) ((tmp11 - tmp2 + round2) >> shift2) & m];
      out[o + 2] = limit[(int) ((tmp12 + tmp1 + round2) >> shift2) & m];
      out[o + 5] = limit[(int) ((tmp12 - tmp1 + round2) >> shift2) & m];
      out[o + 3] = limit[(int) ((tmp13 + tmp0 + round2) >> shift2) & m];
      out[o + 4] = limit[(int) ((tmp13 - tmp0 + round2) >> shift2) & m];
    }
  }
}
