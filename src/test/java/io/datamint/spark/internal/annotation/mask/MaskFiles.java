package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.sample.NiftiWriter;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Mask files, annotations and array accessors for the mask tests. */
final class MaskFiles {

  static final DecodeLimits LIMITS = DecodeLimits.defaults();
  static final double[][] IDENTITY = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}, {0, 0, 0, 1}};

  private MaskFiles() {}

  /** An 8-bit grey (mode L) PNG of {@code values[y][x]}. */
  static byte[] greyPng(int[][] values) {
    BufferedImage img =
        new BufferedImage(values[0].length, values.length, BufferedImage.TYPE_BYTE_GRAY);
    for (int y = 0; y < values.length; y++) {
      for (int x = 0; x < values[0].length; x++) {
        img.getRaster().setSample(x, y, 0, values[y][x]);
      }
    }
    return png(img);
  }

  /** An 8-bit RGB PNG of {@code rgb[y][x]} = 0xRRGGBB. */
  static byte[] rgbPng(int[][] rgb) {
    BufferedImage img = new BufferedImage(rgb[0].length, rgb.length, BufferedImage.TYPE_3BYTE_BGR);
    for (int y = 0; y < rgb.length; y++) {
      for (int x = 0; x < rgb[0].length; x++) {
        img.setRGB(x, y, rgb[y][x]);
      }
    }
    return png(img);
  }

  /** A grey PNG of h x w with 255 on the given {@code (y, x)} pixels. */
  static byte[] greyPng(int h, int w, int[]... on) {
    int[][] v = new int[h][w];
    for (int[] p : on) {
      v[p[0]][p[1]] = 255;
    }
    return greyPng(v);
  }

  private static byte[] png(BufferedImage img) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      if (!ImageIO.write(img, "png", out)) {
        throw new IllegalStateException("no PNG writer");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /**
   * A uint8 NIfTI volume with the identity affine (so it decodes to (D, 1, H, W) unflipped) with 1
   * on the given {@code (z, y, x)} voxels.
   */
  static byte[] niftiMask(int d, int h, int w, int[]... on) {
    byte[] voxels = new byte[d * h * w];
    for (int[] p : on) {
      voxels[p[2] + w * (p[1] + h * p[0])] = 1;
    }
    return NiftiWriter.of(new int[] {w, h, d}, IDENTITY).uint8(voxels);
  }

  /** A segmentation annotation on resource {@code res}. */
  static Annotation seg(
      String id, String identifier, String scope, Integer frame, String by, String byModel) {
    return new Annotation(
        id,
        "res",
        identifier,
        scope,
        frame,
        "segmentation",
        null,
        null,
        null,
        null,
        null,
        by,
        byModel,
        null,
        null,
        "published",
        null,
        null,
        null,
        null,
        null);
  }

  static Annotation image(String id, String identifier, String by) {
    return seg(id, identifier, "image", null, by, null);
  }

  static Annotation frame(String id, String identifier, int frame, String by) {
    return seg(id, identifier, "frame", frame, by, null);
  }

  /** Writes each file to {@code dir/<annotation id>} and returns a source reading them back. */
  static MaskSource filesIn(Path dir) {
    return annotation -> Files.readAllBytes(dir.resolve(annotation.id()));
  }

  static void write(Path dir, String annotationId, byte[] bytes) {
    try {
      Files.write(dir.resolve(annotationId), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The uint8 values of {@code a}. */
  static byte[] bytes(PixelArray a) {
    byte[] out = new byte[Math.toIntExact(a.elementCount())];
    a.data().duplicate().position(0).get(out);
    return out;
  }

  /** The float32 values of {@code a}. */
  static float[] floats(PixelArray a) {
    ByteBuffer b = a.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    float[] out = new float[Math.toIntExact(a.elementCount())];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getFloat(i * 4);
    }
    return out;
  }

  /** A uint8 array of {@code shape} holding {@code values}. */
  static PixelArray uint8(int[] shape, int... values) throws DecodeException {
    PixelArray a = PixelArray.allocate(LIMITS, DType.UINT8, shape);
    for (int i = 0; i < values.length; i++) {
      a.data().put(i, (byte) values[i]);
    }
    return a;
  }

  /** A float32 array of {@code shape} holding {@code values}. */
  static PixelArray float32(int[] shape, float... values) throws DecodeException {
    PixelArray a = PixelArray.allocate(LIMITS, DType.FLOAT32, shape);
    for (int i = 0; i < values.length; i++) {
      a.data().putFloat(i * 4, values[i]);
    }
    return a;
  }
}
