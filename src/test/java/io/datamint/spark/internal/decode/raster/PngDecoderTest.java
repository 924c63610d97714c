package io.datamint.spark.internal.decode.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.testing.TestCorpus;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link PngDecoder}, the PNG path over the JDK's zlib, against the JDK's ImageIO reader (the path
 * every PNG took before, {@link RasterDecoder#decodeWithImageIo}): the same shape, type and bytes,
 * or both an error, on generated images of every colour type and bit depth it reads with all five
 * row filters, on images ImageIO and PIL wrote (the repository's corpus and fixtures), and on cut
 * and corrupted files.
 */
@Tag("spark-independent")
class PngDecoderTest {

  private final RasterDecoder decoder = new RasterDecoder();
  private final Random random = new Random(23);

  /** The outcome of one decode: the pixels' shape, type and bytes, or the error's message. */
  private record Outcome(String pixels, byte[] bytes, String error) {
    boolean failed() {
      return error != null;
    }
  }

  @FunctionalInterface
  private interface Decode {
    DecodedResource run() throws DecodeException;
  }

  private static Outcome outcome(Decode decode) {
    try {
      DecodedResource r = decode.run();
      ByteBuffer data = r.pixels().data().duplicate().position(0);
      byte[] bytes = new byte[data.remaining()];
      data.get(bytes);
      return new Outcome(r.pixels().toString(), bytes, null);
    } catch (DecodeException e) {
      return new Outcome(null, null, e.getMessage());
    }
  }

  private Outcome fast(byte[] file, DecodeLimits limits) {
    return outcome(() -> decoder.decode(file, file.length, limits));
  }

  private Outcome imageIo(byte[] file, DecodeLimits limits) {
    return outcome(() -> decoder.decodeWithImageIo(file, file.length, limits));
  }

  /**
   * Both paths give the same pixels, or both fail; and the PNG path gives the same outcome (pixels
   * or message) whether ISA-L or zlib inflated the image data.
   */
  private void assertSameAsImageIo(String what, byte[] file) {
    DecodeLimits limits = new DecodeLimits(64L << 20, "the test's budget");
    Outcome fast = fast(file, limits);
    PngFile png = PngFile.parse(file, file.length);
    if (png != null) {
      Outcome zlib = outcome(() -> PngDecoder.decode(png, file, limits, false));
      assertThat(fast.error())
          .as(what + ": the message with ISA-L and zlib")
          .isEqualTo(zlib.error());
      assertThat(fast.pixels()).as(what + ": ISA-L and zlib").isEqualTo(zlib.pixels());
      if (!fast.failed()) {
        assertThat(Arrays.mismatch(fast.bytes(), zlib.bytes()))
            .as(what + ": first byte that differs between ISA-L and zlib")
            .isEqualTo(-1);
      }
    }
    Outcome reference = imageIo(file, limits);
    if (reference.failed()) {
      assertThat(fast.error())
          .as(what + ": ImageIO fails (" + reference.error() + "), so must the PNG path")
          .isNotNull();
      return;
    }
    assertThat(fast.error()).as(what + ": the PNG path fails, ImageIO decodes it").isNull();
    assertThat(fast.pixels()).as(what + ": shape and type").isEqualTo(reference.pixels());
    assertThat(Arrays.mismatch(fast.bytes(), reference.bytes()))
        .as(what + " " + fast.pixels() + ": first byte that differs")
        .isEqualTo(-1);
  }

  private static final int[][] TYPES = {
    // colour type, bit depth
    {0, 8}, {0, 16}, {2, 8}, {2, 16}, {3, 8}, {4, 8}, {4, 16}, {6, 8}, {6, 16},
  };

  /** A generated PNG of {@code type}, filters chosen by row, with a tRNS colour when asked. */
  private byte[] generated(int colorType, int bitDepth, int w, int h, boolean trns) {
    PngTestEncoder.Image image = PngTestEncoder.random(w, h, bitDepth, colorType, random);
    byte[] plte = null;
    byte[] tRNS = null;
    if (colorType == 3) {
      plte = new byte[3 * (1 + random.nextInt(256))];
      random.nextBytes(plte);
      if (trns) {
        tRNS = new byte[1 + random.nextInt(plte.length / 3)];
        random.nextBytes(tRNS);
      }
    } else if (trns) {
      // the colour of the first pixel, so that some pixels are transparent
      int channels = PngTestEncoder.channels(colorType);
      ByteBuffer b = ByteBuffer.allocate(2 * channels);
      for (int c = 0; c < channels; c++) {
        b.putShort((short) image.samples()[c]);
      }
      tRNS = b.array();
    }
    int cycle = random.nextInt(5);
    return PngTestEncoder.encode(
        image,
        new PngTestEncoder.Extras(plte, tRNS),
        y -> (y + cycle) % 5 == 0 && y % 3 == 0 ? random.nextInt(5) : (y + cycle) % 5,
        random);
  }

  @Test
  void branchFreePaethIsTheSpecificationsPredictor() {
    for (int a = 0; a < 256; a++) {
      for (int b = 0; b < 256; b++) {
        for (int c = 0; c < 256; c++) {
          if (PngFilters.predict(a, b, c) != PngTestEncoder.paeth(a, b, c)) {
            throw new AssertionError(
                "Paeth("
                    + a
                    + ", "
                    + b
                    + ", "
                    + c
                    + ") = "
                    + PngTestEncoder.paeth(a, b, c)
                    + ", the decoder predicts "
                    + PngFilters.predict(a, b, c));
          }
        }
      }
    }
  }

  @Test
  void everyColourTypeDepthAndFilterMatchesImageIo() {
    // the last size spans several of the decoder's 64 KiB strips of rows
    int[][] sizes = {{1, 1}, {1, 7}, {7, 1}, {2, 3}, {13, 9}, {64, 33}, {257, 5}, {300, 260}};
    for (int[] type : TYPES) {
      for (int[] size : sizes) {
        for (boolean trns : new boolean[] {false, true}) {
          if (trns && (type[0] == 4 || type[0] == 6)) {
            continue;
          }
          byte[] png = generated(type[0], type[1], size[0], size[1], trns);
          String what =
              "colour type "
                  + type[0]
                  + ", "
                  + type[1]
                  + " bits, "
                  + size[0]
                  + "x"
                  + size[1]
                  + (trns ? ", tRNS" : "");
          assertThat(PngFile.parse(png, png.length))
              .as(what + ": read by the PNG path")
              .isNotNull();
          assertSameAsImageIo(what, png);
        }
      }
    }
  }

  @Test
  void transparentColourAddsTheAlphaChannelImageIoAdds() throws Exception {
    // one grey pixel of the tRNS value among others: (1, 2, 1, 3) uint8, alpha 0 where it matches
    PngTestEncoder.Image image = new PngTestEncoder.Image(3, 1, 8, 0, new int[] {5, 9, 5});
    byte[] png =
        PngTestEncoder.encode(
            image, new PngTestEncoder.Extras(null, new byte[] {0, 5}), y -> 4, random);
    DecodedResource r = decoder.decode(png, png.length, DecodeLimits.defaults());
    assertThat(r.pixels().shape()).containsExactly(1, 2, 1, 3);
    byte[] bytes = new byte[6];
    r.pixels().data().duplicate().position(0).get(bytes);
    assertThat(bytes).containsExactly(5, 9, 5, 0, -1, 0);
    assertSameAsImageIo("grey with tRNS", png);
  }

  @Test
  void pngsWrittenByImageIoAndPilMatchImageIo() throws IOException {
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put(
        "grey8",
        TestImages.write(
            random(TestImages.ofType(31, 17, BufferedImage.TYPE_BYTE_GRAY), 255), "png"));
    files.put(
        "grey16",
        TestImages.write(
            random(TestImages.ofType(31, 17, BufferedImage.TYPE_USHORT_GRAY), 65535), "png"));
    files.put(
        "rgb",
        TestImages.write(
            random(TestImages.ofType(31, 17, BufferedImage.TYPE_3BYTE_BGR), 255), "png"));
    files.put(
        "rgba",
        TestImages.write(
            random(TestImages.ofType(31, 17, BufferedImage.TYPE_4BYTE_ABGR), 255), "png"));
    for (int dataType : new int[] {TestImages.BYTE, TestImages.USHORT}) {
      int max = dataType == TestImages.BYTE ? 255 : 65535;
      files.put(
          "grey-alpha-" + dataType,
          TestImages.write(random(TestImages.component(31, 17, true, true, dataType), max), "png"));
      files.put(
          "rgb-" + dataType,
          TestImages.write(
              random(TestImages.component(31, 17, false, false, dataType), max), "png"));
      files.put(
          "rgba-" + dataType,
          TestImages.write(
              random(TestImages.component(31, 17, false, true, dataType), max), "png"));
    }
    for (int bits : new int[] {1, 2, 4, 8}) {
      for (boolean grey : new boolean[] {false, true}) {
        files.put(
            "palette" + bits + (grey ? "-grey" : ""),
            TestImages.write(
                random(TestImages.palette(31, 17, bits, grey, random), (1 << bits) - 1), "png"));
      }
    }
    // the repository's PNGs: the corpus (PIL and skimage) and the test fixtures
    List<Path> roots = new ArrayList<>();
    if (TestCorpus.rootIfPresent() != null) {
      roots.add(TestCorpus.rootIfPresent());
    }
    roots.add(
        Path.of(System.getProperty("datamint.test.basedir", "."), "src", "test", "resources"));
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        for (Path f : walk.filter(p -> p.toString().endsWith(".png")).sorted().toList()) {
          files.put(root.relativize(f).toString(), Files.readAllBytes(f));
        }
      }
    }
    assertThat(files.keySet()).anyMatch(name -> name.contains("RasterFuzzTestInputs"));
    int fast = 0;
    for (Map.Entry<String, byte[]> e : files.entrySet()) {
      byte[] png = e.getValue();
      fast += PngFile.parse(png, png.length) != null ? 1 : 0;
      assertSameAsImageIo(e.getKey(), png);
    }
    assertThat(fast).as("files read by the PNG path").isGreaterThan(files.size() / 2);
  }

  @Test
  void cutFilesFailAsImageIoDoes() {
    for (int[] type : TYPES) {
      byte[] png = generated(type[0], type[1], 40, 30, false);
      for (int cut = 0; cut < png.length; cut += cut < png.length - 40 ? 1 + cut / 40 : 1) {
        assertSameAsImageIo(
            "colour type " + type[0] + ", " + type[1] + " bits, cut to " + cut,
            Arrays.copyOf(png, cut));
      }
    }
  }

  @Test
  void corruptDataIsADecodeExceptionOrTheSamePixelsAsImageIo() {
    for (int[] type : TYPES) {
      byte[] png = generated(type[0], type[1], 40, 30, false);
      for (int i = 0; i < 60; i++) {
        byte[] bad = png.clone();
        int at = 33 + random.nextInt(png.length - 33);
        bad[at] ^= (byte) (1 << random.nextInt(8));
        assertSameAsImageIo(
            "colour type " + type[0] + ", " + type[1] + " bits, bit flipped at " + at, bad);
      }
    }
  }

  @Test
  void wrongFilterTypeAndMissingRowsNameTheRow() {
    PngTestEncoder.Image image = PngTestEncoder.random(8, 6, 8, 0, random);
    byte[] badFilter = PngTestEncoder.encode(image, null, y -> y == 3 ? 7 : 0, random);
    assertThatThrownBy(() -> decoder.decode(badFilter, badFilter.length, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("row 3 has filter type 7");
    // the header says 9 rows, the data holds 6
    byte[] short6 = PngTestEncoder.encode(image, null, y -> 1, random);
    ByteBuffer.wrap(short6).putInt(20, 9);
    assertThatThrownBy(() -> decoder.decode(short6, short6.length, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated PNG image")
        .hasMessageContaining("row 6 of 9");
  }

  @Test
  void declaredSizeIsCheckedBeforeAnythingIsAllocated() {
    // 100000 x 100000 8-bit grey with a few bytes of image data
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(Arrays.copyOf(RasterDecoderTest.pngHeaderOnly(100000, 100000), 33));
    PngTestEncoder.chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 3, 0, 0, 0, 0, 1});
    PngTestEncoder.chunk(out, "IEND", new byte[0]);
    byte[] png = out.toByteArray();
    assertThat(PngFile.parse(png, png.length)).isNotNull();
    assertThatThrownBy(() -> decoder.decode(png, png.length, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("[1, 1, 100000, 100000]")
        .hasMessageContaining("max_decoded_bytes");
    byte[] rgba16 = generated(6, 16, 40, 30, false);
    assertThatThrownBy(
            () -> decoder.decode(rgba16, rgba16.length, new DecodeLimits(40 * 30 * 8 - 1)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("[1, 4, 30, 40]");
  }

  @Test
  void interlacedAndLowDepthFilesGoToImageIo() {
    byte[] grey4 = TestImages.write(random(TestImages.palette(9, 5, 4, true, random), 15), "png");
    assertThat(PngFile.parse(grey4, grey4.length)).isNull();
    byte[] interlaced = generated(0, 8, 9, 5, false).clone();
    interlaced[28] = 1;
    assertThat(PngFile.parse(interlaced, interlaced.length)).isNull();
    byte[] jpeg = TestImages.jpeg(TestImages.ofType(8, 8, BufferedImage.TYPE_3BYTE_BGR));
    assertThat(PngFile.parse(jpeg, jpeg.length)).isNull();
  }

  private BufferedImage random(BufferedImage image, int max) {
    return TestImages.random(image, random, max);
  }
}
