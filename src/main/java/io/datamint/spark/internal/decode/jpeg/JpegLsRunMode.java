package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;

/**
 * JPEG-LS run mode (T.87 A.7): run-length decoding with the adaptive RUNindex and the J table, and
 * the run interruption sample with its two contexts (RItype 0 and 1), which keep A, N and Nn.
 * RUNindex is kept per component, as line-interleaved scans need (a sample-interleaved scan uses
 * slot 0 for all components).
 */
final class JpegLsRunMode {

  /** J[RUNindex]: the order of the run-length code (A.7.1.2). */
  private static final int[] J = {
    0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13,
    14, 15
  };

  private final JpegLsParameters params;
  private final JpegLsBitReader reader;
  private final JpegLsContexts contexts;
  private final int[] runIndex;
  private final int[] a = new int[2];
  private final int[] n = new int[2];
  private final int[] nn = new int[2];
  private final int step;

  JpegLsRunMode(
      JpegLsParameters params, JpegLsBitReader reader, JpegLsContexts contexts, int components) {
    this.params = params;
    this.reader = reader;
    this.contexts = contexts;
    this.runIndex = new int[components];
    this.step = 2 * params.near + 1;
    reset();
  }

  /** Back to the initial state (start of a scan or of a restart interval). */
  void reset() {
    java.util.Arrays.fill(runIndex, 0);
    int a0 = JpegLsContexts.initialA(params.range);
    a[0] = a0;
    a[1] = a0;
    n[0] = 1;
    n[1] = 1;
    nn[0] = 0;
    nn[1] = 0;
  }

  /**
   * Decodes the length of a run (A.7.1).
   *
   * @param slot whose RUNindex to use
   * @param remaining the samples (or pixels) left in the line, from the run's first one
   * @return the run length, 0 to {@code remaining}; less than {@code remaining} means an
   *     interruption sample follows
   */
  int runLength(int slot, int remaining) throws DecodeException {
    int index = 0;
    int ri = runIndex[slot];
    while (reader.readBit() == 1) {
      int segment = 1 << J[ri];
      int count = Math.min(segment, remaining - index);
      index += count;
      if (count == segment && ri < 31) {
        ri++;
      }
      if (index == remaining) {
        runIndex[slot] = ri;
        return index;
      }
    }
    index += reader.readBits(J[ri]);
    runIndex[slot] = ri;
    if (index > remaining) {
      throw JpegLsBitReader.corrupt("a run longer than the rest of the line");
    }
    return index;
  }

  /**
   * Decodes a run interruption sample (A.7.2) of a single-component line.
   *
   * @return the reconstructed sample
   */
  int interruption(int slot, int ra, int rb) throws DecodeException {
    if (Math.abs(ra - rb) <= params.near) {
      int err = interruptionError(slot, 1);
      return contexts.reconstruct(ra + err * step);
    }
    int err = interruptionError(slot, 0);
    if (ra > rb) {
      err = -err;
    }
    return contexts.reconstruct(rb + err * step);
  }

  /**
   * Decodes one component of a run interruption pixel in a sample-interleaved scan, where every
   * component is coded with RItype 0 (prediction Rb, sign of Rb - Ra).
   */
  int interruptionSampleInterleaved(int ra, int rb) throws DecodeException {
    int err = interruptionError(0, 0);
    if (ra > rb) {
      err = -err;
    }
    return contexts.reconstruct(rb + err * step);
  }

  /** Lowers RUNindex after a run interruption sample (A.7.2, last step). */
  void afterInterruption(int slot) {
    if (runIndex[slot] > 0) {
      runIndex[slot]--;
    }
  }

  /**
   * The quantised error of a run interruption sample, with the context update (A.7.2.1 to A.7.2.4).
   */
  private int interruptionError(int slot, int riType) throws DecodeException {
    int nq = n[riType];
    int temp = riType == 0 ? a[0] : a[1] + (n[1] >> 1);
    int k = 0;
    while ((nq << k) < temp && k < 30) {
      k++;
    }
    int glimit = params.limit - J[runIndex[slot]] - 1;
    int mapped = contexts.decodeGolomb(k, glimit);
    int t = mapped + riType;
    int map = t & 1;
    int abs = (t + map) >> 1;
    boolean negative = (k != 0 || 2 * nn[riType] >= nq) == (map == 1);
    int err = negative ? -abs : abs;

    if (err < 0) {
      nn[riType]++;
    }
    a[riType] += (mapped + 1 - riType) >> 1;
    if (nq == params.reset) {
      a[riType] >>= 1;
      nq >>= 1;
      nn[riType] >>= 1;
    }
    n[riType] = nq + 1;
    return err;
  }
}
