package io.datamint.spark.internal.sample;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferUShort;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;

/**
 * Encodes PNG images through {@code javax.imageio}: 8-bit and 16-bit grayscale, 8-bit RGB, and
 * binary masks as 8-bit grayscale ({@code L}) with values 0 and 255, the form the Datamint SDK
 * uploads for segmentations.
 *
 * <p>Pixels are given row by row ({@code y * width + x}). The encoder writes no time chunk, so the
 * same pixels always give the same bytes.
 */
public final class PngWriter {

  private PngWriter() {}

  /** An 8-bit grayscale PNG; {@code pixels[y * width + x]} read as 0..255. */
  public static byte[] gray8(int width, int height, byte[] pixels) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    System.arraycopy(pixels, 0, data8(img, width, height, pixels.length), 0, pixels.length);
    return encode(img);
  }

  /** A 16-bit grayscale PNG; {@code pixels[y * width + x]} read as 0..65535. */
  public static byte[] gray16(int width, int height, short[] pixels) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_USHORT_GRAY);
    short[] target = ((DataBufferUShort) img.getRaster().getDataBuffer()).getData();
    checkLength(width, height, pixels.length, target.length);
    System.arraycopy(pixels, 0, target, 0, pixels.length);
    return encode(img);
  }

  /** An 8-bit RGB PNG; {@code rgb[y * width + x]} is {@code 0xRRGGBB}. */
  public static byte[] rgb(int width, int height, int[] rgb) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    int[] target = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    checkLength(width, height, rgb.length, target.length);
    System.arraycopy(rgb, 0, target, 0, rgb.length);
    return encode(img);
  }

  /**
   * A binary mask as an 8-bit grayscale PNG: 255 where {@code mask[y * width + x]} is true, 0
   * elsewhere.
   */
  public static byte[] mask(int width, int height, boolean[] mask) {
    BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_GRAY);
    byte[] target = data8(img, width, height, mask.length);
    for (int i = 0; i < mask.length; i++) {
      target[i] = mask[i] ? (byte) 255 : 0;
    }
    return encode(img);
  }

  private static byte[] data8(BufferedImage img, int width, int height, int given) {
    byte[] target = ((DataBufferByte) img.getRaster().getDataBuffer()).getData();
    checkLength(width, height, given, target.length);
    return target;
  }

  private static void checkLength(int width, int height, int given, int expected) {
    if (given != expected) {
      throw new IllegalArgumentException(
          width + "x" + height + " needs " + expected + " pixels, got " + given);
    }
  }

  private static byte[] encode(BufferedImage img) {
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
      writer.setOutput(out);
      writer.write(img);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return bytes.toByteArray();
  }
}
