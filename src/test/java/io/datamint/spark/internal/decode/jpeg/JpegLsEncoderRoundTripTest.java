package io.datamint.spark.internal.decode.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What no installed encoder produces: every precision from 2 to 16 bits, MAXVAL below 2^P - 1,
 * custom thresholds and RESET, restart intervals in every interleave mode, subsampled components.
 * The codestreams come from {@link JpegLsTestEncoder}, whose entropy-coded output is first shown
 * identical to CharLS's (dcmcjpls) on the configurations both can encode.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@Tag("spark-independent")
class JpegLsEncoderRoundTripTest {

  @TempDir Path work;

  /**
   * name, components, bits (8 or 16: dcmcjpls codes P = bits allocated), dcmcjpls options, NEAR,
   * ILV.
   */
  static Stream<Arguments> charLsConfigurations() {
    return Stream.of(
        Arguments.of("gray8", 1, 8, List.of(), 0, 0),
        Arguments.of("gray16", 1, 16, List.of(), 0, 0),
        Arguments.of("gray16-near3", 1, 16, List.of("+en", "+md", "3"), 3, 0),
        Arguments.of("rgb8-line", 3, 8, List.of("+il"), 0, 1),
        Arguments.of("rgb8-sample", 3, 8, List.of("+is"), 0, 2),
        Arguments.of("rgb8-none", 3, 8, List.of("+in"), 0, 0),
        Arguments.of("rgb8-line-near2", 3, 8, List.of("+il", "+en", "+md", "2"), 2, 1),
        Arguments.of("rgb8-none-near2", 3, 8, List.of("+in", "+en", "+md", "2"), 2, 0));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("charLsConfigurations")
  void testEncoderWritesWhatCharLsWrites(
      String name, int components, int bits, List<String> options, int near, int ilv)
      throws Exception {
    Dcmtk.assumeInstalled("dcmcjpls");
    SyntheticDicom.Image image = SyntheticDicom.picture(67, 45, components, bits, name.hashCode());
    Path raw = SyntheticDicom.write(image, bits, work.resolve(name + ".dcm"));
    Path jls = work.resolve(name + ".jls.dcm");
    List<String> command = new ArrayList<>(List.of("dcmcjpls"));
    command.addAll(options);
    command.add(raw.toString());
    command.add(jls.toString());
    Dcmtk.run(command.toArray(String[]::new));
    byte[] charLs = Dcmtk.frame(jls, 0, work);

    byte[] ours =
        JpegLsTestEncoder.encode(
                planes(image), 67, 45, JpegLsTestEncoder.Settings.of(bits, near, ilv))
            .codestream();

    List<byte[]> expected = entropySegments(charLs);
    List<byte[]> actual = entropySegments(ours);
    assertThat(actual).hasSameSizeAs(expected);
    for (int i = 0; i < expected.size(); i++) {
      // CharLS sometimes ends the data with an extra 0xFF byte of padding bits, which decoders
      // ignore
      assertThat(withoutFinalFf(actual.get(i)))
          .as("scan " + i + " entropy-coded data")
          .isEqualTo(withoutFinalFf(expected.get(i)));
    }
  }

  static Stream<Arguments> precisions() {
    return IntStream.rangeClosed(2, 16).mapToObj(Arguments::of);
  }

  @ParameterizedTest(name = "P={0}")
  @MethodSource("precisions")
  void everyPrecisionDecodesToTheEncodersReconstruction(int precision) throws Exception {
    int maxVal = (1 << precision) - 1;
    int near = Math.min(2, maxVal / 2);
    int t1 = Math.min(maxVal, near + 2);
    int t2 = Math.min(maxVal, t1 + 2);
    int t3 = Math.min(maxVal, t2 + 5);
    List<JpegLsTestEncoder.Settings> settings =
        List.of(
            JpegLsTestEncoder.Settings.of(precision, 0, 0),
            JpegLsTestEncoder.Settings.of(precision, 0, 1).withRestartInterval(4),
            JpegLsTestEncoder.Settings.of(precision, near, 2).withRestartInterval(3),
            JpegLsTestEncoder.Settings.of(precision, near, 0).withRestartInterval(1),
            JpegLsTestEncoder.Settings.of(precision, Math.min(1, near), 0)
                .withPreset(maxVal - 1, 0, 0, 0, 16),
            JpegLsTestEncoder.Settings.of(precision, near, 2).withPreset(0, t1, t2, t3, 0),
            JpegLsTestEncoder.Settings.of(precision, near, 1).withPreset(0, t1, t2, t3, 200),
            JpegLsTestEncoder.Settings.of(precision, 0, 0)
                .withSampling(new int[] {2, 1, 1}, new int[] {2, 1, 1}),
            JpegLsTestEncoder.Settings.of(precision, 0, 0)
                .withSampling(new int[] {1, 2, 1}, new int[] {2, 1, 1}));
    int width = 41;
    int height = 23;
    for (JpegLsTestEncoder.Settings s : settings) {
      int components =
          s.interleave() == 0 && s.hFactors() == null && s.near() == 0 && s.preset() == null
              ? 1
              : 3;
      SyntheticDicom.Image image =
          SyntheticDicom.picture(width, height, components, precision, precision * 31L);
      int limit = s.preset() != null && s.preset()[0] != 0 ? s.preset()[0] : maxVal;
      int[][] planes = subsampledPlanes(image, s, limit);
      JpegLsTestEncoder.Encoded e = JpegLsTestEncoder.encode(planes, width, height, s);

      JpegSamples decoded = JpegLsDecoder.decode(e.codestream(), DecodeLimits.defaults());

      String what =
          "P="
              + precision
              + " NEAR="
              + s.near()
              + " ILV="
              + s.interleave()
              + " restart="
              + s.restartInterval()
              + " preset="
              + Arrays.toString(s.preset());
      assertThat(
              List.of(decoded.width(), decoded.height(), decoded.components(), decoded.precision()))
          .as(what)
          .containsExactly(width, height, components, precision);
      assertThat(Dcmtk.samples(decoded))
          .as(what)
          .isEqualTo(expected(e.reconstructed(), width, height, s));
      if (s.near() == 0 && s.hFactors() == null) {
        assertThat(Dcmtk.samples(decoded))
            .as(what + ": lossless")
            .isEqualTo(clamped(image.samples(), limit));
      }
    }
  }

  @Test
  void dimensionsFromTheOversizeLseSegment() throws Exception {
    SyntheticDicom.Image image = SyntheticDicom.picture(29, 31, 1, 12, 3);
    byte[] cs =
        JpegLsTestEncoder.encode(planes(image), 29, 31, JpegLsTestEncoder.Settings.of(12, 0, 0))
            .codestream();
    assertThat(cs[3] & 0xFF).isEqualTo(0xF7);
    int sofEnd = 4 + ((cs[4] & 0xFF) << 8 | (cs[5] & 0xFF));
    byte[] zeroed = cs.clone();
    for (int i = 7; i <= 10; i++) {
      zeroed[i] = 0; // Y = X = 0 in the frame header
    }
    byte[] lse = {(byte) 0xFF, (byte) 0xF8, 0, 10, 4, 3, 0, 0, 31, 0, 0, 29};
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(zeroed, 0, sofEnd);
    out.writeBytes(lse);
    out.write(zeroed, sofEnd, zeroed.length - sofEnd);

    assertThat(Dcmtk.samples(JpegLsDecoder.decode(out.toByteArray(), DecodeLimits.defaults())))
        .isEqualTo(image.samples());
    assertThatThrownBy(() -> JpegLsDecoder.decode(zeroed, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("0x0");
  }

  @Test
  void damagedRestartCodestreamsFailCleanly() throws Exception {
    for (int ilv = 0; ilv <= 2; ilv++) {
      SyntheticDicom.Image image = SyntheticDicom.picture(29, 31, 3, 10, 77 + ilv);
      byte[] cs =
          JpegLsTestEncoder.encode(
                  planes(image),
                  29,
                  31,
                  JpegLsTestEncoder.Settings.of(10, ilv, ilv).withRestartInterval(5))
              .codestream();
      JpegSamples full = JpegLsDecoder.decode(cs, DecodeLimits.defaults());
      Codestreams.assertTruncationsRejected(JpegLsDecoder::decode, cs, full, 400);
      Codestreams.Outcome o =
          Codestreams.assertBitFlipsHandled(JpegLsDecoder::decode, cs, 300, ilv);
      assertThat(o.rejected()).isPositive();
    }
  }

  private static byte[] withoutFinalFf(byte[] data) {
    return data.length > 0 && data[data.length - 1] == (byte) 0xFF
        ? Arrays.copyOf(data, data.length - 1)
        : data;
  }

  private static int[][] planes(SyntheticDicom.Image image) {
    int nc = image.components();
    int n = image.width() * image.height();
    int[][] planes = new int[nc][n];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < nc; c++) {
        planes[c][i] = image.samples()[i * nc + c];
      }
    }
    return planes;
  }

  /**
   * Component planes of each component's own size (picked from the full-size image), clamped to
   * MAXVAL.
   */
  private static int[][] subsampledPlanes(
      SyntheticDicom.Image image, JpegLsTestEncoder.Settings s, int limit) {
    int nc = image.components();
    int[][] planes = new int[nc][];
    for (int c = 0; c < nc; c++) {
      int h = s.hFactors() == null ? 1 : s.hFactors()[c];
      int v = s.vFactors() == null ? 1 : s.vFactors()[c];
      int hMax = s.hFactors() == null ? 1 : 2;
      int vMax = s.vFactors() == null ? 1 : 2;
      int w = (image.width() * h + hMax - 1) / hMax;
      int hh = (image.height() * v + vMax - 1) / vMax;
      planes[c] = new int[w * hh];
      for (int y = 0; y < hh; y++) {
        for (int x = 0; x < w; x++) {
          int sx = Math.min(image.width() - 1, x * hMax / h);
          int sy = Math.min(image.height() - 1, y * vMax / v);
          planes[c][y * w + x] =
              Math.min(limit, image.samples()[(sy * image.width() + sx) * nc + c]);
        }
      }
    }
    return planes;
  }

  /** The decoder's output for the reconstructed planes: interleaved, subsampled ones replicated. */
  private static int[] expected(
      int[][] recon, int width, int height, JpegLsTestEncoder.Settings s) {
    int nc = recon.length;
    int[] out = new int[width * height * nc];
    for (int c = 0; c < nc; c++) {
      int h = s.hFactors() == null ? 1 : s.hFactors()[c];
      int v = s.vFactors() == null ? 1 : s.vFactors()[c];
      int hMax = s.hFactors() == null ? 1 : 2;
      int vMax = s.vFactors() == null ? 1 : 2;
      int w = (width * h + hMax - 1) / hMax;
      for (int y = 0; y < height; y++) {
        for (int x = 0; x < width; x++) {
          out[(y * width + x) * nc + c] = recon[c][(y * v / vMax) * w + x * h / hMax];
        }
      }
    }
    return out;
  }

  private static int[] clamped(int[] samples, int limit) {
    return Arrays.stream(samples).map(v -> Math.min(v, limit)).toArray();
  }

  /**
   * The entropy-coded data of each scan: from the end of its SOS segment to the marker that ends
   * it.
   */
  private static List<byte[]> entropySegments(byte[] cs) {
    List<byte[]> segments = new ArrayList<>();
    int p = 2;
    while (p + 1 < cs.length) {
      int marker = cs[p + 1] & 0xFF;
      if (marker == 0xD9) {
        break;
      }
      int length = (cs[p + 2] & 0xFF) << 8 | (cs[p + 3] & 0xFF);
      p += 2 + length;
      if (marker == 0xDA) {
        int start = p;
        // the marker that ends the scan; a 0xFF before it (CharLS may end with one) stays in the
        // data
        while (!((cs[p] & 0xFF) == 0xFF
            && (cs[p + 1] & 0xFF) >= 0x80
            && (cs[p + 1] & 0xFF) != 0xFF)) {
          p++;
        }
        segments.add(Arrays.copyOfRange(cs, start, p));
      }
    }
    return segments;
  }
}
