package io.datamint.spark.internal.decode.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The integer IDCT against the defining formula of T.81 A.3.3 in double precision. */
@Tag("spark-independent")
class InverseDctTest {

  @ParameterizedTest(name = "{0}-bit")
  @ValueSource(ints = {8, 12})
  void integerIdctIsWithinOneOfTheExactTransform(int precision) {
    InverseDct idct = new InverseDct(precision);
    SplittableRandom random = new SplittableRandom(precision);
    int max = (1 << precision) - 1;
    int center = 1 << (precision - 1);
    int[] quant = new int[64];
    Arrays.fill(quant, 1);
    int worst = 0;
    for (int trial = 0; trial < 2000; trial++) {
      // coefficients of a random image block, so that the exact result is in range
      double[] pixels = new double[64];
      for (int i = 0; i < 64; i++) {
        pixels[i] = random.nextInt(max + 1) - center;
      }
      int[] coef = new int[64];
      for (int v = 0; v < 8; v++) {
        for (int u = 0; u < 8; u++) {
          double sum = 0;
          for (int y = 0; y < 8; y++) {
            for (int x = 0; x < 8; x++) {
              sum +=
                  pixels[y * 8 + x]
                      * Math.cos((2 * x + 1) * u * Math.PI / 16)
                      * Math.cos((2 * y + 1) * v * Math.PI / 16);
            }
          }
          coef[v * 8 + u] = (int) Math.round(sum * c(u) * c(v) / 4);
          if (trial % 2 == 1 && u + v > 4) {
            coef[v * 8 + u] = 0; // sparse blocks take the shortcuts
          }
        }
      }
      short[] out = new short[64];
      idct.transform(coef, quant, out, 0, 8);
      for (int y = 0; y < 8; y++) {
        for (int x = 0; x < 8; x++) {
          double sum = 0;
          for (int v = 0; v < 8; v++) {
            for (int u = 0; u < 8; u++) {
              sum +=
                  c(u)
                      * c(v)
                      * coef[v * 8 + u]
                      * Math.cos((2 * x + 1) * u * Math.PI / 16)
                      * Math.cos((2 * y + 1) * v * Math.PI / 16);
            }
          }
          long exact = Math.max(0, Math.min(max, Math.round(sum / 4) + center));
          worst = Math.max(worst, (int) Math.abs(out[y * 8 + x] - exact));
        }
      }
    }
    assertThat(worst).isLessThanOrEqualTo(1);
  }

  private static double c(int k) {
    return k == 0 ? 1 / Math.sqrt(2) : 1;
  }
}
