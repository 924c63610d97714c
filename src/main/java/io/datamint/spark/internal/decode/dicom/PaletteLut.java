package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import java.util.ArrayList;
import java.util.List;

/**
 * PALETTE COLOR to RGB (PS3.3 C.7.6.3.1.5 and C.7.9), as pydicom's {@code apply_color_lut}: the
 * Red, Green and Blue Palette Color LUT Descriptors (entries, first mapped value, bits) and their
 * data, plain (8-bit entries when the data has one byte per entry, else 16-bit) or segmented
 * (C.7.9.2: discrete, linear and indirect segments). Indices below the first mapped value take the
 * first entry, past the end the last. The output is uint8 or uint16 by the entry size.
 */
final class PaletteLut {

  private static final int MAX_ENTRIES = 65536;

  private final int[][] channels;
  private final int firstMapped;
  private final DType type;

  private PaletteLut(int[][] channels, int firstMapped, DType type) {
    this.channels = channels;
    this.firstMapped = firstMapped;
    this.type = type;
  }

  static PaletteLut of(DicomDataset ds, boolean signedPixels) throws DecodeException {
    DicomElement descriptor = ds.get(Tags.RED_PALETTE_DESCRIPTOR);
    if (descriptor == null || descriptor.length() < 6) {
      throw new DecodeException(
          "PALETTE COLOR image without a Red Palette Color Lookup Table Descriptor "
              + "(0028,1101)");
    }
    byte[] b = descriptor.buffer();
    boolean be = descriptor.bigEndian();
    int entries = Bytes.u16(b, descriptor.offset(), be);
    if (entries == 0) {
      entries = MAX_ENTRIES;
    }
    int first =
        signedPixels
            ? (short) Bytes.u16(b, descriptor.offset() + 2, be)
            : Bytes.u16(b, descriptor.offset() + 2, be);
    int nominalBits = Bytes.u16(b, descriptor.offset() + 4, be);

    int[] dataTags = {Tags.RED_PALETTE_DATA, Tags.GREEN_PALETTE_DATA, Tags.BLUE_PALETTE_DATA};
    int[] segmentedTags = {
      Tags.SEGMENTED_RED_PALETTE_DATA,
      Tags.SEGMENTED_GREEN_PALETTE_DATA,
      Tags.SEGMENTED_BLUE_PALETTE_DATA
    };
    int[][] channels = new int[3][];
    DType type = null;
    for (int c = 0; c < 3; c++) {
      DicomElement data = ds.get(dataTags[c]);
      if (data != null && data.length() > 0) {
        int bytesPerEntry = data.length() >= 2 * entries ? 2 : 1;
        if (data.length() < entries * bytesPerEntry) {
          throw new DecodeException(
              "the palette color LUT data "
                  + Tags.format(dataTags[c])
                  + " has "
                  + data.length()
                  + " bytes, too few for "
                  + entries
                  + " entries");
        }
        int[] lut = new int[entries];
        for (int i = 0; i < entries; i++) {
          lut[i] =
              bytesPerEntry == 2
                  ? Bytes.u16(data.buffer(), data.offset() + 2 * i, data.bigEndian())
                  : data.buffer()[data.offset() + i] & 0xFF;
        }
        channels[c] = lut;
        type = bytesPerEntry == 2 ? DType.UINT16 : DType.UINT8;
      } else {
        DicomElement segmented = ds.get(segmentedTags[c]);
        if (segmented == null || segmented.length() == 0) {
          throw new DecodeException(
              "PALETTE COLOR image without palette color LUT data "
                  + Tags.format(dataTags[c])
                  + " or "
                  + Tags.format(segmentedTags[c]));
        }
        channels[c] = expandSegmented(segmented, nominalBits);
        type = nominalBits <= 8 ? DType.UINT8 : DType.UINT16;
      }
      if (channels[c].length == 0) {
        throw new DecodeException("empty palette color LUT " + Tags.format(dataTags[c]));
      }
    }
    return new PaletteLut(channels, first, type);
  }

  /** The output element type. */
  DType type() {
    return type;
  }

  /** Maps {@code pixels} indices to three planes of {@code out}. */
  void apply(int[] indices, int pixels, int[] out) {
    for (int c = 0; c < 3; c++) {
      int[] lut = channels[c];
      int last = lut.length - 1;
      int base = c * pixels;
      for (int i = 0; i < pixels; i++) {
        int index = indices[i] - firstMapped;
        out[base + i] = lut[index < 0 ? 0 : index > last ? last : index];
      }
    }
  }

  /** Expands segmented LUT data (PS3.3 C.7.9.2) into at most 65536 entries. */
  static int[] expandSegmented(DicomElement e, int nominalBits) throws DecodeException {
    int[] words;
    if (nominalBits <= 8) {
      words = new int[e.length()];
      for (int i = 0; i < words.length; i++) {
        words[i] = e.buffer()[e.offset() + i] & 0xFF;
      }
    } else {
      words = new int[e.length() / 2];
      for (int i = 0; i < words.length; i++) {
        words[i] = Bytes.u16(e.buffer(), e.offset() + 2 * i, e.bigEndian());
      }
    }
    List<Integer> out = new ArrayList<>();
    expand(words, 0, words.length, out, 0);
    int[] lut = new int[out.size()];
    for (int i = 0; i < lut.length; i++) {
      lut[i] = out.get(i);
    }
    return lut;
  }

  private static void expand(int[] w, int from, int to, List<Integer> out, int depth)
      throws DecodeException {
    int i = from;
    while (i + 1 < to) {
      int opcode = w[i];
      int length = w[i + 1];
      i += 2;
      switch (opcode) {
        case 0: // discrete
          if (i + length > to) {
            throw corrupt("a discrete segment runs past the data");
          }
          for (int k = 0; k < length; k++) {
            add(out, w[i + k]);
          }
          i += length;
          break;
        case 1:
          { // linear, from the previous value to w[i]
            if (out.isEmpty() || i >= to) {
              throw corrupt("a linear segment has no start value");
            }
            double y0 = out.get(out.size() - 1);
            double y1 = w[i++];
            for (int k = 1; k <= length; k++) {
              add(
                  out,
                  (int) Math.rint(y0 + (y1 - y0) * k / length)); // rounded half to even, as numpy
            }
            break;
          }
        case 2:
          { // indirect: re-apply `length` segments found at a byte offset
            if (depth > 0 || i + 2 > to) {
              throw corrupt("an indirect segment is nested or truncated");
            }
            long byteOffset = (w[i] & 0xFFFFL) | (w[i + 1] & 0xFFFFL) << 16;
            i += 2;
            int start = (int) Math.min(byteOffset / 2, to);
            int end = start;
            for (int s = 0; s < length && end + 1 < to; s++) {
              int op = w[end];
              int len = w[end + 1];
              end += 2 + (op == 0 ? len : op == 1 ? 1 : 2);
            }
            expand(w, start, Math.min(end, to), out, depth + 1);
            break;
          }
        default:
          throw corrupt("unknown segment opcode " + opcode);
      }
    }
  }

  private static void add(List<Integer> out, int value) throws DecodeException {
    if (out.size() >= MAX_ENTRIES) {
      throw corrupt("it expands to more than " + MAX_ENTRIES + " entries");
    }
    out.add(value);
  }

  private static DecodeException corrupt(String why) {
    return new DecodeException("corrupt segmented palette color LUT: " + why);
  }
}
