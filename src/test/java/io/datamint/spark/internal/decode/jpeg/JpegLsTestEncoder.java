package io.datamint.spark.internal.decode.jpeg;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;

/**
 * A small JPEG-LS encoder (T.87 Annex A and B, encoder side) for tests only: it makes codestreams
 * that no encoder installed here produces (sample precisions other than 8 and 16, MAXVAL below 2^P
 * - 1, restart intervals, subsampled components). Its entropy-coded output is checked byte for byte
 * against CharLS (dcmcjpls) where both can encode the same image, so the codestreams it makes for
 * the other cases are trustworthy test input.
 */
final class JpegLsTestEncoder {

  private static final int[] J = {
    0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13,
    14, 15
  };

  /** What to encode and how. */
  record Settings(
      int precision,
      int near,
      int interleave,
      int[] preset,
      int restartInterval,
      int[] hFactors,
      int[] vFactors) {

    static Settings of(int precision, int near, int interleave) {
      return new Settings(precision, near, interleave, null, 0, null, null);
    }

    Settings withPreset(int maxVal, int t1, int t2, int t3, int reset) {
      return new Settings(
          precision,
          near,
          interleave,
          new int[] {maxVal, t1, t2, t3, reset},
          restartInterval,
          hFactors,
          vFactors);
    }

    Settings withRestartInterval(int lines) {
      return new Settings(precision, near, interleave, preset, lines, hFactors, vFactors);
    }

    Settings withSampling(int[] h, int[] v) {
      return new Settings(precision, near, interleave, preset, restartInterval, h, v);
    }
  }

  /**
   * A codestream and the samples a decoder must reconstruct from it (equal to the input when
   * lossless).
   */
  record Encoded(byte[] codestream, int[][] reconstructed) {}

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final JpegLsParameters p;
  private final int step;
  private final int[] a = new int[367];
  private final int[] b = new int[365];
  private final int[] c = new int[365];
  private final int[] n = new int[367];
  private final int[] nn = new int[2];
  private int[] runIndex;
  private int bitBuffer;
  private int bitCount;
  private int capacity = 8;
  private int lastByte;

  private JpegLsTestEncoder(JpegLsParameters p) {
    this.p = p;
    this.step = 2 * p.near + 1;
  }

  /**
   * Encodes component planes ({@code planes[c][y * w_c + x]}, each of its own size from the
   * sampling factors) of a {@code width x height} image.
   */
  static Encoded encode(int[][] planes, int width, int height, Settings s) throws Exception {
    int[][] recon = new int[planes.length][];
    for (int i = 0; i < planes.length; i++) {
      recon[i] = new int[planes[i].length];
    }
    int nc = planes.length;
    int[] h = s.hFactors() != null ? s.hFactors() : filled(nc);
    int[] v = s.vFactors() != null ? s.vFactors() : filled(nc);
    int hMax = Arrays.stream(h).max().orElse(1);
    int vMax = Arrays.stream(v).max().orElse(1);
    JpegLsParameters params = JpegLsParameters.of(s.precision(), s.near(), s.preset());
    ByteArrayOutputStream cs = new ByteArrayOutputStream();
    cs.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD8});
    segment(cs, 0xF7, sof(s.precision(), width, height, h, v));
    if (s.preset() != null) {
      byte[] lse = new byte[11];
      lse[0] = 1;
      for (int i = 0; i < 5; i++) {
        lse[1 + 2 * i] = (byte) (s.preset()[i] >> 8);
        lse[2 + 2 * i] = (byte) s.preset()[i];
      }
      segment(cs, 0xF8, lse);
    }
    if (s.restartInterval() > 0) {
      segment(cs, 0xDD, new byte[] {(byte) (s.restartInterval() >> 8), (byte) s.restartInterval()});
    }
    if (s.interleave() == 0) {
      for (int i = 0; i < nc; i++) {
        int w = (width * h[i] + hMax - 1) / hMax;
        int hh = (height * v[i] + vMax - 1) / vMax;
        segment(cs, 0xDA, sos(new int[] {i}, s));
        JpegLsTestEncoder e = new JpegLsTestEncoder(params);
        e.scan(new int[][] {planes[i]}, new int[][] {recon[i]}, w, hh, 0, s.restartInterval());
        cs.writeBytes(e.out.toByteArray());
      }
    } else {
      int[] all = new int[nc];
      for (int i = 0; i < nc; i++) {
        all[i] = i;
      }
      segment(cs, 0xDA, sos(all, s));
      JpegLsTestEncoder e = new JpegLsTestEncoder(params);
      e.scan(planes, recon, width, height, s.interleave(), s.restartInterval());
      cs.writeBytes(e.out.toByteArray());
    }
    cs.writeBytes(new byte[] {(byte) 0xFF, (byte) 0xD9});
    return new Encoded(cs.toByteArray(), recon);
  }

  private void scan(
      int[][] planes, int[][] recon, int w, int height, int ilv, int restartInterval) {
    int ns = planes.length;
    runIndex = new int[ns];
    reset();
    int[][] prev = new int[ns][w + 2];
    int[][] cur = new int[ns][w + 2];
    int rst = 0;
    for (int y = 0; y < height; y++) {
      if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
        flush();
        out.write(0xFF);
        out.write(0xD0 + rst);
        rst = (rst + 1) & 7;
        reset();
        for (int[] line : prev) {
          Arrays.fill(line, 0);
        }
      }
      int[][] source = new int[ns][];
      for (int i = 0; i < ns; i++) {
        prev[i][w + 1] = prev[i][w];
        cur[i][0] = prev[i][1];
        source[i] = Arrays.copyOfRange(planes[i], y * w, y * w + w);
      }
      if (ilv == 2) {
        samplesLine(source, prev, cur, w);
      } else {
        for (int i = 0; i < ns; i++) {
          line(source[i], prev[i], cur[i], w, i);
        }
      }
      for (int i = 0; i < ns; i++) {
        System.arraycopy(cur[i], 1, recon[i], y * w, w);
      }
      int[][] t = prev;
      prev = cur;
      cur = t;
    }
    flush();
  }

  private void reset() {
    int a0 = Math.max(2, (p.range + 32) / 64);
    Arrays.fill(a, a0);
    Arrays.fill(b, 0);
    Arrays.fill(c, 0);
    Arrays.fill(n, 1);
    nn[0] = 0;
    nn[1] = 0;
    Arrays.fill(runIndex, 0);
  }

  private void line(int[] src, int[] prev, int[] cur, int w, int slot) {
    int x = 1;
    while (x <= w) {
      int ra = cur[x - 1];
      int rb = prev[x];
      int rc = prev[x - 1];
      int rd = prev[x + 1];
      if (Math.abs(rd - rb) <= p.near
          && Math.abs(rb - rc) <= p.near
          && Math.abs(rc - ra) <= p.near) {
        int count = 0;
        while (x + count <= w && Math.abs(src[x + count - 1] - ra) <= p.near) {
          cur[x + count] = ra;
          count++;
        }
        boolean endOfLine = x + count > w;
        runLength(count, endOfLine, slot);
        x += count;
        if (!endOfLine) {
          cur[x] =
              interruption(src[x - 1], ra, prev[x], Math.abs(ra - prev[x]) <= p.near ? 1 : 0, slot);
          if (runIndex[slot] > 0) {
            runIndex[slot]--;
          }
          x++;
        }
      } else {
        cur[x] = regular(src[x - 1], ra, rb, rc, rd);
        x++;
      }
    }
  }

  private void samplesLine(int[][] src, int[][] prev, int[][] cur, int w) {
    int ns = src.length;
    int x = 1;
    while (x <= w) {
      boolean run = true;
      for (int i = 0; i < ns; i++) {
        int ra = cur[i][x - 1];
        int rb = prev[i][x];
        int rc = prev[i][x - 1];
        int rd = prev[i][x + 1];
        run &=
            Math.abs(rd - rb) <= p.near
                && Math.abs(rb - rc) <= p.near
                && Math.abs(rc - ra) <= p.near;
      }
      if (!run) {
        for (int i = 0; i < ns; i++) {
          cur[i][x] =
              regular(src[i][x - 1], cur[i][x - 1], prev[i][x], prev[i][x - 1], prev[i][x + 1]);
        }
        x++;
        continue;
      }
      int count = 0;
      while (x + count <= w && matches(src, cur, x, count)) {
        for (int i = 0; i < ns; i++) {
          cur[i][x + count] = cur[i][x - 1];
        }
        count++;
      }
      boolean endOfLine = x + count > w;
      runLength(count, endOfLine, 0);
      x += count;
      if (!endOfLine) {
        for (int i = 0; i < ns; i++) {
          cur[i][x] = interruption(src[i][x - 1], cur[i][x - 1], prev[i][x], 0, 0);
        }
        if (runIndex[0] > 0) {
          runIndex[0]--;
        }
        x++;
      }
    }
  }

  private boolean matches(int[][] src, int[][] cur, int x, int count) {
    for (int i = 0; i < src.length; i++) {
      if (Math.abs(src[i][x + count - 1] - cur[i][x - 1]) > p.near) {
        return false;
      }
    }
    return true;
  }

  private int quantize(int d) {
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

  private int regular(int ix, int ra, int rb, int rc, int rd) {
    int q1 = quantize(rd - rb);
    int q2 = quantize(rb - rc);
    int q3 = quantize(rc - ra);
    int sign = 1;
    if (q1 < 0 || (q1 == 0 && q2 < 0) || (q1 == 0 && q2 == 0 && q3 < 0)) {
      sign = -1;
      q1 = -q1;
      q2 = -q2;
      q3 = -q3;
    }
    int q = 81 * q1 + 9 * q2 + q3;
    int px = ra + rb - rc;
    if (rc >= Math.max(ra, rb)) {
      px = Math.min(ra, rb);
    } else if (rc <= Math.min(ra, rb)) {
      px = Math.max(ra, rb);
    }
    px = Math.max(0, Math.min(p.maxVal, px + sign * c[q]));
    int err = sign * (ix - px);
    if (p.near > 0) {
      err = err > 0 ? (p.near + err) / step : -((p.near - err) / step);
    }
    int rx = Math.max(0, Math.min(p.maxVal, px + sign * err * step));
    err = reduce(err);
    int k = 0;
    while ((n[q] << k) < a[q]) {
      k++;
    }
    int mapped;
    if (p.near == 0 && k == 0 && 2 * b[q] <= -n[q]) {
      mapped = err >= 0 ? 2 * err + 1 : -2 * (err + 1);
    } else {
      mapped = err >= 0 ? 2 * err : -2 * err - 1;
    }
    golomb(mapped, k, p.limit);
    b[q] += err * step;
    a[q] += Math.abs(err);
    if (n[q] == p.reset) {
      a[q] >>= 1;
      b[q] = b[q] >= 0 ? b[q] >> 1 : -((1 - b[q]) >> 1);
      n[q] >>= 1;
    }
    n[q]++;
    if (b[q] <= -n[q]) {
      b[q] += n[q];
      if (c[q] > -128) {
        c[q]--;
      }
      if (b[q] <= -n[q]) {
        b[q] = -n[q] + 1;
      }
    } else if (b[q] > 0) {
      b[q] -= n[q];
      if (c[q] < 127) {
        c[q]++;
      }
      if (b[q] > 0) {
        b[q] = 0;
      }
    }
    return rx;
  }

  private int reduce(int err) {
    if (err < 0) {
      err += p.range;
    }
    if (err >= (p.range + 1) / 2) {
      err -= p.range;
    }
    return err;
  }

  private void runLength(int count, boolean endOfLine, int slot) {
    while (count >= 1 << J[runIndex[slot]]) {
      bits(1, 1);
      count -= 1 << J[runIndex[slot]];
      if (runIndex[slot] < 31) {
        runIndex[slot]++;
      }
    }
    if (endOfLine) {
      if (count > 0) {
        bits(1, 1);
      }
    } else {
      bits(0, 1);
      bits(count, J[runIndex[slot]]);
    }
  }

  private int interruption(int ix, int ra, int rb, int riType, int slot) {
    int px = riType == 1 ? ra : rb;
    int sign = riType == 0 && ra > rb ? -1 : 1;
    int err = sign * (ix - px);
    if (p.near > 0) {
      err = err > 0 ? (p.near + err) / step : -((p.near - err) / step);
    }
    int rx = Math.max(0, Math.min(p.maxVal, px + sign * err * step));
    err = reduce(err);
    int q = 365 + riType;
    int temp = riType == 0 ? a[q] : a[q] + (n[q] >> 1);
    int k = 0;
    while ((n[q] << k) < temp) {
      k++;
    }
    boolean map =
        (k == 0 && err > 0 && 2 * nn[riType] < n[q])
            || (err < 0 && 2 * nn[riType] >= n[q])
            || (err < 0 && k != 0);
    int mapped = 2 * Math.abs(err) - riType - (map ? 1 : 0);
    golomb(mapped, k, p.limit - J[runIndex[slot]] - 1);
    if (err < 0) {
      nn[riType]++;
    }
    a[q] += (mapped + 1 - riType) >> 1;
    if (n[q] == p.reset) {
      a[q] >>= 1;
      n[q] >>= 1;
      nn[riType] >>= 1;
    }
    n[q]++;
    return rx;
  }

  private void golomb(int mapped, int k, int glimit) {
    int high = mapped >> k;
    if (high < glimit - p.qbpp - 1) {
      bits(0, high);
      bits(1, 1);
      bits(mapped & ((1 << k) - 1), k);
    } else {
      bits(0, glimit - p.qbpp - 1);
      bits(1, 1);
      bits(mapped - 1, p.qbpp);
    }
  }

  /**
   * Writes the {@code count} low bits of {@code value}, most significant first, with bit stuffing
   * after 0xFF.
   */
  private void bits(int value, int count) {
    for (int i = count - 1; i >= 0; i--) {
      bitBuffer = (bitBuffer << 1) | ((value >>> i) & 1);
      if (++bitCount == capacity) {
        emit();
      }
    }
  }

  private void emit() {
    out.write(bitBuffer);
    lastByte = bitBuffer;
    capacity = bitBuffer == 0xFF ? 7 : 8;
    bitBuffer = 0;
    bitCount = 0;
  }

  /** Pads the last byte with zeros; a final 0xFF gets its stuffed zero bit in one more byte. */
  private void flush() {
    if (bitCount > 0) {
      bitBuffer <<= capacity - bitCount;
      emit();
    }
    if (lastByte == 0xFF) {
      emit(); // 0x00: the stuffed bit and padding
    }
    capacity = 8;
    lastByte = 0;
  }

  private static byte[] sof(int precision, int width, int height, int[] h, int[] v) {
    byte[] sof = new byte[6 + 3 * h.length];
    sof[0] = (byte) precision;
    sof[1] = (byte) (height >> 8);
    sof[2] = (byte) height;
    sof[3] = (byte) (width >> 8);
    sof[4] = (byte) width;
    sof[5] = (byte) h.length;
    for (int i = 0; i < h.length; i++) {
      sof[6 + 3 * i] = (byte) (i + 1);
      sof[7 + 3 * i] = (byte) (h[i] << 4 | v[i]);
    }
    return sof;
  }

  private static byte[] sos(int[] components, Settings s) {
    byte[] sos = new byte[4 + 2 * components.length];
    sos[0] = (byte) components.length;
    for (int i = 0; i < components.length; i++) {
      sos[1 + 2 * i] = (byte) (components[i] + 1);
    }
    sos[1 + 2 * components.length] = (byte) s.near();
    sos[2 + 2 * components.length] = (byte) (components.length == 1 ? 0 : s.interleave());
    return sos;
  }

  private static void segment(ByteArrayOutputStream cs, int marker, byte[] params) {
    cs.write(0xFF);
    cs.write(marker);
    cs.write((params.length + 2) >> 8);
    cs.write(params.length + 2);
    cs.writeBytes(params);
  }

  private static int[] filled(int n) {
    int[] f = new int[n];
    Arrays.fill(f, 1);
    return f;
  }
}
