package io.datamint.spark.internal.decode.jpeg;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Test images for the DCMTK encoders: deterministic synthetic pictures with smooth gradients, flat
 * areas (JPEG-LS run mode), hard edges and noise, written as minimal uncompressed Secondary Capture
 * files (Explicit VR Little Endian) that {@code dcmcjpls} and {@code dcmcjpeg} accept.
 */
final class SyntheticDicom {

  private static final String SECONDARY_CAPTURE = "1.2.840.10008.5.1.4.1.1.7";
  private static final String EXPLICIT_LITTLE = "1.2.840.10008.1.2.1";

  private SyntheticDicom() {}

  /**
   * An image: {@code samples[(y * width + x) * components + c]}, unsigned, below {@code
   * 2^bitsStored}.
   */
  record Image(int width, int height, int components, int bitsStored, int[] samples) {

    /** Rows {@code [from, to)} as an image of their own. */
    Image rows(int from, int to) {
      int[] part = new int[(to - from) * width * components];
      System.arraycopy(samples, from * width * components, part, 0, part.length);
      return new Image(width, to - from, components, bitsStored, part);
    }
  }

  /** A deterministic picture mixing the structures the codecs treat differently. */
  static Image picture(int width, int height, int components, int bitsStored, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int max = (1 << bitsStored) - 1;
    int[] s = new int[width * height * components];
    for (int y = 0; y < height; y++) {
      for (int x = 0; x < width; x++) {
        for (int c = 0; c < components; c++) {
          double v;
          if (y < height / 4) {
            v = 0.5 + 0.4 * Math.sin((x + 3 * c) / 5.0) * Math.cos(y / 7.0); // smooth
          } else if (y < height / 2 && x < width / 2) {
            v = 0.25 + 0.1 * c; // flat: runs
          } else if (y < height / 2) {
            v = ((x / 4 + y / 3) & 1) == 0 ? 0.1 : 0.9; // hard edges
          } else if (y < 3 * height / 4) {
            v = (double) x / Math.max(1, width - 1); // ramp with mild noise
            v += (random.nextInt(7) - 3) / (double) Math.max(1, max);
          } else {
            v = random.nextDouble(); // noise: escape codes
          }
          s[(y * width + x) * components + c] =
              (int) Math.max(0, Math.min(max, Math.round(v * max)));
        }
      }
    }
    return new Image(width, height, components, bitsStored, s);
  }

  /** Writes {@code image} as an uncompressed DICOM file (8 or 16 bits allocated). */
  static Path write(Image image, int bitsAllocated, Path file) {
    int rows = image.height();
    int cols = image.width();
    int spp = image.components();
    ByteArrayOutputStream data = new ByteArrayOutputStream();
    ui(data, 0x00080016, SECONDARY_CAPTURE);
    ui(data, 0x00080018, "2.25.1" + Math.abs(file.getFileName().toString().hashCode()));
    text(data, 0x00080060, "CS", "OT");
    us(data, 0x00280002, spp);
    text(data, 0x00280004, "CS", spp == 3 ? "RGB" : "MONOCHROME2");
    if (spp > 1) {
      us(data, 0x00280006, 0);
    }
    us(data, 0x00280010, rows);
    us(data, 0x00280011, cols);
    us(data, 0x00280100, bitsAllocated);
    us(data, 0x00280101, image.bitsStored());
    us(data, 0x00280102, image.bitsStored() - 1);
    us(data, 0x00280103, 0);
    int n = image.samples().length;
    byte[] pixels = new byte[(n * bitsAllocated / 8 + 1) & ~1];
    for (int i = 0; i < n; i++) {
      int v = image.samples()[i];
      if (bitsAllocated == 8) {
        pixels[i] = (byte) v;
      } else {
        pixels[2 * i] = (byte) v;
        pixels[2 * i + 1] = (byte) (v >> 8);
      }
    }
    element(data, 0x7FE00010, bitsAllocated == 8 ? "OB" : "OW", pixels);

    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    element(meta, 0x00020001, "OB", new byte[] {0, 1});
    ui(meta, 0x00020002, SECONDARY_CAPTURE);
    ui(meta, 0x00020003, "2.25.1" + Math.abs(file.getFileName().toString().hashCode()));
    ui(meta, 0x00020010, EXPLICIT_LITTLE);
    ui(meta, 0x00020012, "2.25.1234567");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(new byte[128]);
    out.writeBytes("DICM".getBytes(StandardCharsets.US_ASCII));
    byte[] length = new byte[4];
    int m = meta.size();
    length[0] = (byte) m;
    length[1] = (byte) (m >> 8);
    length[2] = (byte) (m >> 16);
    length[3] = (byte) (m >> 24);
    element(out, 0x00020000, "UL", length);
    out.writeBytes(meta.toByteArray());
    out.writeBytes(data.toByteArray());
    try {
      return Files.write(file, out.toByteArray());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void ui(ByteArrayOutputStream out, int tag, String uid) {
    byte[] v = uid.getBytes(StandardCharsets.US_ASCII);
    if ((v.length & 1) == 1) {
      byte[] padded = new byte[v.length + 1];
      System.arraycopy(v, 0, padded, 0, v.length);
      v = padded; // UI pads with NUL
    }
    element(out, tag, "UI", v);
  }

  private static void text(ByteArrayOutputStream out, int tag, String vr, String value) {
    String v = (value.length() & 1) == 1 ? value + " " : value;
    element(out, tag, vr, v.getBytes(StandardCharsets.US_ASCII));
  }

  private static void us(ByteArrayOutputStream out, int tag, int value) {
    element(out, tag, "US", new byte[] {(byte) value, (byte) (value >> 8)});
  }

  private static void element(ByteArrayOutputStream out, int tag, String vr, byte[] value) {
    short16(out, tag >>> 16);
    short16(out, tag & 0xFFFF);
    out.writeBytes(vr.getBytes(StandardCharsets.US_ASCII));
    if (vr.equals("OB") || vr.equals("OW")) {
      short16(out, 0);
      short16(out, value.length & 0xFFFF);
      short16(out, value.length >>> 16);
    } else {
      short16(out, value.length);
    }
    out.writeBytes(value);
  }

  private static void short16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write((v >> 8) & 0xFF);
  }
}
