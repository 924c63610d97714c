package io.datamint.spark.internal.decode.raster;

import jdk.incubator.vector.ByteVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Paeth filter of 8-bit RGB and RGBA rows reversed one pixel per step with the channels side by
 * side in the lanes of a 128-bit vector (the incubating Vector API, {@code jdk.incubator.vector};
 * loaded only where {@link PngPlaneUnfilter} finds that module). The filter's dependency runs along
 * the row (each pixel's prediction needs the pixel just decoded), so the lanes are the channels:
 * the predictor's dozen operations per pixel become as many vector instructions for all channels at
 * once, instead of that many per channel (issue 17: 2.4x the scalar loop on the harness's RGB
 * photos, the scatter into the planes included). The predictor is the specification's, with its tie
 * order: with {@code p = b - c}, {@code pa = |p|}, {@code pb = |a - c|} and {@code pc = |p + a -
 * c|}, {@code b} when {@code pb < pa}, then {@code c} when {@code pc} is below the smaller of the
 * two, else {@code a}.
 *
 * <p>The upper bytes are read from the output's row above, the decoded bytes written into their
 * planes, as {@link PngPlaneUnfilter} does; the filtered bytes are read eight at a time, so the
 * last pixels, whose eight bytes would pass the end of {@code in}, are decoded one channel at a
 * time with {@link PngFilters#predict}.
 */
final class PngVectorPaeth {

  private static final VectorSpecies<Integer> INTS = IntVector.SPECIES_128;
  private static final VectorSpecies<Byte> BYTES = ByteVector.SPECIES_64;

  private PngVectorPaeth() {}

  /**
   * Unfilters one Paeth row of 3 ({@code o3 < 0}) or 4 channels: the filtered bytes from {@code
   * in[i]}, channel {@code k}'s decoded bytes to {@code out[ok..ok+width)}, the row above at {@code
   * out[ok-up..]}.
   */
  static void unfilter(
      byte[] in, int i, byte[] out, int o0, int o1, int o2, int o3, int up, int width) {
    int channels = o3 < 0 ? 3 : 4;
    // the pixels whose eight bytes are within in
    int room = in.length - i - BYTES.length();
    int end = room < 0 ? 0 : Math.min(width, room / channels + 1);
    int[] left = new int[4];
    int[] upperLeft = new int[4];
    if (channels == 3) {
      rgb(in, i, out, o0, o1, o2, up, end, left, upperLeft);
    } else {
      rgba(in, i, out, o0, o1, o2, o3, up, end, left, upperLeft);
    }
    int[] o = {o0, o1, o2, o3};
    for (int k = 0; k < channels; k++) {
      int a = left[k];
      int c = upperLeft[k];
      for (int x = end; x < width; x++) {
        int b = out[o[k] + x - up] & 0xFF;
        a = (in[i + channels * x + k] + PngFilters.predict(a, b, c)) & 0xFF;
        out[o[k] + x] = (byte) a;
        c = b;
      }
    }
  }

  // Pixels 0..end) of 3 and 4 channels; the last pixel's bytes, left and upper-left, as ints into
  // left and upperLeft for the scalar rest (no vector leaves these loops: nothing to box).

  private static void rgb(
      byte[] in,
      int i,
      byte[] out,
      int o0,
      int o1,
      int o2,
      int up,
      int end,
      int[] left,
      int[] upperLeft) {
    IntVector a = IntVector.zero(INTS);
    IntVector c = a;
    for (int x = 0; x < end; x++) {
      int d = x - up;
      IntVector b =
          IntVector.zero(INTS)
              .withLane(0, out[o0 + d] & 0xFF)
              .withLane(1, out[o1 + d] & 0xFF)
              .withLane(2, out[o2 + d] & 0xFF);
      a = step(a, b, c, in, i + 3 * x);
      out[o0 + x] = (byte) a.lane(0);
      out[o1 + x] = (byte) a.lane(1);
      out[o2 + x] = (byte) a.lane(2);
      c = b;
    }
    a.intoArray(left, 0);
    c.intoArray(upperLeft, 0);
  }

  private static void rgba(
      byte[] in,
      int i,
      byte[] out,
      int o0,
      int o1,
      int o2,
      int o3,
      int up,
      int end,
      int[] left,
      int[] upperLeft) {
    IntVector a = IntVector.zero(INTS);
    IntVector c = a;
    for (int x = 0; x < end; x++) {
      int d = x - up;
      IntVector b =
          IntVector.zero(INTS)
              .withLane(0, out[o0 + d] & 0xFF)
              .withLane(1, out[o1 + d] & 0xFF)
              .withLane(2, out[o2 + d] & 0xFF)
              .withLane(3, out[o3 + d] & 0xFF);
      a = step(a, b, c, in, i + 4 * x);
      out[o0 + x] = (byte) a.lane(0);
      out[o1 + x] = (byte) a.lane(1);
      out[o2 + x] = (byte) a.lane(2);
      out[o3 + x] = (byte) a.lane(3);
      c = b;
    }
    a.intoArray(left, 0);
    c.intoArray(upperLeft, 0);
  }

  /** One pixel: the filtered bytes at {@code in[r]} plus the predictor of a, b and c. */
  private static IntVector step(IntVector a, IntVector b, IntVector c, byte[] in, int r) {
    IntVector raw =
        (IntVector) ByteVector.fromArray(BYTES, in, r).convertShape(VectorOperators.B2I, INTS, 0);
    IntVector p = b.sub(c);
    IntVector pa = p.abs();
    IntVector ac = a.sub(c);
    IntVector pb = ac.abs();
    IntVector pc = p.add(ac).abs();
    IntVector predicted = a.blend(b, pb.lt(pa));
    predicted = predicted.blend(c, pc.lt(pa.min(pb)));
    return raw.add(predicted).and(0xFF);
  }
}
