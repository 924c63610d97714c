package io.datamint.spark.internal.decode.jpeg;

/**
 * Brings a subsampled component to full resolution and interleaves it into the output, the way the
 * IJG library (libjpeg 6b, which DCMTK uses) does with its default settings:
 *
 * <ul>
 *   <li>2:1 horizontally (4:2:2) and 2:1 in both directions (4:2:0), when the component is more
 *       than 2 samples wide: "fancy" upsampling, a triangle filter that weights the nearer input
 *       sample 3/4 and the farther 1/4 (in 4:2:0 separably in both directions), with libjpeg's
 *       alternating rounding; edge samples are replicated;
 *   <li>other integral ratios (4:1:1, 4:4:0...), and 2:1 ratios on components at most 2 samples
 *       wide: sample replication;
 *   <li>non-integral ratios (libjpeg rejects them): nearest sample, {@code x * Hi / Hmax}.
 * </ul>
 */
final class Upsampler {

  private Upsampler() {}

  /**
   * Writes component {@code c} of the output.
   *
   * @param plane the component's samples, {@code plane[y * stride + x]}, with {@code compWidth x
   *     compHeight} real samples (the rest is block padding)
   * @param h the component's horizontal sampling factor, {@code hMax} the largest of the frame
   * @param v the vertical one, {@code vMax} the largest
   * @param out the interleaved output, {@code width x height x components}
   */
  static void upsample(
      short[] plane,
      int stride,
      int compWidth,
      int compHeight,
      int h,
      int hMax,
      int v,
      int vMax,
      short[] out,
      int width,
      int height,
      int components,
      int c) {
    boolean integral = hMax % h == 0 && vMax % v == 0;
    int hr = hMax / h;
    int vr = vMax / v;
    if (integral && hr == 1 && vr == 1) {
      for (int y = 0; y < height; y++) {
        int i = y * stride;
        int o = y * width * components + c;
        for (int x = 0; x < width; x++, o += components) {
          out[o] = plane[i + x];
        }
      }
    } else if (integral && hr == 2 && vr == 1 && compWidth > 2) {
      int[] row = new int[2 * compWidth];
      for (int y = 0; y < height; y++) {
        fancyH2v1(plane, y * stride, compWidth, row);
        put(row, out, y, width, components, c);
      }
    } else if (integral && hr == 2 && vr == 2 && compWidth > 2) {
      int[] row = new int[2 * compWidth];
      int[] colSum = new int[compWidth];
      for (int y = 0; y < height; y++) {
        int r = y >> 1;
        int neighbour = (y & 1) == 0 ? Math.max(r - 1, 0) : Math.min(r + 1, compHeight - 1);
        int ri = r * stride;
        int ni = neighbour * stride;
        for (int x = 0; x < compWidth; x++) {
          colSum[x] = 3 * plane[ri + x] + plane[ni + x];
        }
        fancyH2v2(colSum, compWidth, row);
        put(row, out, y, width, components, c);
      }
    } else {
      for (int y = 0; y < height; y++) {
        int i = (int) ((long) y * v / vMax) * stride;
        int o = y * width * components + c;
        for (int x = 0; x < width; x++, o += components) {
          out[o] = plane[i + (int) ((long) x * h / hMax)];
        }
      }
    }
  }

  /**
   * One row of h2v1 fancy upsampling: output samples 2i and 2i+1 from input sample i and its
   * neighbours.
   */
  private static void fancyH2v1(short[] in, int i0, int n, int[] row) {
    int first = in[i0];
    row[0] = first;
    row[1] = (first * 3 + in[i0 + 1] + 2) >> 2;
    for (int i = 1; i < n - 1; i++) {
      int s = in[i0 + i] * 3;
      row[2 * i] = (s + in[i0 + i - 1] + 1) >> 2;
      row[2 * i + 1] = (s + in[i0 + i + 1] + 2) >> 2;
    }
    int last = in[i0 + n - 1];
    row[2 * n - 2] = (last * 3 + in[i0 + n - 2] + 1) >> 2;
    row[2 * n - 1] = last;
  }

  /** One row of h2v2 fancy upsampling from the vertical sums 3 * nearer row + farther row. */
  private static void fancyH2v2(int[] colSum, int n, int[] row) {
    row[0] = (colSum[0] * 4 + 8) >> 4;
    row[1] = (colSum[0] * 3 + colSum[1] + 7) >> 4;
    for (int i = 1; i < n - 1; i++) {
      int s = colSum[i] * 3;
      row[2 * i] = (s + colSum[i - 1] + 8) >> 4;
      row[2 * i + 1] = (s + colSum[i + 1] + 7) >> 4;
    }
    row[2 * n - 2] = (colSum[n - 1] * 3 + colSum[n - 2] + 8) >> 4;
    row[2 * n - 1] = (colSum[n - 1] * 4 + 7) >> 4;
  }

  private static void put(int[] row, short[] out, int y, int width, int components, int c) {
    int o = y * width * components + c;
    for (int x = 0; x < width; x++, o += components) {
      out[o] = (short) row[x];
    }
  }
}
