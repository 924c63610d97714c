package io.datamint.spark.internal.decode.raster;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.function.IntUnaryOperator;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A small PNG encoder for tests, written from the PNG specification: the filter type of every row
 * is chosen by the caller (so all five appear, which ImageIO's and PIL's writers do not promise),
 * the filters use the specification's Paeth predictor with its branches (an independent reference
 * for {@link PngFilters}), and the compressed data is cut into IDAT chunks of random sizes, some
 * empty.
 */
final class PngTestEncoder {

  private PngTestEncoder() {}

  /** An image to encode: samples row by row, pixel-interleaved, each sample 0..2^depth-1. */
  record Image(int width, int height, int bitDepth, int colorType, int[] samples) {}

  /** Extra chunks: PLTE entries (palette images) and a tRNS payload, either may be null. */
  record Extras(byte[] plte, byte[] trns) {}

  /** The samples per pixel of a colour type. */
  static int channels(int colorType) {
    return switch (colorType) {
      case 2 -> 3;
      case 4 -> 2;
      case 6 -> 4;
      default -> 1;
    };
  }

  /** A random image; samples below {@code max} (or all values when max is 0). */
  static Image random(int width, int height, int bitDepth, int colorType, Random random) {
    int[] s = new int[width * height * channels(colorType)];
    int range = 1 << bitDepth;
    // smooth areas and noise, so that every predictor has work and ties happen
    for (int i = 0; i < s.length; i++) {
      s[i] = random.nextInt(4) == 0 ? random.nextInt(range) : (i * 7 / 3) % range;
    }
    return new Image(width, height, bitDepth, colorType, s);
  }

  /** The specification's Paeth predictor, with its branches. */
  static int paeth(int a, int b, int c) {
    int p = a + b - c;
    int pa = Math.abs(p - a);
    int pb = Math.abs(p - b);
    int pc = Math.abs(p - c);
    if (pa <= pb && pa <= pc) {
      return a;
    }
    return pb <= pc ? b : c;
  }

  /**
   * Encodes {@code image}, row {@code y} with filter {@code filterOfRow.applyAsInt(y)} (a type over
   * 4 is written as given, the row unfiltered).
   */
  static byte[] encode(Image image, Extras extras, IntUnaryOperator filterOfRow, Random random) {
    int bytesPerSample = image.bitDepth() / 8;
    int channels = channels(image.colorType());
    int bpp = channels * bytesPerSample;
    int rowBytes = image.width() * bpp;
    byte[] prior = new byte[rowBytes];
    ByteArrayOutputStream filtered = new ByteArrayOutputStream();
    for (int y = 0; y < image.height(); y++) {
      byte[] raw = new byte[rowBytes];
      for (int i = 0; i < image.width() * channels; i++) {
        int v = image.samples()[y * image.width() * channels + i];
        if (bytesPerSample == 2) {
          raw[2 * i] = (byte) (v >>> 8);
          raw[2 * i + 1] = (byte) v;
        } else {
          raw[i] = (byte) v;
        }
      }
      int filter = filterOfRow.applyAsInt(y);
      filtered.write(filter);
      for (int i = 0; i < rowBytes; i++) {
        int a = i >= bpp ? raw[i - bpp] & 0xFF : 0;
        int b = prior[i] & 0xFF;
        int c = i >= bpp ? prior[i - bpp] & 0xFF : 0;
        int predictor =
            switch (filter) {
              case 1 -> a;
              case 2 -> b;
              case 3 -> (a + b) / 2;
              case 4 -> paeth(a, b, c);
              default -> 0; // None, or a type PNG does not define (for tests of bad files)
            };
        filtered.write((raw[i] - predictor) & 0xFF);
      }
      prior = raw;
    }
    byte[] data = deflate(filtered.toByteArray());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(
        out,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(image.width())
            .putInt(image.height())
            .put((byte) image.bitDepth())
            .put((byte) image.colorType())
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .array());
    if (extras != null && extras.plte() != null) {
      chunk(out, "PLTE", extras.plte());
    }
    if (extras != null && extras.trns() != null) {
      chunk(out, "tRNS", extras.trns());
    }
    int at = 0;
    do {
      int size = Math.min(data.length - at, random.nextInt(3) == 0 ? 0 : 1 + random.nextInt(700));
      byte[] part = new byte[size];
      System.arraycopy(data, at, part, 0, size);
      chunk(out, "IDAT", part);
      at += size;
    } while (at < data.length);
    chunk(out, "IEND", new byte[0]);
    return out.toByteArray();
  }

  private static byte[] deflate(byte[] data) {
    Deflater deflater = new Deflater(6);
    deflater.setInput(data);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[8192];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  static void chunk(ByteArrayOutputStream out, String type, byte[] data) {
    byte[] t = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(t);
    crc.update(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    out.writeBytes(t);
    out.writeBytes(data);
    out.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
