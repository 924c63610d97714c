package io.datamint.spark.internal.decode.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.PixelValues;
import io.datamint.spark.testing.ExternalTool;
import io.datamint.spark.testing.TestCorpus;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link RasterDecoder} against PIL ({@code np.array(Image.open(f))}, the SDK's reader), run as
 * {@code pil_reference.py} with {@link ExternalTool#PYTHON}: the corpus images ({@code
 * datamint.test.corpus}/image) and images written with ImageIO writers in every supported format.
 * Values are compared exactly, except where the decoder deliberately differs (16-bit colour: PIL
 * keeps the high byte) or decoders legitimately differ (JPEG: within a few levels).
 */
@Tag("spark-independent")
class RasterReferenceTest {

  private static final ObjectMapper JSON = new ObjectMapper();
  private final RasterDecoder decoder = new RasterDecoder();

  @TempDir Path tmp;

  /** How a case is compared with PIL. */
  enum Compare {
    /** Same shape and values. */
    EXACT,
    /**
     * uint16 values whose high byte is PIL's uint8 value (PIL reduces 16-bit colour PNG to 8 bits).
     */
    HIGH_BYTE,
    /**
     * Same shape, values within {@link #JPEG_TOLERANCE} (IDCT and upsampling differ between
     * decoders).
     */
    JPEG
  }

  private static final double JPEG_TOLERANCE = 3;

  record Case(byte[] bytes, String extension, Compare compare) {}

  @Test
  void corpusMatchesPil() throws Exception {
    Path dir = TestCorpus.dir("image");
    ExternalTool.assumePythonModules("PIL", "numpy");
    Map<String, Case> cases = new LinkedHashMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path f : list.filter(Files::isRegularFile).sorted().toList()) {
        String name = f.getFileName().toString();
        cases.put(
            name.substring(0, name.lastIndexOf('.')),
            new Case(Files.readAllBytes(f), name.substring(name.lastIndexOf('.')), Compare.EXACT));
      }
    }
    Map<String, DecodedResource> decoded = compareAll(cases);
    assertThat(decoded.get("skimage__camera").pixels().toString())
        .isEqualTo("PixelArray[uint8 [1, 1, 512, 512]]");
    assertThat(decoded.get("skimage__astronaut").pixels().toString())
        .isEqualTo("PixelArray[uint8 [1, 3, 512, 512]]");
    assertThat(decoded.get("skimage__chessboard_GRAY_U16").pixels().toString())
        .isEqualTo("PixelArray[uint16 [1, 1, 200, 200]]");
  }

  @Test
  void imageIoWrittenImagesMatchPil() throws Exception {
    ExternalTool.assumePythonModules("PIL", "numpy");
    Random random = new Random(11);
    Map<String, Case> cases = new LinkedHashMap<>();
    int w = 23;
    int h = 17;
    for (String format : List.of("png", "bmp", "tiff", "gif")) {
      if (!format.equals("gif")) {
        cases.put(
            format + "_rgb",
            new Case(
                TestImages.write(
                    TestImages.random(
                        TestImages.ofType(w, h, BufferedImage.TYPE_3BYTE_BGR), random, 255),
                    format),
                "." + format,
                Compare.EXACT));
      }
      cases.put(
          format + "_grey8",
          new Case(
              TestImages.write(
                  TestImages.random(
                      TestImages.ofType(w, h, BufferedImage.TYPE_BYTE_GRAY), random, 255),
                  format),
              "." + format,
              Compare.EXACT));
      cases.put(
          format + "_palette8",
          new Case(
              TestImages.write(
                  TestImages.random(TestImages.palette(w, h, 8, false, random), random, 255),
                  format),
              "." + format,
              Compare.EXACT));
      cases.put(
          format + "_bilevel",
          new Case(
              TestImages.write(
                  TestImages.random(
                      TestImages.ofType(w, h, BufferedImage.TYPE_BYTE_BINARY), random, 1),
                  format),
              "." + format,
              Compare.EXACT));
    }
    for (String format : List.of("png", "tiff")) {
      cases.put(
          format + "_grey16",
          new Case(
              TestImages.write(
                  TestImages.random(
                      TestImages.ofType(w, h, BufferedImage.TYPE_USHORT_GRAY), random, 65535),
                  format),
              "." + format,
              Compare.EXACT));
      cases.put(
          format + "_rgba",
          new Case(
              TestImages.write(
                  TestImages.random(
                      TestImages.ofType(w, h, BufferedImage.TYPE_4BYTE_ABGR), random, 255),
                  format),
              "." + format,
              Compare.EXACT));
    }
    cases.put(
        "png_grey_alpha8",
        new Case(
            TestImages.write(
                TestImages.random(
                    TestImages.component(w, h, true, true, TestImages.BYTE), random, 255),
                "png"),
            ".png",
            Compare.EXACT));
    for (int bits : new int[] {1, 2, 4}) {
      cases.put(
          "png_palette" + bits,
          new Case(
              TestImages.write(
                  TestImages.random(
                      TestImages.palette(w, h, bits, false, random), random, (1 << bits) - 1),
                  "png"),
              ".png",
              Compare.EXACT));
      cases.put(
          "png_grey" + bits,
          new Case(
              TestImages.write(
                  TestImages.random(
                      TestImages.palette(w, h, bits, true, random), random, (1 << bits) - 1),
                  "png"),
              ".png",
              Compare.EXACT));
    }
    cases.put(
        "png_rgb16",
        new Case(
            TestImages.write(
                TestImages.random(
                    TestImages.component(w, h, false, false, TestImages.USHORT), random, 65535),
                "png"),
            ".png",
            Compare.HIGH_BYTE));
    cases.put(
        "png_rgba16",
        new Case(
            TestImages.write(
                TestImages.random(
                    TestImages.component(w, h, false, true, TestImages.USHORT), random, 65535),
                "png"),
            ".png",
            Compare.HIGH_BYTE));
    List<BufferedImage> pages = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      pages.add(
          TestImages.random(TestImages.ofType(w, h, BufferedImage.TYPE_BYTE_GRAY), random, 255));
    }
    cases.put("tiff_pages", new Case(TestImages.sequence(pages, "tiff"), ".tif", Compare.EXACT));
    BufferedImage palette = TestImages.palette(w, h, 8, false, random);
    List<BufferedImage> frames = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      frames.add(
          TestImages.random(
              new BufferedImage(
                  w, h, BufferedImage.TYPE_BYTE_INDEXED, (IndexColorModel) palette.getColorModel()),
              random,
              255));
    }
    cases.put("gif_frames", new Case(TestImages.sequence(frames, "gif"), ".gif", Compare.EXACT));
    // smooth content, where JPEG decoders agree best; still only "within a few levels"
    BufferedImage smooth = TestImages.ofType(64, 48, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < 48; y++) {
      for (int x = 0; x < 64; x++) {
        smooth.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x + y) * 2));
      }
    }
    cases.put("jpeg_rgb", new Case(TestImages.jpeg(smooth), ".jpg", Compare.JPEG));
    BufferedImage grey = TestImages.ofType(64, 48, BufferedImage.TYPE_BYTE_GRAY);
    grey.getGraphics().drawImage(smooth, 0, 0, null);
    cases.put("jpeg_grey", new Case(TestImages.jpeg(grey), ".jpg", Compare.JPEG));
    Map<String, DecodedResource> decoded = compareAll(cases);
    assertThat(decoded.get("tiff_pages").pixels().dim(0)).isEqualTo(3);
    assertThat(decoded.get("gif_frames").pixels().dim(0)).isEqualTo(3);
    assertThat(decoded.get("png_rgba16").pixels().dtype()).isEqualTo(DType.UINT16);
  }

  /** Runs PIL over every case and compares; returns the decoded resources by case name. */
  private Map<String, DecodedResource> compareAll(Map<String, Case> cases) throws IOException {
    Path script = tmp.resolve("pil_reference.py");
    try (InputStream in = getClass().getResourceAsStream("pil_reference.py")) {
      Files.copy(in, script);
    }
    List<String> command = new ArrayList<>(List.of(ExternalTool.PYTHON, script.toString()));
    for (Map.Entry<String, Case> e : cases.entrySet()) {
      Path file = tmp.resolve(e.getKey() + e.getValue().extension());
      Files.write(file, e.getValue().bytes());
      command.add(file.toString());
      command.add(tmp.resolve(e.getKey() + ".raw").toString());
    }
    ExternalTool.Result result = ExternalTool.run(Duration.ofSeconds(120), command).assertSuccess();
    List<String> lines = result.stdout().lines().toList();
    assertThat(lines).as(result.describe("output")).hasSize(cases.size());
    Map<String, DecodedResource> out = new LinkedHashMap<>();
    int i = 0;
    for (Map.Entry<String, Case> e : cases.entrySet()) {
      String name = e.getKey();
      JsonNode ref = JSON.readTree(lines.get(i++));
      byte[] bytes = e.getValue().bytes();
      if (ref.has("error")) {
        assertThatThrownBy(() -> decoder.decode(bytes, bytes.length, DecodeLimits.defaults()))
            .as(name + ": PIL fails (" + ref.get("error").asText() + "), so must the decoder")
            .isInstanceOf(DecodeException.class);
        continue;
      }
      DecodedResource r;
      try {
        r = decoder.decode(bytes, bytes.length, DecodeLimits.defaults());
      } catch (DecodeException ex) {
        throw new AssertionError(
            name + ": PIL decodes it (" + ref + "), the decoder fails: " + ex.getMessage(), ex);
      }
      out.put(name, r);
      int[] shape = new int[4];
      for (int d = 0; d < 4; d++) {
        shape[d] = ref.get("shape").get(d).asInt();
      }
      String what =
          name + " (PIL mode " + ref.get("mode").asText() + ", " + ref.get("dtype").asText() + ")";
      double[] actual = PixelValues.of(r.pixels());
      double[] expected = PixelValues.float64(Files.readAllBytes(tmp.resolve(name + ".raw")));
      int[] ours = r.pixels().shape();
      if (ref.get("format").asText().equals("GIF")) {
        // PIL's reference is frame 0 only
        assertThat(ours[0]).as(what + ": frames").isEqualTo(ref.get("frames").asInt());
        ours[0] = 1;
        actual = java.util.Arrays.copyOf(actual, expected.length);
      }
      assertThat(ours).as(what + ": shape").containsExactly(shape);
      switch (e.getValue().compare()) {
        case EXACT -> PixelValues.assertSameValues(what, actual, expected);
        case HIGH_BYTE -> {
          for (int k = 0; k < actual.length; k++) {
            actual[k] = Math.floor(actual[k] / 256);
          }
          PixelValues.assertSameValues(what + ", high bytes", actual, expected);
        }
        case JPEG -> {
          double max = 0;
          for (int k = 0; k < actual.length; k++) {
            max = Math.max(max, Math.abs(actual[k] - expected[k]));
          }
          assertThat(max)
              .as(what + ": largest difference from libjpeg")
              .isLessThanOrEqualTo(JPEG_TOLERANCE);
          what += ", largest difference " + max;
        }
        default -> throw new IllegalStateException();
      }
      System.out.println(what + " " + r.pixels() + ": matches");
    }
    return out;
  }
}
