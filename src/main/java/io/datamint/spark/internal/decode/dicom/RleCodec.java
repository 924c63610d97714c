package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;

/**
 * RLE Lossless (PS3.5 Annex G): a 64-byte header with up to 15 segment offsets, then one
 * PackBits-compressed segment per byte plane, most significant byte first, sample after sample (so
 * 16-bit RGB has 6 segments). Output is planar. Works for 8, 16 and 32 bits allocated and any
 * number of samples per pixel.
 */
final class RleCodec implements EncapsulatedCodec {

  @Override
  public FrameSamples decode(byte[] cs, FrameSpec spec) throws DecodeException {
    int frame = spec.frameIndex();
    if (spec.bitsAllocated() % 8 != 0) {
      throw new DecodeException(
          "RLE frame "
              + frame
              + ": Bits Allocated "
              + spec.bitsAllocated()
              + " is not a whole number of bytes");
    }
    if (cs.length < 64) {
      throw new DecodeException(
          "RLE frame " + frame + " is " + cs.length + " bytes, shorter than its 64-byte header");
    }
    int bytesPerSample = spec.bitsAllocated() / 8;
    int expected = spec.samplesPerPixel() * bytesPerSample;
    long segments = Bytes.u32(cs, 0, false);
    if (segments != expected) {
      throw new DecodeException(
          "RLE frame "
              + frame
              + " has "
              + segments
              + " segments; "
              + spec.samplesPerPixel()
              + " samples per pixel of "
              + spec.bitsAllocated()
              + " bits need "
              + expected);
    }
    if (expected > 15) {
      throw new DecodeException(
          "RLE frame " + frame + " would need " + expected + " segments; at most 15 exist");
    }
    long[] offsets = new long[expected + 1];
    for (int i = 0; i < expected; i++) {
      offsets[i] = Bytes.u32(cs, 4 + 4 * i, false);
      if (offsets[i] < 64 || offsets[i] > cs.length || i > 0 && offsets[i] < offsets[i - 1]) {
        throw new DecodeException(
            "RLE frame "
                + frame
                + ": segment "
                + i
                + " has offset "
                + offsets[i]
                + ", outside the "
                + cs.length
                + "-byte frame or before the previous segment");
      }
    }
    offsets[expected] = cs.length;
    int pixels = spec.rows() * spec.columns();
    int[] out = new int[pixels * spec.samplesPerPixel()];
    byte[] plane = new byte[pixels];
    for (int sample = 0; sample < spec.samplesPerPixel(); sample++) {
      int base = sample * pixels;
      for (int b = 0; b < bytesPerSample; b++) {
        int segment = sample * bytesPerSample + b;
        int decoded = unpackBits(cs, (int) offsets[segment], (int) offsets[segment + 1], plane);
        if (decoded < pixels) {
          throw new DecodeException(
              "RLE frame "
                  + frame
                  + ": segment "
                  + segment
                  + " decodes to "
                  + decoded
                  + " bytes, but "
                  + spec.rows()
                  + " x "
                  + spec.columns()
                  + " pixels need "
                  + pixels);
        }
        for (int p = 0; p < pixels; p++) {
          out[base + p] = out[base + p] << 8 | (plane[p] & 0xFF);
        }
      }
    }
    return FrameSamples.planar(spec.rows(), spec.columns(), spec.samplesPerPixel(), out, 0, null);
  }

  /**
   * Decodes PackBits from {@code src[start, end)} into {@code out}, stopping when it is full;
   * returns the bytes written. A header byte n of 0..127 copies n+1 literal bytes, -1..-127 repeats
   * the next byte 1-n times, -128 is a no-op.
   */
  static int unpackBits(byte[] src, int start, int end, byte[] out) {
    int in = start;
    int o = 0;
    while (in < end && o < out.length) {
      int n = src[in++];
      if (n >= 0) {
        int count = Math.min(Math.min(n + 1, end - in), out.length - o);
        System.arraycopy(src, in, out, o, count);
        in += n + 1;
        o += count;
      } else if (n != -128) {
        if (in >= end) {
          break;
        }
        byte value = src[in++];
        int count = Math.min(1 - n, out.length - o);
        for (int i = 0; i < count; i++) {
          out[o + i] = value;
        }
        o += count;
      }
    }
    return o;
  }
}
