package io.datamint.spark.internal.decode.dicom;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A minimal JP2 file (ITU T.800 Annex I) around a bare JPEG 2000 codestream, for decoders that take
 * files: the signature and file-type boxes, a JP2 header box (image header and an enumerated colour
 * specification: greyscale for one component, sRGB for three) and the codestream box. With the
 * colour space declared, OpenJPEG's caller knows the samples are grey or RGB, where a bare
 * codestream leaves it unspecified.
 *
 * <p>The codestream may be copied with its components marked unsigned ({@link #unsigned}): a
 * decoder then adds 2^(precision - 1) to every sample after the inverse transforms (the DC level
 * shift) and clips to [0, 2^precision - 1] instead of clipping to the signed range; subtracting
 * 2^(precision - 1) again gives exactly the signed samples, for decoders that do not return signed
 * ones.
 */
final class Jp2File {

  /** Signature (12) + file type (20) + JP2 header (8 + image header 22 + colour 15) + jp2c (8). */
  static final int HEADER_BYTES = 12 + 20 + 45 + 8;

  private static final int GREYSCALE = 17;
  private static final int SRGB = 16;

  private Jp2File() {}

  /**
   * The file's bytes.
   *
   * @param header the parsed codestream, {@link J2kCodestream#uniform()}, with 1 or 3 components
   * @param unsigned whether to clear the sign bit of every component's Ssiz in the copy
   */
  static byte[] wrap(J2kCodestream header, boolean unsigned) {
    if (header.components() != 1 && header.components() != 3) {
      throw new IllegalArgumentException(
          "a JP2 colour space is declared for 1 or 3 components, not " + header.components());
    }
    byte[] cs = header.codestream();
    ByteBuffer out = ByteBuffer.allocate(HEADER_BYTES + cs.length); // big-endian, as JP2 is
    out.putInt(12).put(type("jP  ")).putInt(0x0D0A870A);
    out.putInt(20).put(type("ftyp")).put(type("jp2 ")).putInt(0).put(type("jp2 "));
    out.putInt(45).put(type("jp2h"));
    out.putInt(22).put(type("ihdr")).putInt(header.height()).putInt(header.width());
    out.putShort((short) header.components());
    // BPC: depth - 1, the sign bit as the copy says; C = 7 (JPEG 2000); no unknown colour space or
    // intellectual property
    out.put((byte) (header.precision() - 1 | (header.signed() && !unsigned ? 0x80 : 0)));
    out.put((byte) 7).put((byte) 0).put((byte) 0);
    out.putInt(15).put(type("colr")).put((byte) 1).put((byte) 0).put((byte) 0);
    out.putInt(header.components() == 1 ? GREYSCALE : SRGB);
    out.putInt(8 + cs.length).put(type("jp2c"));
    int start = out.position();
    out.put(cs);
    byte[] file = out.array();
    if (unsigned) {
      for (int c = 0; c < header.components(); c++) {
        file[start + 42 + 3 * c] &= 0x7F; // Ssiz of component c
      }
    }
    return file;
  }

  private static byte[] type(String fourCc) {
    return fourCc.getBytes(StandardCharsets.US_ASCII);
  }
}
