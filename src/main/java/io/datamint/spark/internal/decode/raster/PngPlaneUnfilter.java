package io.datamint.spark.internal.decode.raster;

/**
 * Unfilters inflated 8-bit PNG rows of 2 to 4 channels (grey + alpha, RGB, RGBA) straight into the
 * planes of a {@code (1, C, H, W)} array, in one pass per row: each byte is read once from the
 * inflated data, its filter reversed against the left, upper and upper-left bytes already in the
 * output (the row above is the output's previous row of the same plane), and stored once at its
 * place in its plane. No row buffer, no second pass to scatter the pixel-interleaved samples (issue
 * 17: for 8-bit RGB the unfilter and that scatter were 35% and 13% of a read).
 *
 * <p>Every filter relates only bytes of the same channel, a strided run in the inflated row and a
 * contiguous one in its plane. None, Sub and Up run channel by channel (no dependency between
 * pixels, or one add); Average and Paeth, whose prediction depends on the byte just decoded, run
 * all channels of a pixel side by side, so that their dependency chains overlap, in one loop per
 * channel count (2: grey + alpha, 3: RGB, 4: RGBA) whose constant strides let the JIT drop the
 * array bounds checks; Paeth for RGB and RGBA runs one pixel per step with the channels in vector
 * lanes ({@link PngVectorPaeth}) where the JVM has the Vector API. The first row, with no row
 * above, uses the filters with the upper bytes zero (Up is None, Paeth is Sub). The pixels are
 * those of {@link PngFilters} followed by {@link PngPlanes} (the tests compare both with the
 * specification on every filter and channel count); 16-bit samples and a tRNS colour's alpha plane
 * are not written here (the decoder takes that path for them).
 */
final class PngPlaneUnfilter {

  /** Whether the Vector API's module is in the JVM and {@link PngVectorPaeth} works there. */
  private static final boolean VECTOR_API = vectorApi();

  private final byte[] out;
  private final boolean vector;
  private final int width;
  private final int channels; // bytes per pixel
  private final int up; // the distance to the same channel's byte in the row above
  private final int plane;

  /**
   * @param out the output array's bytes, {@code channels * height * width} of them
   * @param channels 2 to 4
   */
  PngPlaneUnfilter(byte[] out, int width, int height, int channels) {
    this(out, width, height, channels, true);
  }

  /**
   * As above; Paeth rows of 3 or 4 channels go through the Vector API ({@link PngVectorPaeth}) when
   * {@code vector} is true and {@link #vectorApi()} (the tests and the decoder benchmark compare
   * both).
   */
  PngPlaneUnfilter(byte[] out, int width, int height, int channels, boolean vector) {
    if (channels < 2 || channels > 4) {
      throw new IllegalArgumentException("channels " + channels + ", accepted: 2 to 4");
    }
    this.out = out;
    this.vector = vector && VECTOR_API && channels >= 3;
    this.width = width;
    this.channels = channels;
    this.up = width;
    this.plane = Math.multiplyExact(width, height);
  }

  /**
   * Unfilters row {@code y}, whose filter type is {@code in[at]} and whose bytes follow it, into
   * the planes; rows are written in order from 0.
   *
   * @return false when the filter type is not one of the five (nothing is written)
   */
  boolean write(byte[] in, int at, int y) {
    int filter = in[at] & 0xFF;
    int row = y * width;
    int i = at + 1;
    if (y == 0 && filter >= PngFilters.UP && filter <= PngFilters.PAETH) {
      firstRow(filter, in, i);
      return true;
    }
    switch (filter) {
      case PngFilters.NONE -> {
        for (int c = 0; c < channels; c++) {
          none(in, i + c, c * plane + row);
        }
      }
      case PngFilters.SUB -> {
        for (int c = 0; c < channels; c++) {
          sub(in, i + c, c * plane + row);
        }
      }
      case PngFilters.UP -> {
        for (int c = 0; c < channels; c++) {
          up(in, i + c, c * plane + row);
        }
      }
      case PngFilters.AVERAGE -> average(in, i, row);
      case PngFilters.PAETH -> paeth(in, i, row);
      default -> {
        return false;
      }
    }
    return true;
  }

  /** Row 0: Up is None, Paeth is Sub, Average adds half the left byte. */
  private void firstRow(int filter, byte[] in, int i) {
    for (int c = 0; c < channels; c++) {
      switch (filter) {
        case PngFilters.UP -> none(in, i + c, c * plane);
        case PngFilters.PAETH -> sub(in, i + c, c * plane);
        default -> averageFirstRow(in, i + c, c * plane);
      }
    }
  }

  // None, Sub, Up and Average on row 0: one channel, its first byte at in[i], to out[o..o+width)

  private void none(byte[] in, int i, int o) {
    for (int x = 0; x < width; x++) {
      out[o + x] = in[i + x * channels];
    }
  }

  private void sub(byte[] in, int i, int o) {
    int a = 0;
    for (int x = 0; x < width; x++) {
      a += in[i + x * channels];
      out[o + x] = (byte) a;
    }
  }

  private void up(byte[] in, int i, int o) {
    for (int x = 0; x < width; x++) {
      out[o + x] = (byte) (in[i + x * channels] + out[o + x - up]);
    }
  }

  private void averageFirstRow(byte[] in, int i, int o) {
    int a = 0;
    for (int x = 0; x < width; x++) {
      a = (in[i + x * channels] + (a >>> 1)) & 0xFF;
      out[o + x] = (byte) a;
    }
  }

  private void average(byte[] in, int i, int row) {
    switch (channels) {
      case 2 -> average2(in, i, row, plane + row);
      case 3 -> average3(in, i, row, plane + row, 2 * plane + row);
      default -> average4(in, i, row, plane + row, 2 * plane + row, 3 * plane + row);
    }
  }

  /**
   * Whether the JVM has the incubating Vector API ({@code --add-modules jdk.incubator.vector}, as
   * Spark's launcher adds on Java 17) and {@link PngVectorPaeth} links there; where not, every row
   * takes the scalar loops.
   */
  static boolean vectorApi() {
    if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
      return false;
    }
    try {
      byte[] plane = new byte[4];
      PngVectorPaeth.unfilter(new byte[] {1, 2, 3, 0, 0, 0, 0, 0}, 0, plane, 1, 2, 3, -1, 1, 1);
      return plane[1] == 1 && plane[2] == 2 && plane[3] == 3;
    } catch (LinkageError e) {
      return false;
    }
  }

  private void paeth(byte[] in, int i, int row) {
    if (vector) {
      int o3 = channels == 4 ? 3 * plane + row : -1;
      PngVectorPaeth.unfilter(in, i, out, row, plane + row, 2 * plane + row, o3, up, width);
      return;
    }
    switch (channels) {
      case 2 -> paeth2(in, i, row, plane + row);
      case 3 -> paeth3(in, i, row, plane + row, 2 * plane + row);
      default -> paeth4(in, i, row, plane + row, 2 * plane + row, 3 * plane + row);
    }
  }

  // Average and Paeth per channel count, the channels' first bytes at in[i] and their planes' row
  // at out[o0], out[o1], ...: the left bytes (a) and the upper-left ones (c) in registers, the
  // upper ones (b) read from the row above in the output; pixel 0 has a = c = 0.

  private void average2(byte[] in, int i, int o0, int o1) {
    int a0 = 0;
    int a1 = 0;
    for (int x = 0; x < width; x++) {
      int r = i + 2 * x;
      a0 = (in[r] + ((a0 + (out[o0 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      a1 = (in[r + 1] + ((a1 + (out[o1 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      out[o0 + x] = (byte) a0;
      out[o1 + x] = (byte) a1;
    }
  }

  private void average3(byte[] in, int i, int o0, int o1, int o2) {
    int a0 = 0;
    int a1 = 0;
    int a2 = 0;
    for (int x = 0; x < width; x++) {
      int r = i + 3 * x;
      a0 = (in[r] + ((a0 + (out[o0 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      a1 = (in[r + 1] + ((a1 + (out[o1 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      a2 = (in[r + 2] + ((a2 + (out[o2 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      out[o0 + x] = (byte) a0;
      out[o1 + x] = (byte) a1;
      out[o2 + x] = (byte) a2;
    }
  }

  private void average4(byte[] in, int i, int o0, int o1, int o2, int o3) {
    int a0 = 0;
    int a1 = 0;
    int a2 = 0;
    int a3 = 0;
    for (int x = 0; x < width; x++) {
      int r = i + 4 * x;
      a0 = (in[r] + ((a0 + (out[o0 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      a1 = (in[r + 1] + ((a1 + (out[o1 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      a2 = (in[r + 2] + ((a2 + (out[o2 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      a3 = (in[r + 3] + ((a3 + (out[o3 + x - up] & 0xFF)) >>> 1)) & 0xFF;
      out[o0 + x] = (byte) a0;
      out[o1 + x] = (byte) a1;
      out[o2 + x] = (byte) a2;
      out[o3 + x] = (byte) a3;
    }
  }

  private void paeth2(byte[] in, int i, int o0, int o1) {
    int a0 = 0;
    int a1 = 0;
    int c0 = 0;
    int c1 = 0;
    for (int x = 0; x < width; x++) {
      int r = i + 2 * x;
      int b0 = out[o0 + x - up] & 0xFF;
      int b1 = out[o1 + x - up] & 0xFF;
      a0 = (in[r] + PngFilters.predict(a0, b0, c0)) & 0xFF;
      a1 = (in[r + 1] + PngFilters.predict(a1, b1, c1)) & 0xFF;
      out[o0 + x] = (byte) a0;
      out[o1 + x] = (byte) a1;
      c0 = b0;
      c1 = b1;
    }
  }

  private void paeth3(byte[] in, int i, int o0, int o1, int o2) {
    int a0 = 0;
    int a1 = 0;
    int a2 = 0;
    int c0 = 0;
    int c1 = 0;
    int c2 = 0;
    for (int x = 0; x < width; x++) {
      int r = i + 3 * x;
      int b0 = out[o0 + x - up] & 0xFF;
      int b1 = out[o1 + x - up] & 0xFF;
      int b2 = out[o2 + x - up] & 0xFF;
      a0 = (in[r] + PngFilters.predict(a0, b0, c0)) & 0xFF;
      a1 = (in[r + 1] + PngFilters.predict(a1, b1, c1)) & 0xFF;
      a2 = (in[r + 2] + PngFilters.predict(a2, b2, c2)) & 0xFF;
      out[o0 + x] = (byte) a0;
      out[o1 + x] = (byte) a1;
      out[o2 + x] = (byte) a2;
      c0 = b0;
      c1 = b1;
      c2 = b2;
    }
  }

  private void paeth4(byte[] in, int i, int o0, int o1, int o2, int o3) {
    int a0 = 0;
    int a1 = 0;
    int a2 = 0;
    int a3 = 0;
    int c0 = 0;
    int c1 = 0;
    int c2 = 0;
    int c3 = 0;
    for (int x = 0; x < width; x++) {
      int r = i + 4 * x;
      int b0 = out[o0 + x - up] & 0xFF;
      int b1 = out[o1 + x - up] & 0xFF;
      int b2 = out[o2 + x - up] & 0xFF;
      int b3 = out[o3 + x - up] & 0xFF;
      a0 = (in[r] + PngFilters.predict(a0, b0, c0)) & 0xFF;
      a1 = (in[r + 1] + PngFilters.predict(a1, b1, c1)) & 0xFF;
      a2 = (in[r + 2] + PngFilters.predict(a2, b2, c2)) & 0xFF;
      a3 = (in[r + 3] + PngFilters.predict(a3, b3, c3)) & 0xFF;
      out[o0 + x] = (byte) a0;
      out[o1 + x] = (byte) a1;
      out[o2 + x] = (byte) a2;
      out[o3 + x] = (byte) a3;
      c0 = b0;
      c1 = b1;
      c2 = b2;
      c3 = b3;
    }
  }
}
