package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;
import java.util.Arrays;

/**
 * Decodes the lines of one JPEG-LS scan (T.87 Annex A with the interleaving of Annex B): keeps the
 * previous and current line of each component with the edge samples of A.2.1, chooses regular or
 * run mode for every sample, interleaves components by line (ILV 1) or by sample (ILV 2), and
 * handles restart intervals, after which the coding state and the line buffers start afresh.
 */
final class JpegLsScanDecoder {

  /**
   * Where the decoded lines of one component go: {@code data[base + y * rowStride + x * xStride]}.
   */
  record Target(short[] data, int base, int rowStride, int xStride, int width, int height) {}

  private final JpegLsBitReader reader;
  private final JpegLsContexts contexts;
  private final JpegLsRunMode run;
  private final Target[] targets;
  private final int interleave;
  private final int restartInterval;

  /**
   * @param targets one per component of the scan, in scan order; all of the same size unless there
   *     is one
   * @param interleave ILV: 0 (one component), 1 (line) or 2 (sample)
   * @param restartInterval lines (of every component) per restart interval, 0 for none
   */
  JpegLsScanDecoder(
      JpegLsParameters params,
      JpegLsBitReader reader,
      Target[] targets,
      int interleave,
      int restartInterval) {
    this.reader = reader;
    this.contexts = new JpegLsContexts(params, reader);
    this.run = new JpegLsRunMode(params, reader, contexts, targets.length);
    this.targets = targets;
    this.interleave = interleave;
    this.restartInterval = restartInterval;
  }

  /**
   * Decodes every line of the scan.
   *
   * @return the position in the codestream right after the entropy-coded data (where the next
   *     marker begins)
   */
  int decode() throws DecodeException {
    int ns = targets.length;
    int width = targets[0].width();
    int height = targets[0].height();
    int[][] prev = new int[ns][width + 2];
    int[][] cur = new int[ns][width + 2];
    int nextRst = 0;
    for (int y = 0; y < height; y++) {
      if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
        reader.restart(nextRst);
        nextRst = (nextRst + 1) & 7;
        contexts.reset();
        run.reset();
        for (int[] line : prev) {
          Arrays.fill(line, 0);
        }
      }
      for (int c = 0; c < ns; c++) {
        // Rd of the last sample is Rb; Ra of the first is Rb, and its Rc the first Ra of the line
        // above
        prev[c][width + 1] = prev[c][width];
        cur[c][0] = prev[c][1];
      }
      if (interleave == 2) {
        decodeSampleInterleavedLine(prev, cur, width);
      } else {
        for (int c = 0; c < ns; c++) {
          decodeLine(prev[c], cur[c], width, c);
        }
      }
      for (int c = 0; c < ns; c++) {
        store(targets[c], y, cur[c]);
        int[] t = prev[c];
        prev[c] = cur[c];
        cur[c] = t;
      }
    }
    return reader.finish();
  }

  private void decodeLine(int[] prev, int[] cur, int width, int slot) throws DecodeException {
    int x = 1;
    while (x <= width) {
      int ra = cur[x - 1];
      int rb = prev[x];
      int rc = prev[x - 1];
      int qs = contexts.context(ra, rb, rc, prev[x + 1]);
      if (qs != 0) {
        cur[x++] = contexts.decode(qs, ra, rb, rc);
        continue;
      }
      int length = run.runLength(slot, width - x + 1);
      Arrays.fill(cur, x, x + length, ra);
      x += length;
      if (x <= width) {
        cur[x] = run.interruption(slot, ra, prev[x]);
        run.afterInterruption(slot);
        x++;
      }
    }
  }

  private void decodeSampleInterleavedLine(int[][] prev, int[][] cur, int width)
      throws DecodeException {
    int ns = prev.length;
    int[] qs = new int[ns];
    int x = 1;
    while (x <= width) {
      boolean runMode = true;
      for (int c = 0; c < ns; c++) {
        int[] p = prev[c];
        qs[c] = contexts.context(cur[c][x - 1], p[x], p[x - 1], p[x + 1]);
        runMode &= qs[c] == 0;
      }
      if (!runMode) {
        for (int c = 0; c < ns; c++) {
          int[] p = prev[c];
          cur[c][x] = contexts.decode(qs[c], cur[c][x - 1], p[x], p[x - 1]);
        }
        x++;
        continue;
      }
      int length = run.runLength(0, width - x + 1);
      for (int c = 0; c < ns; c++) {
        Arrays.fill(cur[c], x, x + length, cur[c][x - 1]);
      }
      x += length;
      if (x <= width) {
        for (int c = 0; c < ns; c++) {
          cur[c][x] = run.interruptionSampleInterleaved(cur[c][x - 1], prev[c][x]);
        }
        run.afterInterruption(0);
        x++;
      }
    }
  }

  private static void store(Target t, int y, int[] line) {
    short[] data = t.data();
    int xStride = t.xStride();
    int o = t.base() + y * t.rowStride();
    int width = t.width();
    if (xStride == 1) {
      for (int x = 1; x <= width; x++) {
        data[o++] = (short) line[x];
      }
    } else {
      for (int x = 1; x <= width; x++, o += xStride) {
        data[o] = (short) line[x];
      }
    }
  }
}
