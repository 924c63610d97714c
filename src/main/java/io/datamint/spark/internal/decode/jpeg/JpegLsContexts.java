package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;
import java.util.Arrays;

/**
 * The context modelling of JPEG-LS regular mode (T.87 A.3 to A.6): gradient quantisation, the 365
 * contexts with their statistics A, B, C and N, the bias-corrected prediction, the Golomb
 * parameter, error unmapping and the context update. One instance serves one scan; in line- and
 * sample-interleaved scans the components share it.
 */
final class JpegLsContexts {

  /**
   * Regular-mode contexts: |Q| for Q = 81*Q1 + 9*Q2 + Q3 after sign normalisation is 1..364 (0
   * means run mode).
   */
  static final int COUNT = 365;

  private static final int MIN_C = -128;
  private static final int MAX_C = 127;

  private final JpegLsParameters params;
  private final JpegLsBitReader reader;
  private final int[] a = new int[COUNT];
  private final int[] b = new int[COUNT];
  private final int[] c = new int[COUNT];
  private final int[] n = new int[COUNT];

  /** Quantised gradient (-4..4) of each difference d in [-MAXVAL, MAXVAL], at index d + MAXVAL. */
  private final byte[] quantized;

  private final int maxVal;
  private final int near;
  private final int step;
  private final int rangeStep;
  private final int maxMappedError;

  JpegLsContexts(JpegLsParameters params, JpegLsBitReader reader) {
    this.params = params;
    this.reader = reader;
    this.maxVal = params.maxVal;
    this.near = params.near;
    this.step = 2 * params.near + 1;
    this.rangeStep = params.range * step;
    this.maxMappedError = 2 * params.range + 2;
    this.quantized = new byte[2 * maxVal + 1];
    for (int d = -maxVal; d <= maxVal; d++) {
      quantized[d + maxVal] = (byte) quantize(d, params);
    }
    reset();
  }

  /** Back to the initial state of T.87 A.2.1 (start of a scan or of a restart interval). */
  void reset() {
    Arrays.fill(a, initialA(params.range));
    Arrays.fill(b, 0);
    Arrays.fill(c, 0);
    Arrays.fill(n, 1);
  }

  /** The initial value of every A[Q]: max(2, floor((RANGE + 32) / 64)). */
  static int initialA(int range) {
    return Math.max(2, (range + 32) / 64);
  }

  private static int quantize(int d, JpegLsParameters p) {
    if (d <= -p.t3) {
      return -4;
    } else if (d <= -p.t2) {
      return -3;
    } else if (d <= -p.t1) {
      return -2;
    } else if (d < -p.near) {
      return -1;
    } else if (d <= p.near) {
      return 0;
    } else if (d < p.t1) {
      return 1;
    } else if (d < p.t2) {
      return 2;
    } else if (d < p.t3) {
      return 3;
    }
    return 4;
  }

  /**
   * The signed context number 81*Q1 + 9*Q2 + Q3 of the local gradients; 0 selects run mode. Its
   * sign is the sign of the first non-zero Qi, so its absolute value is the context index after
   * sign normalisation.
   */
  int context(int ra, int rb, int rc, int rd) {
    int off = maxVal;
    return (quantized[rd - rb + off] * 9 + quantized[rb - rc + off]) * 9 + quantized[rc - ra + off];
  }

  /**
   * Decodes one sample in regular mode.
   *
   * @param qs the signed context number from {@link #context}, not 0
   * @return the reconstructed sample
   */
  int decode(int qs, int ra, int rb, int rc) throws DecodeException {
    int sign = qs >> 31; // 0 or -1
    int q = (qs ^ sign) - sign;

    // median edge detector (A.4.1)
    int px;
    if (rc >= Math.max(ra, rb)) {
      px = Math.min(ra, rb);
    } else if (rc <= Math.min(ra, rb)) {
      px = Math.max(ra, rb);
    } else {
      px = ra + rb - rc;
    }
    // bias correction (A.4.2)
    px += ((c[q] ^ sign) - sign);
    if (px > maxVal) {
      px = maxVal;
    } else if (px < 0) {
      px = 0;
    }

    int nq = n[q];
    int aq = a[q];
    int k = 0;
    while ((nq << k) < aq && k < 30) {
      k++;
    }
    int mapped = decodeGolomb(k, params.limit);
    // inverse error mapping (A.5.2)
    int err = (mapped & 1) == 0 ? mapped >> 1 : -((mapped + 1) >> 1);
    if (k == 0 && near == 0 && 2 * b[q] <= -nq) {
      err = -err - 1;
    }
    update(q, err);

    int rx = px + ((err ^ sign) - sign) * step;
    return reconstruct(rx);
  }

  /** A mapped error value coded with the limited-length Golomb code LG(k, glimit) (A.5.3). */
  int decodeGolomb(int k, int glimit) throws DecodeException {
    int escape = glimit - params.qbpp - 1;
    int unary = reader.readZeroRun(escape);
    int mapped;
    if (unary < escape) {
      mapped = (unary << k) | reader.readBits(k);
    } else {
      mapped = reader.readBits(params.qbpp) + 1;
    }
    if (mapped < 0 || mapped > maxMappedError) {
      throw JpegLsBitReader.corrupt("a prediction error outside the sample range");
    }
    return mapped;
  }

  /** The modulo correction and clamping of a reconstructed value (A.4.3 / F.1 of the decoder). */
  int reconstruct(int rx) {
    if (rx < -near) {
      rx += rangeStep;
    } else if (rx > maxVal + near) {
      rx -= rangeStep;
    }
    if (rx < 0) {
      return 0;
    }
    return Math.min(rx, maxVal);
  }

  /** The variable update and bias computation of A.6.1 and A.6.2. */
  private void update(int q, int err) {
    int bq = b[q] + err * step;
    int aq = a[q] + Math.abs(err);
    int nq = n[q];
    if (nq == params.reset) {
      aq >>= 1;
      bq >>= 1; // floor division, the same as -((1 - B) >> 1) for negative B
      nq >>= 1;
    }
    nq++;
    a[q] = aq;
    n[q] = nq;
    if (bq <= -nq) {
      bq += nq;
      if (c[q] > MIN_C) {
        c[q]--;
      }
      if (bq <= -nq) {
        bq = -nq + 1;
      }
    } else if (bq > 0) {
      bq -= nq;
      if (c[q] < MAX_C) {
        c[q]++;
      }
      if (bq > 0) {
        bq = 0;
      }
    }
    b[q] = bq;
  }
}
