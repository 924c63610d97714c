package io.datamint.spark.internal.sample;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

/**
 * Encodes a NIfTI-1 single-file image ({@code .nii}, or {@code .nii.gz} when compressed):
 * little-endian, a 348-byte header, 4 bytes of extension flag (no extension), voxel data from
 * offset 352.
 *
 * <p>The geometry is given as a 4x4 voxel-to-world affine (row-major, RAS+ millimetres). It is
 * written both as the sform ({@code srow_x/y/z}, {@code sform_code = 1}) and as the equivalent
 * quaternion qform ({@code qform_code = 1}, {@code pixdim[0] = qfac}); {@code pixdim[1..3]} are the
 * column norms. Voxels are given in NIfTI (Fortran) order: the first dimension varies fastest.
 * Instances are immutable; the {@code with...} methods return copies.
 */
public final class NiftiWriter {

  /** The supported NIfTI datatypes, with their header codes and bits per voxel. */
  public enum Datatype {
    /** {@code DT_UINT8}. */
    UINT8(2, 8),
    /** {@code DT_INT16}. */
    INT16(4, 16),
    /** {@code DT_FLOAT32}. */
    FLOAT32(16, 32);

    final short code;
    final short bitpix;

    Datatype(int code, int bitpix) {
      this.code = (short) code;
      this.bitpix = (short) bitpix;
    }
  }

  private static final int HEADER_SIZE = 348;
  private static final int VOX_OFFSET = 352;
  private static final byte UNITS_MM = 2;

  private final int[] dims;
  private final double[][] affine;
  private final float sclSlope;
  private final float sclInter;
  private final boolean gzip;
  private final String description;

  private NiftiWriter(
      int[] dims,
      double[][] affine,
      float sclSlope,
      float sclInter,
      boolean gzip,
      String description) {
    this.dims = dims;
    this.affine = affine;
    this.sclSlope = sclSlope;
    this.sclInter = sclInter;
    this.gzip = gzip;
    this.description = description;
  }

  /**
   * A writer for an image of the given dimensions (1 to 7 of them, each at least 1) and 4x4
   * voxel-to-world affine; uncompressed, {@code scl_slope = 1}, {@code scl_inter = 0}.
   */
  public static NiftiWriter of(int[] dims, double[][] affine) {
    if (dims.length < 1
        || dims.length > 7
        || Arrays.stream(dims).anyMatch(d -> d < 1 || d > Short.MAX_VALUE)) {
      throw new IllegalArgumentException(
          "NIfTI needs 1 to 7 dimensions in 1.." + Short.MAX_VALUE + ": " + Arrays.toString(dims));
    }
    if (affine.length != 4 || Arrays.stream(affine).anyMatch(row -> row.length != 4)) {
      throw new IllegalArgumentException("the affine must be 4x4");
    }
    double[][] copy = Arrays.stream(affine).map(double[]::clone).toArray(double[][]::new);
    return new NiftiWriter(dims.clone(), copy, 1f, 0f, false, "");
  }

  /** A copy that declares the scaling {@code value = slope * stored + inter}. */
  public NiftiWriter withScaling(float slope, float inter) {
    return new NiftiWriter(dims, affine, slope, inter, gzip, description);
  }

  /** A copy that gzips its output ({@code .nii.gz}) when {@code compressed}. */
  public NiftiWriter withGzip(boolean compressed) {
    return new NiftiWriter(dims, affine, sclSlope, sclInter, compressed, description);
  }

  /** A copy whose header {@code descrip} field (at most 79 ASCII characters) is {@code text}. */
  public NiftiWriter withDescription(String text) {
    if (text.length() > 79 || !StandardCharsets.US_ASCII.newEncoder().canEncode(text)) {
      throw new IllegalArgumentException("descrip must be at most 79 ASCII characters: " + text);
    }
    return new NiftiWriter(dims, affine, sclSlope, sclInter, gzip, text);
  }

  /** Encodes unsigned 8-bit voxels (each byte read as 0..255). */
  public byte[] uint8(byte[] voxels) {
    ByteBuffer data = payload(Datatype.UINT8, voxels.length);
    data.put(voxels);
    return finish(data);
  }

  /** Encodes signed 16-bit voxels. */
  public byte[] int16(short[] voxels) {
    ByteBuffer data = payload(Datatype.INT16, voxels.length);
    data.asShortBuffer().put(voxels);
    return finish(data);
  }

  /** Encodes 32-bit float voxels. */
  public byte[] float32(float[] voxels) {
    ByteBuffer data = payload(Datatype.FLOAT32, voxels.length);
    data.asFloatBuffer().put(voxels);
    return finish(data);
  }

  /**
   * A little-endian buffer holding the header and extension flag, positioned at the voxel offset.
   */
  private ByteBuffer payload(Datatype type, int voxelCount) {
    long expected = Arrays.stream(dims).asLongStream().reduce(1, (a, b) -> a * b);
    if (expected != voxelCount) {
      throw new IllegalArgumentException(
          "dims " + Arrays.toString(dims) + " need " + expected + " voxels, got " + voxelCount);
    }
    long total = VOX_OFFSET + expected * (type.bitpix / 8);
    if (total > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("image too large for one buffer: " + total + " bytes");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) total).order(ByteOrder.LITTLE_ENDIAN);
    writeHeader(buf, type);
    buf.position(VOX_OFFSET);
    return buf.slice().order(ByteOrder.LITTLE_ENDIAN);
  }

  private void writeHeader(ByteBuffer buf, Datatype type) {
    NiftiQuaternion q = NiftiQuaternion.of(affine);
    buf.putInt(0, HEADER_SIZE);
    buf.put(38, (byte) 'r'); // "regular", as NIfTI-1 writers conventionally set it
    buf.putShort(40, (short) dims.length);
    for (int i = 0; i < dims.length; i++) {
      buf.putShort(42 + 2 * i, (short) dims[i]);
    }
    buf.putShort(70, type.code);
    buf.putShort(72, type.bitpix);
    buf.putFloat(76, (float) q.qfac());
    for (int i = 0; i < dims.length; i++) {
      float size = i < 3 ? (float) q.voxelSize()[i] : 1f;
      buf.putFloat(80 + 4 * i, size);
    }
    buf.putFloat(108, VOX_OFFSET);
    buf.putFloat(112, sclSlope);
    buf.putFloat(116, sclInter);
    buf.put(123, UNITS_MM);
    putAscii(buf, 148, description);
    buf.putShort(252, (short) 1); // qform_code: scanner anatomical
    buf.putShort(254, (short) 1); // sform_code: scanner anatomical
    buf.putFloat(256, (float) q.b());
    buf.putFloat(260, (float) q.c());
    buf.putFloat(264, (float) q.d());
    for (int i = 0; i < 3; i++) {
      buf.putFloat(268 + 4 * i, (float) q.offset()[i]);
    }
    for (int row = 0; row < 3; row++) {
      for (int col = 0; col < 4; col++) {
        buf.putFloat(280 + 16 * row + 4 * col, (float) affine[row][col]);
      }
    }
    putAscii(buf, 344, "n+1"); // magic, NUL-terminated by the zeroed buffer
    // bytes 348..351: extension flag, all zero (no extension)
  }

  private static void putAscii(ByteBuffer buf, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    for (int i = 0; i < bytes.length; i++) {
      buf.put(offset + i, bytes[i]);
    }
  }

  private byte[] finish(ByteBuffer data) {
    byte[] raw = data.array(); // the slice shares the whole array, header included
    return gzip ? gzip(raw) : raw;
  }

  private static byte[] gzip(byte[] raw) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length / 4 + 64);
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
