package io.datamint.spark.internal.decode.nifti;

import io.datamint.spark.error.DecodeException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * The fields of a NIfTI-1 (348-byte) or NIfTI-2 (540-byte) header, as stored (no nibabel "fixes"
 * applied; those are in {@link NiftiOrientation}). NIfTI-1 floating-point fields are float32
 * widened exactly to double.
 */
final class NiftiHeader {

  static final int NIFTI1_SIZE = 348;
  static final int NIFTI2_SIZE = 540;

  /** The smallest data offset of a single file: the header plus the 4-byte extension flag. */
  static final int NIFTI1_MIN_OFFSET = NIFTI1_SIZE + 4;

  static final int NIFTI2_MIN_OFFSET = NIFTI2_SIZE + 4;

  /** 1 or 2. */
  int version;

  ByteOrder order;
  String magic;
  long[] dim = new long[8];
  double intentP1;
  double intentP2;
  double intentP3;
  int intentCode;
  String intentName;
  int datatype;
  int bitpix;
  long sliceStart;
  long sliceEnd;
  int sliceCode;
  double[] pixdim = new double[8];

  /** As stored: a float in NIfTI-1, an int64 in NIfTI-2. */
  double voxOffset;

  double sclSlope;
  double sclInter;
  double calMax;
  double calMin;
  double sliceDuration;
  double toffset;

  /** NIfTI-1 only (0 in NIfTI-2). */
  int glmax;

  int glmin;
  int xyztUnits;
  int dimInfo;
  String descrip;
  String auxFile;
  int qformCode;
  int sformCode;
  double quaternB;
  double quaternC;
  double quaternD;
  double qoffsetX;
  double qoffsetY;
  double qoffsetZ;
  double[] srowX = new double[4];
  double[] srowY = new double[4];
  double[] srowZ = new double[4];

  private NiftiHeader() {}

  /** The header size of this version. */
  int size() {
    return version == 1 ? NIFTI1_SIZE : NIFTI2_SIZE;
  }

  /** The smallest valid {@code vox_offset} of a single file of this version. */
  int minimumOffset() {
    return version == 1 ? NIFTI1_MIN_OFFSET : NIFTI2_MIN_OFFSET;
  }

  /** The version the first 4 bytes (sizeof_hdr, either byte order) announce, or 0. */
  static int sniffVersion(byte[] b, int length) {
    if (length < 4) {
      return 0;
    }
    int le = ByteBuffer.wrap(b, 0, 4).order(ByteOrder.LITTLE_ENDIAN).getInt(0);
    int be = Integer.reverseBytes(le);
    if (le == NIFTI1_SIZE || be == NIFTI1_SIZE) {
      return 1;
    }
    if (le == NIFTI2_SIZE || be == NIFTI2_SIZE) {
      return 2;
    }
    return 0;
  }

  /**
   * Parses the header at the start of {@code b}.
   *
   * @param b at least the header's bytes (348 or 540)
   * @param length the valid bytes of {@code b}
   * @throws DecodeException when the bytes are not a NIfTI header, or are too few
   */
  static NiftiHeader parse(byte[] b, int length) throws DecodeException {
    if (length < 4) {
      throw new DecodeException("not a NIfTI file: only " + length + " bytes");
    }
    ByteBuffer bb = ByteBuffer.wrap(b, 0, length).order(ByteOrder.LITTLE_ENDIAN);
    int le = bb.getInt(0);
    NiftiHeader h = new NiftiHeader();
    if (le == NIFTI1_SIZE || le == NIFTI2_SIZE) {
      h.order = ByteOrder.LITTLE_ENDIAN;
      h.version = le == NIFTI1_SIZE ? 1 : 2;
    } else {
      int be = Integer.reverseBytes(le);
      if (be != NIFTI1_SIZE && be != NIFTI2_SIZE) {
        throw new DecodeException(
            "not a NIfTI file: sizeof_hdr is "
                + le
                + " (little-endian) / "
                + be
                + " (big-endian); NIfTI-1 has 348, NIfTI-2 540");
      }
      h.order = ByteOrder.BIG_ENDIAN;
      h.version = be == NIFTI1_SIZE ? 1 : 2;
    }
    if (length < h.size()) {
      throw new DecodeException(
          "truncated NIfTI-" + h.version + " header: " + length + " of " + h.size() + " bytes");
    }
    bb.order(h.order);
    if (h.version == 1) {
      h.parse1(b, bb);
    } else {
      h.parse2(b, bb);
    }
    return h;
  }

  private void parse1(byte[] b, ByteBuffer bb) {
    dimInfo = b[39] & 0xFF;
    for (int i = 0; i < 8; i++) {
      dim[i] = bb.getShort(40 + 2 * i);
    }
    intentP1 = bb.getFloat(56);
    intentP2 = bb.getFloat(60);
    intentP3 = bb.getFloat(64);
    intentCode = bb.getShort(68);
    datatype = bb.getShort(70);
    bitpix = bb.getShort(72);
    sliceStart = bb.getShort(74);
    for (int i = 0; i < 8; i++) {
      pixdim[i] = bb.getFloat(76 + 4 * i);
    }
    voxOffset = bb.getFloat(108);
    sclSlope = bb.getFloat(112);
    sclInter = bb.getFloat(116);
    sliceEnd = bb.getShort(120);
    sliceCode = b[122] & 0xFF;
    xyztUnits = b[123] & 0xFF;
    calMax = bb.getFloat(124);
    calMin = bb.getFloat(128);
    sliceDuration = bb.getFloat(132);
    toffset = bb.getFloat(136);
    glmax = bb.getInt(140);
    glmin = bb.getInt(144);
    descrip = text(b, 148, 80);
    auxFile = text(b, 228, 24);
    qformCode = bb.getShort(252);
    sformCode = bb.getShort(254);
    quaternB = bb.getFloat(256);
    quaternC = bb.getFloat(260);
    quaternD = bb.getFloat(264);
    qoffsetX = bb.getFloat(268);
    qoffsetY = bb.getFloat(272);
    qoffsetZ = bb.getFloat(276);
    for (int i = 0; i < 4; i++) {
      srowX[i] = bb.getFloat(280 + 4 * i);
      srowY[i] = bb.getFloat(296 + 4 * i);
      srowZ[i] = bb.getFloat(312 + 4 * i);
    }
    intentName = text(b, 328, 16);
    magic = text(b, 344, 4);
  }

  private void parse2(byte[] b, ByteBuffer bb) {
    magic = text(b, 4, 8);
    datatype = bb.getShort(12);
    bitpix = bb.getShort(14);
    for (int i = 0; i < 8; i++) {
      dim[i] = bb.getLong(16 + 8 * i);
    }
    intentP1 = bb.getDouble(80);
    intentP2 = bb.getDouble(88);
    intentP3 = bb.getDouble(96);
    for (int i = 0; i < 8; i++) {
      pixdim[i] = bb.getDouble(104 + 8 * i);
    }
    voxOffset = bb.getLong(168);
    sclSlope = bb.getDouble(176);
    sclInter = bb.getDouble(184);
    calMax = bb.getDouble(192);
    calMin = bb.getDouble(200);
    sliceDuration = bb.getDouble(208);
    toffset = bb.getDouble(216);
    sliceStart = bb.getLong(224);
    sliceEnd = bb.getLong(232);
    descrip = text(b, 240, 80);
    auxFile = text(b, 320, 24);
    qformCode = bb.getInt(344);
    sformCode = bb.getInt(348);
    quaternB = bb.getDouble(352);
    quaternC = bb.getDouble(360);
    quaternD = bb.getDouble(368);
    qoffsetX = bb.getDouble(376);
    qoffsetY = bb.getDouble(384);
    qoffsetZ = bb.getDouble(392);
    for (int i = 0; i < 4; i++) {
      srowX[i] = bb.getDouble(400 + 8 * i);
      srowY[i] = bb.getDouble(432 + 8 * i);
      srowZ[i] = bb.getDouble(464 + 8 * i);
    }
    sliceCode = bb.getInt(496);
    xyztUnits = bb.getInt(500);
    intentCode = bb.getInt(504);
    intentName = text(b, 508, 16);
    dimInfo = b[524] & 0xFF;
  }

  /**
   * The NIfTI-2 {@code eol_check} bytes after the 4-byte magic: must be 13 10 26 10 (or all zero).
   */
  static boolean eolCheckValid(byte[] b) {
    boolean standard = b[8] == 13 && b[9] == 10 && b[10] == 26 && b[11] == 10;
    boolean zero = b[8] == 0 && b[9] == 0 && b[10] == 0 && b[11] == 0;
    return standard || zero;
  }

  /** A NUL-terminated text field, decoded as UTF-8 (malformed bytes become U+FFFD). */
  private static String text(byte[] b, int offset, int max) {
    int end = offset;
    while (end < offset + max && b[end] != 0) {
      end++;
    }
    return new String(b, offset, end - offset, StandardCharsets.UTF_8);
  }
}
