package io.datamint.spark.internal.decode.jpeg;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Codestream surgery and robustness checks shared by the JPEG and JPEG-LS tests. */
final class Codestreams {

  /** A decoder under test. */
  interface Decoder {
    JpegSamples decode(byte[] codestream, DecodeLimits limits) throws DecodeException;
  }

  /** What the robustness checks saw. */
  record Outcome(int decoded, int rejected) {}

  private Codestreams() {}

  /** The position of the last EOI marker (the end of the last scan's entropy-coded data). */
  static int eoiPosition(byte[] cs) {
    for (int i = cs.length - 2; i >= 0; i--) {
      if ((cs[i] & 0xFF) == 0xFF && (cs[i + 1] & 0xFF) == 0xD9) {
        return i;
      }
    }
    throw new AssertionError("no EOI marker");
  }

  /** The position right after the (first) SOS marker segment. */
  static int afterSos(byte[] cs) {
    int p = 2;
    while (p + 4 <= cs.length) {
      assertThat(cs[p] & 0xFF).as("marker at " + p).isEqualTo(0xFF);
      int marker = cs[p + 1] & 0xFF;
      int length = (cs[p + 2] & 0xFF) << 8 | (cs[p + 3] & 0xFF);
      p += 2 + length;
      if (marker == 0xDA) {
        return p;
      }
    }
    throw new AssertionError("no SOS marker");
  }

  /**
   * Joins single-scan codestreams of consecutive horizontal strips, coded independently with
   * identical tables and parameters, into one codestream with a restart marker between strips: a
   * restart interval starts coding afresh (zero DC predictors in JPEG; initial contexts and an
   * all-zero previous line in JPEG-LS), which is exactly how an independent image begins. The frame
   * height becomes {@code height} and a DRI segment with {@code restartInterval} (MCUs, or lines
   * for JPEG-LS) is inserted before the SOS.
   */
  static byte[] spliceWithRestarts(List<byte[]> strips, int height, int restartInterval) {
    byte[] first = strips.get(0);
    int sosStart = -1;
    int p = 2;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    while (true) {
      int marker = first[p + 1] & 0xFF;
      int length = (first[p + 2] & 0xFF) << 8 | (first[p + 3] & 0xFF);
      if (marker == 0xDA) {
        sosStart = p;
        break;
      }
      byte[] segment = Arrays.copyOfRange(first, p, p + 2 + length);
      if (marker == 0xC0 || marker == 0xC1 || marker == 0xF7) {
        segment[5] = (byte) (height >> 8);
        segment[6] = (byte) height;
      }
      out.writeBytes(segment);
      p += 2 + length;
    }
    out.writeBytes(
        new byte[] {
          (byte) 0xFF, (byte) 0xDD, 0, 4, (byte) (restartInterval >> 8), (byte) restartInterval
        });
    out.write(first, sosStart, afterSos(first) - sosStart);
    for (int i = 0; i < strips.size(); i++) {
      byte[] strip = strips.get(i);
      if (i > 0) {
        out.write(0xFF);
        out.write(0xD0 + ((i - 1) & 7));
      }
      int start = afterSos(strip);
      out.write(strip, start, eoiPosition(strip) - start);
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  /**
   * Cuts {@code cs} at many lengths: every cut inside the header or the entropy-coded data must
   * give a {@link DecodeException} that is not an internal error; cuts at or after the EOI marker
   * (the data is complete) must decode to {@code full}. A cut of the last byte before EOI may go
   * either way, since encoders may end the data with a byte of pure padding (CharLS sometimes
   * writes a final 0xFF of padding bits).
   */
  static int assertTruncationsRejected(Decoder decoder, byte[] cs, JpegSamples full, int maxTrials)
      throws DecodeException {
    int eoi = eoiPosition(cs);
    int trials = 0;
    int step = Math.max(1, eoi / maxTrials);
    for (int length = 0;
        length < cs.length;
        length += length < 64 || length > eoi - 64 ? 1 : step) {
      byte[] cut = Arrays.copyOf(cs, length);
      trials++;
      if (length == eoi - 1) {
        try {
          assertThat(decoder.decode(cut, DecodeLimits.defaults())).isEqualTo(full);
        } catch (DecodeException e) {
          assertNotInternal(e, "cut to " + length + " bytes");
        }
      } else if (length < eoi) {
        final int l = length;
        try {
          JpegSamples s = decoder.decode(cut, DecodeLimits.defaults());
          throw new AssertionError(
              "a codestream cut to " + l + " of " + cs.length + " bytes decoded: " + s);
        } catch (DecodeException e) {
          assertNotInternal(e, "cut to " + l + " bytes");
        }
      } else {
        assertThat(decoder.decode(cut, DecodeLimits.defaults()))
            .as("cut after the entropy-coded data at " + length)
            .isEqualTo(full);
      }
    }
    return trials;
  }

  /**
   * Flips random bits (one to three per trial) and decodes: the result may be an image (corruption
   * cannot always be detected) or a {@link DecodeException}, never another exception.
   */
  static Outcome assertBitFlipsHandled(Decoder decoder, byte[] cs, int trials, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    DecodeLimits limits = new DecodeLimits(64L << 20);
    int decoded = 0;
    int rejected = 0;
    for (int t = 0; t < trials; t++) {
      byte[] bad = cs.clone();
      int flips = 1 + random.nextInt(3);
      StringBuilder where = new StringBuilder();
      for (int f = 0; f < flips; f++) {
        int bit = random.nextInt(bad.length * 8);
        bad[bit >> 3] ^= (byte) (0x80 >>> (bit & 7));
        where.append(' ').append(bit >> 3).append('.').append(bit & 7);
      }
      try {
        decoder.decode(bad, limits);
        decoded++;
      } catch (DecodeException e) {
        assertNotInternal(e, "bits flipped at" + where);
        rejected++;
      } catch (RuntimeException e) {
        throw new AssertionError("bits flipped at" + where + ": " + e, e);
      }
    }
    return new Outcome(decoded, rejected);
  }

  static void assertNotInternal(DecodeException e, String what) {
    if (e.getCause() instanceof RuntimeException || e.getMessage().startsWith("internal error")) {
      throw new AssertionError(what + ": internal error " + e.getMessage(), e);
    }
  }
}
