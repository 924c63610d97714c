package io.datamint.spark.internal.decode.raster;

import static org.assertj.core.api.Assertions.assertThat;

import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.MemoryImageInputStream;
import io.datamint.spark.testing.TestCorpus;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.stream.ImageOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * JPEGs read straight into the output's planes ({@link PlanarJpegRead}) have the values of the
 * reader's own default image (what {@link RasterDecoder} returned before it wrote the planes
 * directly), for grey, the chroma samplings, progressive files and odd sizes; files the reader
 * converts or decodes itself (CMYK, lossless) are left to the ordinary read, with the same values.
 */
@Tag("spark-independent")
class PlanarJpegReadTest {

  private static final DecodeLimits LIMITS = new DecodeLimits(1L << 28);

  @Test
  void rgbOfEverySamplingIsTheReadersOwnImage() throws Exception {
    BufferedImage photo = photo(161, 97, BufferedImage.TYPE_3BYTE_BGR);
    for (int[] sampling : new int[][] {{2, 2}, {2, 1}, {1, 2}, {1, 1}}) {
      for (boolean progressive : new boolean[] {false, true}) {
        byte[] jpeg = write(photo, sampling[0], sampling[1], progressive);
        assertDirect(jpeg, 3);
      }
    }
  }

  @Test
  void greyAndOddSizesAreTheReadersOwnImage() throws Exception {
    assertDirect(write(photo(333, 217, BufferedImage.TYPE_BYTE_GRAY), 1, 1, false), 1);
    assertDirect(write(photo(17, 9, BufferedImage.TYPE_3BYTE_BGR), 2, 2, false), 3);
    assertDirect(write(photo(1, 1, BufferedImage.TYPE_3BYTE_BGR), 2, 2, false), 3);
  }

  @Test
  void cmykIsReadAsBefore() throws Exception {
    WritableRaster cmyk = Raster.createInterleavedRaster(0, 40, 24, 4, null);
    Random random = new Random(5);
    for (int y = 0; y < 24; y++) {
      for (int x = 0; x < 40; x++) {
        for (int b = 0; b < 4; b++) {
          cmyk.setSample(x, y, b, (x * 5 + y * 3 + b * 60 + random.nextInt(9)) & 0xFF);
        }
      }
    }
    byte[] jpeg = writeRaster(cmyk);
    assertThat(direct(jpeg)).as("CMYK is converted by TwelveMonkeys, not read directly").isNull();
    assertThat(bytes(new RasterDecoder().decode(jpeg, jpeg.length, LIMITS).pixels()))
        .isEqualTo(readersOwn(jpeg));
  }

  @Test
  void losslessIsReadAsBefore() throws Exception {
    // the first frame of an 8-bit lossless (SOF3) DICOM, as a JPEG file
    byte[] dicom =
        Files.readAllBytes(
            TestCorpus.dir("dicom")
                .resolve("jpeg-lossless-decoder-js__jpeg_lossless_sel1-8bit.dcm"));
    int start = indexOf(dicom, new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}, 0);
    int end = indexOf(dicom, new byte[] {(byte) 0xFF, (byte) 0xD9}, start) + 2;
    byte[] jpeg = Arrays.copyOfRange(dicom, start, end);
    assertThat(PlanarJpegRead.dctFrame(jpeg, jpeg.length)).isFalse();
    assertThat(bytes(new RasterDecoder().decode(jpeg, jpeg.length, LIMITS).pixels()))
        .isEqualTo(readersOwn(jpeg));
  }

  @Test
  void dctFramesAreTold() throws Exception {
    byte[] baseline = write(photo(16, 16, BufferedImage.TYPE_3BYTE_BGR), 2, 2, false);
    byte[] progressive = write(photo(16, 16, BufferedImage.TYPE_3BYTE_BGR), 2, 2, true);
    assertThat(PlanarJpegRead.dctFrame(baseline, baseline.length)).isTrue();
    assertThat(PlanarJpegRead.dctFrame(progressive, progressive.length)).isTrue();
    assertThat(PlanarJpegRead.dctFrame(baseline, 20)).as("cut before the frame header").isFalse();
    assertThat(PlanarJpegRead.dctFrame(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, 4)).isFalse();
  }

  private static int indexOf(byte[] data, byte[] what, int from) {
    for (int i = from; i + what.length <= data.length; i++) {
      if (Arrays.equals(data, i, i + what.length, what, 0, what.length)) {
        return i;
      }
    }
    throw new IllegalArgumentException("not found");
  }

  /**
   * The file is read directly, and both the direct read and the decoder give the reader's image.
   */
  private static void assertDirect(byte[] jpeg, int channels) throws Exception {
    byte[] expected = readersOwn(jpeg);
    PixelArray direct = direct(jpeg);
    assertThat(direct).as("read straight into the planes").isNotNull();
    assertThat(direct.shape()[1]).isEqualTo(channels);
    assertThat(bytes(direct)).isEqualTo(expected);
    assertThat(bytes(new RasterDecoder().decode(jpeg, jpeg.length, LIMITS).pixels()))
        .isEqualTo(expected);
  }

  private static PixelArray direct(byte[] jpeg) throws Exception {
    ImageReader reader = reader();
    try {
      reader.setInput(new MemoryImageInputStream(jpeg, 0, jpeg.length), false, true);
      return PlanarJpegRead.read(reader, reader.getWidth(0), reader.getHeight(0), LIMITS);
    } finally {
      reader.dispose();
    }
  }

  /** The reader's default image, band by band as planes. */
  private static byte[] readersOwn(byte[] jpeg) throws IOException {
    ImageReader reader = reader();
    try {
      reader.setInput(new MemoryImageInputStream(jpeg, 0, jpeg.length), false, true);
      Raster raster = reader.read(0).getRaster();
      int w = raster.getWidth();
      int h = raster.getHeight();
      byte[] out = new byte[raster.getNumBands() * w * h];
      int[] plane = new int[w * h];
      for (int b = 0; b < raster.getNumBands(); b++) {
        raster.getSamples(0, 0, w, h, b, plane);
        for (int i = 0; i < plane.length; i++) {
          out[b * plane.length + i] = (byte) plane[i];
        }
      }
      return out;
    } finally {
      reader.dispose();
    }
  }

  private static ImageReader reader() throws IOException {
    try {
      new RasterDecoder().decode(new byte[] {0}, 1, LIMITS);
    } catch (Exception expected) {
      // not an image: only the registration of the decoder's plugins mattered
    }
    JPEGImageReaderSpi spi =
        IIORegistry.getDefaultInstance().getServiceProviderByClass(JPEGImageReaderSpi.class);
    return spi.createReaderInstance();
  }

  private static byte[] bytes(PixelArray pixels) {
    ByteBuffer data = pixels.data().duplicate();
    byte[] out = new byte[data.remaining()];
    data.get(out);
    return out;
  }

  /** Smooth gradients with noise, as a photo. */
  private static BufferedImage photo(int w, int h, int type) {
    BufferedImage image = new BufferedImage(w, h, type);
    WritableRaster r = image.getRaster();
    Random random = new Random(w * 31L + h);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        for (int b = 0; b < r.getNumBands(); b++) {
          int v = (x * (b + 2) * 255 / Math.max(1, w) + y * 255 / Math.max(1, h)) / 2;
          r.setSample(x, y, b, Math.min(255, Math.max(0, v + random.nextInt(21) - 10)));
        }
      }
    }
    return image;
  }

  /**
   * The image as a JFIF JPEG (quality 0.9) by the JDK's writer, with luma sampling factors {@code h
   * x v} (chroma 1 x 1) for colour images.
   */
  private static byte[] write(BufferedImage image, int h, int v, boolean progressive)
      throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    ImageWriteParam param = writer.getDefaultWriteParam();
    param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
    param.setCompressionQuality(0.9f);
    if (progressive) {
      param.setProgressiveMode(ImageWriteParam.MODE_DEFAULT);
    }
    IIOMetadata metadata = writer.getDefaultImageMetadata(new ImageTypeSpecifier(image), param);
    String format = metadata.getNativeMetadataFormatName();
    Element tree = (Element) metadata.getAsTree(format);
    NodeList components = tree.getElementsByTagName("componentSpec");
    if (components.getLength() == 3) {
      Element luma = (Element) components.item(0);
      luma.setAttribute("HsamplingFactor", Integer.toString(h));
      luma.setAttribute("VsamplingFactor", Integer.toString(v));
    }
    metadata.setFromTree(format, tree);
    return encode(writer, new IIOImage(image, null, metadata), param);
  }

  /** A 4-band raster written without colour conversion: an Adobe CMYK JPEG. */
  private static byte[] writeRaster(Raster raster) throws IOException {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
    return encode(writer, new IIOImage(raster, null, null), writer.getDefaultWriteParam());
  }

  private static byte[] encode(ImageWriter writer, IIOImage image, ImageWriteParam param)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      writer.write(null, image, param);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }
}
