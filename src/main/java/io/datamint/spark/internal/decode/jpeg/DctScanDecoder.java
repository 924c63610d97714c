package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;
import java.util.Arrays;

/**
 * Decodes one scan of a sequential Huffman-coded DCT frame (T.81 Annex F.2): walks its MCUs (one
 * block per MCU when the scan has one component, {@code h x v} blocks of each component otherwise),
 * decodes the DC difference and the run-length-coded AC coefficients of each block, transforms the
 * block into the component's plane, and handles restart intervals.
 */
final class DctScanDecoder {

  /** Zig-zag index to natural (row-major) index, T.81 Figure A.6. */
  static final int[] ZIGZAG = zigzag();

  private final HuffmanBitReader reader;
  private final InverseDct idct;
  private final DctComponent[] components;
  private final HuffmanTable[] dcTables;
  private final HuffmanTable[] acTables;
  private final int restartInterval;
  private final int mcusX;
  private final int mcusY;
  private final int[] block = new int[64];

  /**
   * @param components the scan's components in scan order
   * @param dcTables the DC table of each, {@code acTables} the AC table
   * @param mcusX MCUs per line of the interleaved MCU grid, {@code mcusY} MCU rows
   */
  DctScanDecoder(
      HuffmanBitReader reader,
      InverseDct idct,
      DctComponent[] components,
      HuffmanTable[] dcTables,
      HuffmanTable[] acTables,
      int restartInterval,
      int mcusX,
      int mcusY) {
    this.reader = reader;
    this.idct = idct;
    this.components = components;
    this.dcTables = dcTables;
    this.acTables = acTables;
    this.restartInterval = restartInterval;
    this.mcusX = mcusX;
    this.mcusY = mcusY;
  }

  /**
   * Decodes every MCU.
   *
   * @return the position after the entropy-coded data
   */
  int decode() throws DecodeException {
    for (DctComponent c : components) {
      c.dcPredictor = 0;
    }
    int nextRst = 0;
    long mcu = 0;
    if (components.length == 1) {
      DctComponent c = components[0];
      int perLine = c.blocksPerLine();
      int rows = c.blockRows();
      for (int by = 0; by < rows; by++) {
        for (int bx = 0; bx < perLine; bx++, mcu++) {
          if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
            nextRst = restart(nextRst);
          }
          decodeBlock(c, dcTables[0], acTables[0], by * 8 * c.stride + bx * 8);
        }
      }
    } else {
      for (int my = 0; my < mcusY; my++) {
        for (int mx = 0; mx < mcusX; mx++, mcu++) {
          if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
            nextRst = restart(nextRst);
          }
          for (int i = 0; i < components.length; i++) {
            DctComponent c = components[i];
            for (int v = 0; v < c.v; v++) {
              int rowOffset = ((my * c.v + v) * 8) * c.stride;
              for (int h = 0; h < c.h; h++) {
                decodeBlock(c, dcTables[i], acTables[i], rowOffset + (mx * c.h + h) * 8);
              }
            }
          }
        }
      }
    }
    return reader.finish();
  }

  private int restart(int n) throws DecodeException {
    reader.restart(n);
    for (DctComponent c : components) {
      c.dcPredictor = 0;
    }
    return (n + 1) & 7;
  }

  private void decodeBlock(DctComponent c, HuffmanTable dc, HuffmanTable ac, int offset)
      throws DecodeException {
    int[] coef = block;
    Arrays.fill(coef, 0);
    int t = reader.decode(dc);
    if (t > 15) {
      throw new DecodeException("corrupt JPEG data: DC difference category " + t);
    }
    int pred = c.dcPredictor + reader.receiveExtend(t);
    c.dcPredictor = pred;
    coef[0] = (short) pred; // libjpeg keeps coefficients as 16-bit values
    for (int k = 1; k < 64; k++) {
      int rs = reader.decode(ac);
      int r = rs >> 4;
      int s = rs & 15;
      if (s == 0) {
        if (r != 15) {
          break; // end of block
        }
        k += 15; // sixteen zeros
        continue;
      }
      k += r;
      if (k > 63) {
        throw new DecodeException("corrupt JPEG data: AC coefficients past the end of a block");
      }
      coef[ZIGZAG[k]] = reader.receiveExtend(s);
    }
    idct.transform(coef, c.quant, c.plane, offset, c.stride);
  }

  /**
   * Builds the zig-zag order by walking the anti-diagonals of the 8x8 block, alternating direction.
   */
  private static int[] zigzag() {
    int[] order = new int[64];
    int i = 0;
    for (int sum = 0; sum <= 14; sum++) {
      int lo = Math.max(0, sum - 7);
      int hi = Math.min(7, sum);
      for (int j = lo; j <= hi; j++) {
        // even diagonals run from bottom-left to top-right, odd ones the other way
        int row = (sum & 1) == 0 ? sum - j : j;
        int col = sum - row;
        order[i++] = row * 8 + col;
      }
    }
    return order;
  }
}
