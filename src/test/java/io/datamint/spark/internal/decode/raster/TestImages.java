package io.datamint.spark.internal.decode.raster;

import java.awt.Transparency;
import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/** Synthetic images built with java.awt and written with ImageIO writers, for tests. */
final class TestImages {

  private TestImages() {}

  /** An image of {@code type} whose every sample of every band is random in [0, max]. */
  static BufferedImage random(BufferedImage image, Random random, int max) {
    WritableRaster r = image.getRaster();
    for (int y = 0; y < r.getHeight(); y++) {
      for (int x = 0; x < r.getWidth(); x++) {
        for (int b = 0; b < r.getNumBands(); b++) {
          r.setSample(x, y, b, random.nextInt(max + 1));
        }
      }
    }
    return image;
  }

  static BufferedImage ofType(int w, int h, int type) {
    return new BufferedImage(w, h, type);
  }

  /**
   * Component images not among the predefined types: grey+alpha, 16-bit RGB / RGBA / grey+alpha.
   */
  static BufferedImage component(int w, int h, boolean grey, boolean alpha, int dataType) {
    ColorSpace cs = ColorSpace.getInstance(grey ? ColorSpace.CS_GRAY : ColorSpace.CS_sRGB);
    ComponentColorModel cm =
        new ComponentColorModel(
            cs, alpha, false, alpha ? Transparency.TRANSLUCENT : Transparency.OPAQUE, dataType);
    return new BufferedImage(cm, cm.createCompatibleWritableRaster(w, h), false, null);
  }

  /**
   * A palette image of {@code bits} bits per index with a random (non-grey) palette, or a grey
   * ramp.
   */
  static BufferedImage palette(int w, int h, int bits, boolean greyRamp, Random random) {
    int size = 1 << bits;
    byte[] r = new byte[size];
    byte[] g = new byte[size];
    byte[] b = new byte[size];
    for (int i = 0; i < size; i++) {
      if (greyRamp) {
        r[i] = g[i] = b[i] = (byte) Math.round(i * 255.0 / (size - 1));
      } else {
        r[i] = (byte) random.nextInt(256);
        g[i] = (byte) random.nextInt(256);
        b[i] = (byte) ((i * 37 + 11) & 0xFF);
      }
    }
    IndexColorModel icm = new IndexColorModel(bits, size, r, g, b);
    int type = bits == 8 ? BufferedImage.TYPE_BYTE_INDEXED : BufferedImage.TYPE_BYTE_BINARY;
    return new BufferedImage(w, h, type, icm);
  }

  /** The image written as {@code format} by the first ImageIO writer. */
  static byte[] write(BufferedImage image, String format) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(image, format, out)) {
        throw new IllegalStateException("no " + format + " writer for " + image);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** JPEG at quality 0.95. */
  static byte[] jpeg(BufferedImage image) {
    return sequence(List.of(image), "jpeg", 0.95f);
  }

  /** Several images in one file (multi-page TIFF, animated GIF). */
  static byte[] sequence(List<BufferedImage> images, String format) {
    return sequence(images, format, -1);
  }

  private static byte[] sequence(List<BufferedImage> images, String format, float quality) {
    Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName(format);
    ImageWriter writer = writers.next();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
      writer.setOutput(ios);
      ImageWriteParam param = writer.getDefaultWriteParam();
      if (quality >= 0) {
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality);
      }
      if (images.size() == 1) {
        writer.write(null, new IIOImage(images.get(0), null, null), param);
      } else {
        writer.prepareWriteSequence(null);
        for (BufferedImage image : images) {
          writer.writeToSequence(new IIOImage(image, null, null), param);
        }
        writer.endWriteSequence();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      writer.dispose();
    }
    return out.toByteArray();
  }

  /** The data type constant for 16 bits. */
  static final int USHORT = DataBuffer.TYPE_USHORT;

  static final int BYTE = DataBuffer.TYPE_BYTE;
}
