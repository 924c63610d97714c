package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a JPEG 2000 codestream (ITU T.800) says in its main header, and the repairs applied before
 * decoding: the JP2 file-format wrapper that some writers put around the codestream
 * (non-conformant, PS3.5 A.4.4) is removed, and a tile-part count (TNsot) smaller than the
 * tile-parts present is corrected, since jai-imageio otherwise stops early and decodes a blurred
 * image (GDCM's TextGBR sample has 6 tile-parts per tile and says 5).
 *
 * @param codestream the bare codestream, repaired
 * @param width image width (Xsiz - XOsiz)
 * @param height image height (Ysiz - YOsiz)
 * @param components the number of components
 * @param precision the bit depth of the first component
 * @param signed whether the first component is signed
 * @param multipleComponentTransform whether COD enables the RCT/ICT (the decoder then outputs RGB)
 */
record J2kCodestream(
    byte[] codestream,
    int width,
    int height,
    int components,
    int precision,
    boolean signed,
    boolean multipleComponentTransform) {

  static J2kCodestream parse(byte[] data, int frameIndex) throws DecodeException {
    byte[] cs = unwrapJp2(data);
    if (cs.length < 4
        || (cs[0] & 0xFF) != 0xFF
        || (cs[1] & 0xFF) != 0x4F
        || (cs[2] & 0xFF) != 0xFF
        || (cs[3] & 0xFF) != 0x51) {
      throw new DecodeException(
          "frame " + frameIndex + " is not a JPEG 2000 codestream (no SOC and SIZ markers)");
    }
    int sizLength = cs.length < 6 ? 0 : u16(cs, 4); // 0: no room for its length
    if (sizLength < 41 || 4 + 2 + sizLength > cs.length) {
      throw new DecodeException("frame " + frameIndex + " has a corrupt JPEG 2000 SIZ marker");
    }
    long xsiz = u32(cs, 8);
    long ysiz = u32(cs, 12);
    long xo = u32(cs, 16);
    long yo = u32(cs, 20);
    int components = u16(cs, 40);
    if (components < 1
        || 42 + 3 * components > 4 + sizLength
        || xsiz <= xo
        || ysiz <= yo
        || xsiz - xo > Integer.MAX_VALUE
        || ysiz - yo > Integer.MAX_VALUE) {
      throw new DecodeException("frame " + frameIndex + " has a corrupt JPEG 2000 SIZ marker");
    }
    int ssiz = cs[42] & 0xFF;
    boolean mct = false;
    int pos = 4 + sizLength;
    while (pos + 4 <= cs.length) {
      int marker = u16(cs, pos);
      if (marker == 0xFF90 || marker == 0xFF93) {
        break; // first tile-part
      }
      int length = u16(cs, pos + 2);
      if (length < 2) {
        break;
      }
      if (marker == 0xFF52 && length >= 12 && pos + 10 < cs.length) {
        mct = (cs[pos + 8] & 0xFF) != 0;
      }
      pos += 2 + length;
    }
    byte[] repaired = fixTilePartCounts(cs, pos);
    return new J2kCodestream(
        repaired,
        (int) (xsiz - xo),
        (int) (ysiz - yo),
        components,
        (ssiz & 0x7F) + 1,
        (ssiz & 0x80) != 0,
        mct);
  }

  /**
   * Fails unless the codestream's size and number of components are the frame's, and its samples
   * fit 16 bits.
   */
  void check(FrameSpec spec) throws DecodeException {
    if (width != spec.columns() || height != spec.rows() || components != spec.samplesPerPixel()) {
      throw spec.shapeMismatch("JPEG 2000", width, height, components);
    }
    if (precision > 16) {
      throw new DecodeException(
          "JPEG 2000 frame "
              + spec.frameIndex()
              + " has "
              + precision
              + "-bit samples; at most 16 are supported");
    }
  }

  /**
   * Whether the image starts at the reference grid's origin (no XOsiz or YOsiz) and every component
   * has the first one's depth and sign and is not subsampled (XRsiz = YRsiz = 1): the image is then
   * {@code width x height x components} samples of one kind.
   */
  boolean uniform() {
    if (u32(codestream, 16) != 0 || u32(codestream, 20) != 0) {
      return false;
    }
    int first = codestream[42];
    for (int c = 0; c < components; c++) {
      int at = 42 + 3 * c;
      if (codestream[at] != first || codestream[at + 1] != 1 || codestream[at + 2] != 1) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether the codestream ends with its EOC marker (0xFFD9), after at most one padding byte of
   * zero (DICOM fragments have an even length): one cut short does not.
   */
  boolean endsWithEoc() {
    int end = codestream.length;
    if (end > 0 && codestream[end - 1] == 0) {
      end--;
    }
    return end >= 2 && (codestream[end - 2] & 0xFF) == 0xFF && (codestream[end - 1] & 0xFF) == 0xD9;
  }

  /** The contiguous codestream box of a JP2 file, or the bytes unchanged. */
  private static byte[] unwrapJp2(byte[] data) {
    if (data.length < 12 || u32(data, 0) != 12 || data[4] != 'j' || data[5] != 'P') {
      return data;
    }
    int pos = 0;
    while (pos + 8 <= data.length) {
      long boxLength = u32(data, pos);
      int header = 8;
      if (boxLength == 1 && pos + 16 <= data.length) {
        boxLength = (u32(data, pos + 8) << 32) | u32(data, pos + 12);
        header = 16;
      } else if (boxLength == 0) {
        boxLength = data.length - pos;
      }
      if (data[pos + 4] == 'j'
          && data[pos + 5] == 'p'
          && data[pos + 6] == '2'
          && data[pos + 7] == 'c') {
        int start = pos + header;
        // an 8-byte box length may be negative as a long: then the box holds nothing
        int end = (int) Math.max(start, Math.min(data.length, pos + boxLength));
        byte[] cs = new byte[Math.max(0, end - start)];
        System.arraycopy(data, start, cs, 0, cs.length);
        return cs;
      }
      if (boxLength < header || pos + boxLength > data.length) {
        break;
      }
      pos += (int) boxLength;
    }
    return data;
  }

  /**
   * Sets every SOT's TNsot to the number of tile-parts of its tile when it declares fewer (copying
   * if needed).
   */
  private static byte[] fixTilePartCounts(byte[] cs, int firstSot) {
    Map<Integer, int[]> tiles = new HashMap<>(); // tile -> {tile-parts seen}
    List<Integer> sots = new ArrayList<>();
    int pos = firstSot;
    while (pos + 12 <= cs.length && u16(cs, pos) == 0xFF90 && u16(cs, pos + 2) == 10) {
      tiles.computeIfAbsent(u16(cs, pos + 4), t -> new int[1])[0]++;
      sots.add(pos);
      long psot = u32(cs, pos + 6);
      if (psot < 14 || pos + psot > cs.length) {
        break; // Psot 0 (the last tile-part runs to EOC) or corrupt: stop counting
      }
      pos += (int) psot;
    }
    byte[] out = cs;
    for (int sot : sots) {
      int[] tile = tiles.get(u16(cs, sot + 4));
      int declared = cs[sot + 11] & 0xFF;
      if (declared != 0 && declared < tile[0] && tile[0] <= 255) {
        if (out == cs) {
          out = cs.clone();
        }
        out[sot + 11] = (byte) tile[0];
      }
    }
    return out;
  }

  private static int u16(byte[] b, int off) {
    return (b[off] & 0xFF) << 8 | (b[off + 1] & 0xFF);
  }

  private static long u32(byte[] b, int off) {
    return ((long) (b[off] & 0xFF) << 24)
        | (b[off + 1] & 0xFF) << 16
        | (b[off + 2] & 0xFF) << 8
        | (b[off + 3] & 0xFF);
  }
}
