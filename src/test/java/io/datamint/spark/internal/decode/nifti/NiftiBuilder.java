package io.datamint.spark.internal.decode.nifti;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * Writes synthetic NIfTI-1 / NIfTI-2 files with any header field set, for tests: every setter
 * returns this; the voxel bytes are given as stored (already in the header's byte order).
 */
final class NiftiBuilder {

  int version = 1;
  ByteOrder order = ByteOrder.LITTLE_ENDIAN;
  String magic;
  long[] dim = {3, 1, 1, 1, 1, 1, 1, 1};
  int datatype = 2;
  int bitpix = 8;
  double[] pixdim = {1, 1, 1, 1, 1, 1, 1, 1};
  Double voxOffset;
  double sclSlope = 1;
  double sclInter = 0;
  int qformCode;
  int sformCode;
  double[] quatern = {0, 0, 0};
  double[] qoffset = {0, 0, 0};
  double[][] srow = {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 0, 1, 0}};
  int intentCode;
  String intentName = "";
  String descrip = "";
  short glmin;
  List<byte[]> extensions = new ArrayList<>();
  byte[] voxels = new byte[0];
  boolean gzip;
  byte[] eolCheck = {13, 10, 26, 10};

  NiftiBuilder version(int v) {
    version = v;
    return this;
  }

  NiftiBuilder bigEndian() {
    order = ByteOrder.BIG_ENDIAN;
    return this;
  }

  NiftiBuilder shape(long... shape) {
    dim = new long[] {shape.length, 1, 1, 1, 1, 1, 1, 1};
    System.arraycopy(shape, 0, dim, 1, shape.length);
    return this;
  }

  NiftiBuilder datatype(int code, int bits) {
    datatype = code;
    bitpix = bits;
    return this;
  }

  NiftiBuilder pixdim(double... values) {
    System.arraycopy(values, 0, pixdim, 0, values.length);
    return this;
  }

  NiftiBuilder scaling(double slope, double inter) {
    sclSlope = slope;
    sclInter = inter;
    return this;
  }

  NiftiBuilder sform(int code, double[][] rows) {
    sformCode = code;
    srow = rows;
    return this;
  }

  NiftiBuilder qform(int code, double b, double c, double d, double qfac, double... offset) {
    qformCode = code;
    quatern = new double[] {b, c, d};
    pixdim[0] = qfac;
    if (offset.length == 3) {
      qoffset = offset;
    }
    return this;
  }

  NiftiBuilder voxels(byte[] data) {
    voxels = data;
    return this;
  }

  NiftiBuilder gzip() {
    gzip = true;
    return this;
  }

  NiftiBuilder extension(int code, byte[] content) {
    int size = (content.length + 8 + 15) / 16 * 16;
    ByteBuffer b = ByteBuffer.allocate(size).order(order);
    b.putInt(size).putInt(code).put(content);
    extensions.add(b.array());
    return this;
  }

  int headerSize() {
    return version == 1 ? 348 : 540;
  }

  /** The data offset this builder writes unless {@link #voxOffset} is set. */
  int defaultOffset() {
    int offset = headerSize() + 4;
    for (byte[] e : extensions) {
      offset += e.length;
    }
    return offset;
  }

  /** The header, extensions and voxels (gzip-compressed when asked). */
  byte[] build() {
    byte[] header = version == 1 ? header1() : header2();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(header);
    out.writeBytes(new byte[] {(byte) (extensions.isEmpty() ? 0 : 1), 0, 0, 0});
    extensions.forEach(out::writeBytes);
    int offset = voxOffset == null ? defaultOffset() : (int) (double) voxOffset;
    while (out.size() < offset) {
      out.write(0);
    }
    out.writeBytes(voxels);
    byte[] bytes = out.toByteArray();
    return gzip ? gzip(bytes) : bytes;
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private byte[] header1() {
    ByteBuffer b = ByteBuffer.allocate(348).order(order);
    b.putInt(0, 348);
    for (int i = 0; i < 8; i++) {
      b.putShort(40 + 2 * i, (short) dim[i]);
    }
    b.putShort(68, (short) intentCode);
    b.putShort(70, (short) datatype);
    b.putShort(72, (short) bitpix);
    for (int i = 0; i < 8; i++) {
      b.putFloat(76 + 4 * i, (float) pixdim[i]);
    }
    b.putFloat(108, (float) (voxOffset == null ? defaultOffset() : voxOffset));
    b.putFloat(112, (float) sclSlope);
    b.putFloat(116, (float) sclInter);
    b.putInt(144, glmin);
    put(b, 148, descrip, 80);
    b.putShort(252, (short) qformCode);
    b.putShort(254, (short) sformCode);
    for (int i = 0; i < 3; i++) {
      b.putFloat(256 + 4 * i, (float) quatern[i]);
      b.putFloat(268 + 4 * i, (float) qoffset[i]);
    }
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        b.putFloat(280 + 16 * r + 4 * c, (float) srow[r][c]);
      }
    }
    put(b, 328, intentName, 16);
    put(b, 344, magic == null ? "n+1" : magic, 4);
    return b.array();
  }

  private byte[] header2() {
    ByteBuffer b = ByteBuffer.allocate(540).order(order);
    b.putInt(0, 540);
    put(b, 4, magic == null ? "n+2" : magic, 4);
    b.put(8, eolCheck);
    b.putShort(12, (short) datatype);
    b.putShort(14, (short) bitpix);
    for (int i = 0; i < 8; i++) {
      b.putLong(16 + 8 * i, dim[i]);
      b.putDouble(104 + 8 * i, pixdim[i]);
    }
    b.putLong(168, (long) (voxOffset == null ? defaultOffset() : voxOffset));
    b.putDouble(176, sclSlope);
    b.putDouble(184, sclInter);
    put(b, 240, descrip, 80);
    b.putInt(344, qformCode);
    b.putInt(348, sformCode);
    for (int i = 0; i < 3; i++) {
      b.putDouble(352 + 8 * i, quatern[i]);
      b.putDouble(376 + 8 * i, qoffset[i]);
    }
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 4; c++) {
        b.putDouble(400 + 32 * r + 8 * c, srow[r][c]);
      }
    }
    b.putInt(504, intentCode);
    put(b, 508, intentName, 16);
    return b.array();
  }

  private static void put(ByteBuffer b, int at, String text, int max) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    b.put(at, bytes, 0, Math.min(bytes.length, max));
  }
}
