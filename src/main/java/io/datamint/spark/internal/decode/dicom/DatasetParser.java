package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses data elements out of a byte array (PS3.5 section 7): explicit or implicit VR, either byte
 * order, defined and undefined lengths, nested sequences, encapsulated pixel data. Nothing is
 * trusted: a length that runs past the data is an error (except for the pixel data, which is kept
 * truncated so that the pixel decoder can say how much is missing), every loop advances by at least
 * one header, and nesting is bounded by {@link #MAX_DEPTH}.
 *
 * <p>One instance parses one buffer and is not thread-safe.
 */
final class DatasetParser {

  /** The deepest sequence nesting accepted. */
  static final int MAX_DEPTH = 64;

  private static final long UNDEFINED_LENGTH = 0xFFFFFFFFL;

  private final byte[] buf;
  private final int bufferEnd;
  private final DataDictionary dictionary;
  private int pos;
  private DicomDataset root;

  DatasetParser(byte[] buf, int bufferEnd, DataDictionary dictionary) {
    this.buf = buf;
    this.bufferEnd = bufferEnd;
    this.dictionary = dictionary;
  }

  /** Where the last parse stopped. */
  int position() {
    return pos;
  }

  /** Parses {@code [start, end)} as a data set. */
  DicomDataset parse(int start, int end, boolean explicitVr, boolean bigEndian)
      throws DecodeException {
    pos = start;
    root = new DicomDataset();
    readElements(root, end, explicitVr, bigEndian, 0, false);
    return root;
  }

  /**
   * Parses {@code [start, end)} as the items of a sequence of that length in implicit VR little
   * endian: the value of a UN element that holds a sequence (PS3.5 6.2.2).
   */
  List<DicomDataset> parseItems(int sequenceTag, int start, int end, int depth)
      throws DecodeException {
    pos = start;
    root = new DicomDataset();
    return readItems(sequenceTag, end, end, false, false, depth);
  }

  /**
   * Parses the file meta group from {@code start}: the elements of group 0002, explicit VR little
   * endian (implicit when the first one has no VR), whatever its group length says; stops before
   * the first element of another group.
   */
  DicomDataset parseMetaGroup(int start) throws DecodeException {
    pos = start;
    root = new DicomDataset();
    boolean explicit = pos + 6 > bufferEnd || Vr.fromBytes(buf[pos + 4], buf[pos + 5]) != null;
    while (bufferEnd - pos >= 8 && Bytes.u16(buf, pos, false) == 0x0002) {
      readElement(root, bufferEnd, explicit, false, 0);
    }
    return root;
  }

  private void readElements(
      DicomDataset ds,
      int end,
      boolean explicit,
      boolean bigEndian,
      int depth,
      boolean untilItemDelimiter)
      throws DecodeException {
    while (true) {
      if (pos >= end) {
        if (untilItemDelimiter && end == bufferEnd) {
          throw new DecodeException(
              "the DICOM file is truncated: a sequence item of undefined length has no item "
                  + "delimiter before the end of the file");
        }
        return;
      }
      if (end - pos < 8) {
        if (depth == 0 && !untilItemDelimiter) {
          pos = end; // a few trailing bytes after the last element: ignored, as other readers do
          return;
        }
        throw truncated("a data element header", pos, 8, end - pos);
      }
      int tag = Bytes.tag(buf, pos, bigEndian);
      if (tag == Tags.ITEM_DELIMITATION) {
        pos += 8;
        if (untilItemDelimiter) {
          return;
        }
        continue; // stray delimiter
      }
      if (tag == Tags.SEQUENCE_DELIMITATION) {
        if (untilItemDelimiter) {
          return; // item without its delimiter: the enclosing sequence consumes this one
        }
        pos += 8;
        continue;
      }
      if (tag == Tags.ITEM) {
        throw new DecodeException(
            "corrupt DICOM: a sequence item (FFFE,E000) at byte " + pos + " outside any sequence");
      }
      readElement(ds, end, explicit, bigEndian, depth);
    }
  }

  private void readElement(DicomDataset ds, int end, boolean explicit, boolean bigEndian, int depth)
      throws DecodeException {
    int start = pos;
    int tag = Bytes.tag(buf, pos, bigEndian);
    Vr vr;
    long length;
    if (explicit) {
      Vr declared = Vr.fromBytes(buf[pos + 4], buf[pos + 5]);
      if (declared == null) {
        // A non-standard VR: read it as dcmtk does, with a 2-byte length, and keep its bytes
        // opaque.
        vr = Vr.UN;
        length = Bytes.u16(buf, pos + 6, bigEndian);
        pos += 8;
      } else if (declared.hasLongHeader()) {
        if (end - pos < 12) {
          throw truncated("the header of element " + Tags.format(tag), pos, 12, end - pos);
        }
        vr = declared;
        length = Bytes.u32(buf, pos + 8, bigEndian);
        pos += 12;
      } else {
        vr = declared;
        length = Bytes.u16(buf, pos + 6, bigEndian);
        pos += 8;
      }
    } else {
      length = Bytes.u32(buf, pos + 4, bigEndian);
      vr = tag == Tags.PIXEL_DATA ? Vr.OW : dictionary.implicitVr(tag, signedPixels());
      pos += 8;
    }

    if (length == UNDEFINED_LENGTH) {
      if (tag == Tags.PIXEL_DATA) {
        List<DicomElement.Fragment> fragments = readFragments(end, bigEndian);
        ds.put(new DicomElement(tag, vr, buf, start, pos - start, -1, bigEndian, null, fragments));
        return;
      }
      // SQ, or UN of undefined length, which is an implicit VR little endian sequence (PS3.5 6.2.2,
      // CP-246);
      // any other VR with undefined length can only be a sequence too.
      boolean un = vr == Vr.UN;
      List<DicomDataset> items =
          readItems(tag, -1, end, un ? false : explicit, un ? false : bigEndian, depth + 1);
      ds.put(new DicomElement(tag, Vr.SQ, buf, start, pos - start, -1, bigEndian, items, null));
      return;
    }
    if (length > end - pos) {
      if (tag == Tags.PIXEL_DATA) {
        int available = end - pos;
        ds.put(new DicomElement(tag, vr, buf, pos, available, length, bigEndian, null, null));
        pos = end;
        return;
      }
      throw truncated("element " + describe(tag), start, length, end - pos);
    }
    int valueLength = (int) length;
    if (vr == Vr.SQ) {
      int valueStart = pos;
      List<DicomDataset> items =
          readItems(tag, valueStart + valueLength, end, explicit, bigEndian, depth + 1);
      ds.put(
          new DicomElement(
              tag, Vr.SQ, buf, valueStart, valueLength, length, bigEndian, items, null));
      return;
    }
    ds.put(new DicomElement(tag, vr, buf, pos, valueLength, length, bigEndian, null, null));
    pos += valueLength;
  }

  private List<DicomDataset> readItems(
      int sequenceTag, int sequenceEnd, int limit, boolean explicit, boolean bigEndian, int depth)
      throws DecodeException {
    if (depth > MAX_DEPTH) {
      throw new DecodeException(
          "corrupt DICOM: sequences nested more than "
              + MAX_DEPTH
              + " levels deep at "
              + Tags.format(sequenceTag));
    }
    boolean undefined = sequenceEnd < 0;
    int stop = undefined ? limit : sequenceEnd;
    List<DicomDataset> items = new ArrayList<>();
    while (true) {
      if (pos >= stop) {
        if (undefined) {
          throw new DecodeException(
              "the DICOM file is truncated: sequence "
                  + describe(sequenceTag)
                  + " of undefined length has no sequence delimiter before byte "
                  + stop);
        }
        break;
      }
      if (stop - pos < 8) {
        throw truncated("an item header in sequence " + describe(sequenceTag), pos, 8, stop - pos);
      }
      int tag = Bytes.tag(buf, pos, bigEndian);
      long length = Bytes.u32(buf, pos + 4, bigEndian);
      int headerAt = pos;
      pos += 8;
      if (tag == Tags.SEQUENCE_DELIMITATION) {
        if (undefined) {
          return items;
        }
        continue;
      }
      if (tag == Tags.ITEM_DELIMITATION) {
        continue;
      }
      if (tag != Tags.ITEM) {
        throw new DecodeException(
            "corrupt DICOM: sequence "
                + describe(sequenceTag)
                + " holds "
                + Tags.format(tag)
                + " at byte "
                + headerAt
                + " where an item (FFFE,E000) should be");
      }
      DicomDataset item = new DicomDataset();
      boolean itemExplicit = explicit && !startsImplicit(stop, bigEndian);
      if (length == UNDEFINED_LENGTH) {
        readElements(item, stop, itemExplicit, bigEndian, depth, true);
      } else {
        if (length > stop - pos) {
          throw truncated(
              "an item of sequence " + describe(sequenceTag), headerAt, length, stop - pos);
        }
        int itemEnd = pos + (int) length;
        readElements(item, itemEnd, itemExplicit, bigEndian, depth, false);
        pos = itemEnd;
      }
      items.add(item);
    }
    pos = sequenceEnd;
    return items;
  }

  /**
   * Whether the element at {@code pos} has no explicit VR although one is expected (pydicom's
   * check).
   */
  private boolean startsImplicit(int stop, boolean bigEndian) {
    if (stop - pos < 8) {
      return false;
    }
    int tag = Bytes.tag(buf, pos, bigEndian);
    if (Tags.group(tag) == 0xFFFE) {
      return false;
    }
    return !isUpper(buf[pos + 4]) || !isUpper(buf[pos + 5]);
  }

  private static boolean isUpper(byte b) {
    return b >= 'A' && b <= 'Z';
  }

  private List<DicomElement.Fragment> readFragments(int end, boolean bigEndian)
      throws DecodeException {
    List<DicomElement.Fragment> fragments = new ArrayList<>();
    while (true) {
      if (pos == end && !fragments.isEmpty()) {
        return fragments; // sequence delimiter missing at the very end of the file: tolerated
      }
      if (end - pos < 8) {
        throw truncated("an item header of the encapsulated pixel data", pos, 8, end - pos);
      }
      int tag = Bytes.tag(buf, pos, bigEndian);
      long length = Bytes.u32(buf, pos + 4, bigEndian);
      if (tag == Tags.SEQUENCE_DELIMITATION) {
        pos += 8;
        return fragments;
      }
      if (tag != Tags.ITEM || length == UNDEFINED_LENGTH) {
        throw new DecodeException(
            "corrupt DICOM: the encapsulated pixel data holds "
                + Tags.format(tag)
                + (length == UNDEFINED_LENGTH ? " of undefined length" : "")
                + " at byte "
                + pos
                + " where a fragment item (FFFE,E000) should be");
      }
      if (length > end - pos - 8) {
        throw new DecodeException(
            "the DICOM file is truncated: fragment "
                + fragments.size()
                + " of the encapsulated pixel data declares "
                + length
                + " bytes but only "
                + (end - pos - 8)
                + " remain");
      }
      pos += 8;
      fragments.add(new DicomElement.Fragment(pos, (int) length));
      pos += (int) length;
    }
  }

  private boolean signedPixels() {
    return root != null && root.longValue(Tags.PIXEL_REPRESENTATION, 0) == 1;
  }

  private String describe(int tag) {
    String keyword = dictionary.keyword(tag);
    return keyword == null ? Tags.format(tag) : Tags.format(tag) + " " + keyword;
  }

  private static DecodeException truncated(String what, int at, long declared, long available) {
    return new DecodeException(
        "the DICOM file is truncated or corrupt: "
            + what
            + " at byte "
            + at
            + " needs "
            + declared
            + " bytes but only "
            + Math.max(available, 0)
            + " remain");
  }
}
