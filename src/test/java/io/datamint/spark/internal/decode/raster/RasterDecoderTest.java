package io.datamint.spark.internal.decode.raster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.PixelValues;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link RasterDecoder} on synthetic images with known samples: types, channels, frames, errors,
 * limits.
 */
@Tag("spark-independent")
class RasterDecoderTest {

  private final RasterDecoder decoder = new RasterDecoder();
  private final Random random = new Random(7);

  private DecodedResource decode(byte[] file) throws DecodeException {
    return decoder.decode(file, file.length, DecodeLimits.defaults());
  }

  /** The samples of {@code image} laid out as (C, H, W), as doubles. */
  private static double[] samples(BufferedImage image) {
    WritableRaster r = image.getRaster();
    int w = r.getWidth();
    int h = r.getHeight();
    int c = r.getNumBands();
    double[] out = new double[c * h * w];
    for (int b = 0; b < c; b++) {
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          out[(b * h + y) * w + x] = r.getSampleDouble(x, y, b);
        }
      }
    }
    return out;
  }

  private void assertDecodes(BufferedImage image, String format, DType dtype, int channels)
      throws Exception {
    DecodedResource r = decode(TestImages.write(image, format));
    assertThat(r.pixels().shape())
        .as(format)
        .containsExactly(1, channels, image.getHeight(), image.getWidth());
    assertThat(r.pixels().dtype()).as(format).isEqualTo(dtype);
    assertThat(r.metainfoJson()).isNull();
    assertThat(r.affine()).isNull();
    PixelValues.assertSameValues(format + " " + image, PixelValues.of(r.pixels()), samples(image));
  }

  @Test
  void greyColourAndAlphaKeepTheirDepthAndChannelOrder() throws Exception {
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_BYTE_GRAY), random, 255),
        "png",
        DType.UINT8,
        1);
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_USHORT_GRAY), random, 65535),
        "png",
        DType.UINT16,
        1);
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_3BYTE_BGR), random, 255),
        "png",
        DType.UINT8,
        3);
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_INT_RGB), random, 255),
        "png",
        DType.UINT8,
        3);
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_4BYTE_ABGR), random, 255),
        "png",
        DType.UINT8,
        4);
    assertDecodes(
        TestImages.random(TestImages.component(13, 7, true, true, TestImages.BYTE), random, 255),
        "png",
        DType.UINT8,
        2);
    assertDecodes(
        TestImages.random(
            TestImages.component(13, 7, true, true, TestImages.USHORT), random, 65535),
        "png",
        DType.UINT16,
        2);
    assertDecodes(
        TestImages.random(
            TestImages.component(13, 7, false, false, TestImages.USHORT), random, 65535),
        "png",
        DType.UINT16,
        3);
    assertDecodes(
        TestImages.random(
            TestImages.component(13, 7, false, true, TestImages.USHORT), random, 65535),
        "png",
        DType.UINT16,
        4);
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_3BYTE_BGR), random, 255),
        "bmp",
        DType.UINT8,
        3);
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_USHORT_GRAY), random, 65535),
        "tiff",
        DType.UINT16,
        1);
    assertDecodes(
        TestImages.random(TestImages.ofType(13, 7, BufferedImage.TYPE_3BYTE_BGR), random, 255),
        "tiff",
        DType.UINT8,
        3);
  }

  @Test
  void rgbChannelsAreRedGreenBlue() throws Exception {
    BufferedImage image = TestImages.ofType(2, 1, BufferedImage.TYPE_INT_RGB);
    image.setRGB(0, 0, 0x102030);
    image.setRGB(1, 0, 0xA0B0C0);
    double[] v = PixelValues.of(decode(TestImages.write(image, "png")).pixels());
    assertThat(v).containsExactly(0x10, 0xA0, 0x20, 0xB0, 0x30, 0xC0);
  }

  @Test
  void paletteImagesGiveIndices() throws Exception {
    for (int bits : new int[] {1, 2, 4, 8}) {
      BufferedImage image =
          TestImages.random(
              TestImages.palette(11, 5, bits, false, random), random, (1 << bits) - 1);
      for (String format : bits == 8 ? List.of("png", "gif", "bmp") : List.of("png", "gif")) {
        assertDecodes(image, format, DType.UINT8, 1);
      }
    }
  }

  @Test
  void lowDepthGreyIsScaledAsPilDoes() throws Exception {
    for (int bits : new int[] {1, 2, 4}) {
      BufferedImage image =
          TestImages.random(TestImages.palette(9, 3, bits, true, random), random, (1 << bits) - 1);
      DecodedResource r = decode(TestImages.write(image, "png"));
      double[] expected = samples(image);
      for (int i = 0; i < expected.length; i++) {
        expected[i] = bits == 1 ? expected[i] : Math.round(expected[i] * 255.0 / ((1 << bits) - 1));
      }
      assertThat(r.pixels().dtype()).isEqualTo(DType.UINT8);
      PixelValues.assertSameValues(bits + "-bit grey", PixelValues.of(r.pixels()), expected);
    }
  }

  @Test
  void multiPageTiffAndAnimatedGifGiveFrames() throws Exception {
    List<BufferedImage> pages = new ArrayList<>();
    List<Double> expected = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      BufferedImage page =
          TestImages.random(TestImages.ofType(6, 4, BufferedImage.TYPE_USHORT_GRAY), random, 65535);
      pages.add(page);
      Arrays.stream(samples(page)).forEach(expected::add);
    }
    DecodedResource tiff = decode(TestImages.sequence(pages, "tiff"));
    assertThat(tiff.pixels().shape()).containsExactly(3, 1, 4, 6);
    assertThat(PixelValues.of(tiff.pixels()))
        .containsExactly(expected.stream().mapToDouble(Double::doubleValue).toArray());

    List<BufferedImage> frames = new ArrayList<>();
    List<Double> indices = new ArrayList<>();
    BufferedImage first = TestImages.palette(5, 6, 8, false, random);
    for (int i = 0; i < 4; i++) {
      BufferedImage frame =
          new BufferedImage(
              5,
              6,
              BufferedImage.TYPE_BYTE_INDEXED,
              (java.awt.image.IndexColorModel) first.getColorModel());
      TestImages.random(frame, random, 255);
      frames.add(frame);
      Arrays.stream(samples(frame)).forEach(indices::add);
    }
    DecodedResource gif = decode(TestImages.sequence(frames, "gif"));
    assertThat(gif.pixels().shape()).containsExactly(4, 1, 6, 5);
    assertThat(PixelValues.of(gif.pixels()))
        .containsExactly(indices.stream().mapToDouble(Double::doubleValue).toArray());
  }

  @Test
  void smallInterlacedGifIsAnErrorNotWrongPixels() {
    // the JDK GIF writer interlaces; its reader loses a row of interlaced images 2 to 4 rows high
    byte[] gif = TestImages.write(TestImages.ofType(5, 4, BufferedImage.TYPE_BYTE_GRAY), "gif");
    assertThatThrownBy(() -> decode(gif))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("interlaced and only 4 rows high");
  }

  @Test
  void framesOfDifferentSizesAreAnError() {
    List<BufferedImage> pages =
        List.of(
            TestImages.ofType(6, 4, BufferedImage.TYPE_BYTE_GRAY),
            TestImages.ofType(3, 2, BufferedImage.TYPE_BYTE_GRAY));
    byte[] tiff = TestImages.sequence(pages, "tiff");
    assertThatThrownBy(() -> decode(tiff))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("frame 1 of the TIFF file is 3x2, frame 0 is 6x4");
  }

  @Test
  void truncatedAndCorruptFilesAreErrors() throws Exception {
    byte[] png =
        TestImages.write(
            TestImages.random(TestImages.ofType(64, 64, BufferedImage.TYPE_3BYTE_BGR), random, 255),
            "png");
    byte[] cut = Arrays.copyOf(png, png.length / 2);
    assertThatThrownBy(() -> decode(cut))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("PNG");
    byte[] jpeg =
        TestImages.jpeg(
            TestImages.random(
                TestImages.ofType(64, 64, BufferedImage.TYPE_3BYTE_BGR), random, 255));
    byte[] cutJpeg = Arrays.copyOf(jpeg, jpeg.length / 2);
    assertThatThrownBy(() -> decode(cutJpeg))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("JPEG");
    assertThatThrownBy(() -> decode("plain text, not an image".getBytes()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("not an image in a supported format");
    assertThatThrownBy(() -> decode(new byte[0])).isInstanceOf(DecodeException.class);
    byte[] header = Arrays.copyOf(png, 40);
    assertThatThrownBy(() -> decode(header)).isInstanceOf(DecodeException.class);
    byte[] tiff = TestImages.write(TestImages.ofType(64, 64, BufferedImage.TYPE_3BYTE_BGR), "tiff");
    assertThatThrownBy(() -> decode(Arrays.copyOf(tiff, tiff.length - 100)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void hugeDeclaredDimensionsFailBeforeDecoding() {
    byte[] png = pngHeaderOnly(100000, 100000);
    long start = System.nanoTime();
    assertThatThrownBy(() -> decode(png))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("[1, 1, 100000, 100000]")
        .hasMessageContaining("max_decoded_bytes");
    assertThat((System.nanoTime() - start) / 1e9).as("seconds").isLessThan(2);
    byte[] small = TestImages.write(TestImages.ofType(40, 30, BufferedImage.TYPE_3BYTE_BGR), "png");
    assertThatThrownBy(() -> decoder.decode(small, small.length, new DecodeLimits(40 * 30 * 3 - 1)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("[1, 3, 30, 40]");
  }

  @Test
  void twelveMonkeysReadersArePreferred() throws Exception {
    BufferedImage image = TestImages.ofType(8, 8, BufferedImage.TYPE_3BYTE_BGR);
    assertThat(RasterDecoder.readerFor(TestImages.write(image, "tiff")))
        .isEqualTo("com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi");
    assertThat(RasterDecoder.readerFor(TestImages.jpeg(image)))
        .isEqualTo("com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi");
    assertThat(RasterDecoder.readerFor(TestImages.write(image, "png")))
        .isEqualTo("com.sun.imageio.plugins.png.PNGImageReaderSpi");
    assertThat(RasterDecoder.readerFor(TestImages.write(image, "bmp")))
        .isEqualTo("com.sun.imageio.plugins.bmp.BMPImageReaderSpi");
  }

  @Test
  void onlyTheGivenLengthIsRead() throws Exception {
    byte[] png =
        TestImages.write(
            TestImages.random(TestImages.ofType(5, 5, BufferedImage.TYPE_BYTE_GRAY), random, 255),
            "png");
    byte[] padded = Arrays.copyOf(png, png.length + 100);
    Arrays.fill(padded, png.length, padded.length, (byte) 0x55);
    DecodedResource r = decoder.decode(padded, png.length, DecodeLimits.defaults());
    assertThat(PixelValues.of(r.pixels())).containsExactly(PixelValues.of(decode(png).pixels()));
  }

  /** A PNG signature, an IHDR chunk declaring {@code w x h} 8-bit grey, and IEND: no pixel data. */
  static byte[] pngHeaderOnly(int w, int h) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    PngTestEncoder.chunk(
        out,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(w)
            .putInt(h)
            .put((byte) 8)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .array());
    PngTestEncoder.chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }
}
