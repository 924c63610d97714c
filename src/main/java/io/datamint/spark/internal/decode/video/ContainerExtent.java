package io.datamint.spark.internal.decode.video;

/**
 * Detects truncated files from the sizes their top-level containers declare, for the container
 * families whose demuxers otherwise end a truncated file silently (FFmpeg's Matroska and AVI
 * demuxers stop at the end of the data with a warning at most; the MP4 demuxer does too when a file
 * with the index first is cut between samples).
 *
 * <p>Walks the top-level structures only: ISO BMFF boxes (MP4, MOV), RIFF chunks (AVI) and EBML
 * elements (Matroska, WebM). A file is truncated when one of them declares more bytes than remain.
 * Sizes that say "to the end of the file" or "unknown" (live recordings) end the walk without a
 * verdict, as does anything malformed (FFmpeg judges those).
 */
final class ContainerExtent {

  private static final int MAX_TOP_LEVEL = 100_000;

  private ContainerExtent() {}

  /**
   * Why {@code data[0..length)} is truncated, or null if it does not look truncated (or is not a
   * family this checks).
   *
   * @param container FFmpeg's demuxer name, e.g. {@code mov,mp4,m4a,3gp,3g2,mj2}, {@code avi},
   *     {@code matroska,webm}
   */
  static String truncation(String container, byte[] data, int length) {
    if (container == null) {
      return null;
    }
    if (container.startsWith("mov,mp4")) {
      return isoBoxes(data, length);
    }
    if (container.equals("avi")) {
      return riffChunks(data, length);
    }
    if (container.startsWith("matroska")) {
      return ebmlElements(data, length);
    }
    return null;
  }

  private static String isoBoxes(byte[] data, int length) {
    long offset = 0;
    for (int i = 0; i < MAX_TOP_LEVEL && offset + 8 <= length; i++) {
      long size = u32be(data, (int) offset);
      String type = fourcc(data, (int) offset + 4);
      int header = 8;
      if (size == 1) {
        if (offset + 16 > length) {
          return "the " + type + " box at byte " + offset + " is cut in its header";
        }
        size = u64be(data, (int) offset + 8);
        header = 16;
      } else if (size == 0) {
        return null; // extends to the end of the file
      }
      if (type.indexOf('?') >= 0) {
        return null; // not a box (trailing data): nothing to compare
      }
      if (size < header) {
        return null; // malformed: FFmpeg's verdict stands
      }
      if (size > length - offset) {
        return "the "
            + type
            + " box at byte "
            + offset
            + " declares "
            + size
            + " bytes, the file ends "
            + (length - offset)
            + " bytes after its start";
      }
      offset += size;
    }
    return null;
  }

  private static String riffChunks(byte[] data, int length) {
    long offset = 0;
    for (int i = 0; i < MAX_TOP_LEVEL && offset + 8 <= length; i++) {
      String id = fourcc(data, (int) offset);
      long size = u32le(data, (int) offset + 4);
      if (!id.equals("RIFF") || size == 0 || size == 0xFFFFFFFFL) {
        return null; // not a RIFF chunk (trailing data), or a size the writer never filled in
      }
      long available = length - offset - 8;
      // The pad byte after an odd-sized chunk may be missing at the very end of a file.
      if (size > available) {
        String form = offset + 12 <= length ? fourcc(data, (int) offset + 8).strip() : "RIFF";
        return "the "
            + form
            + " RIFF chunk at byte "
            + offset
            + " declares "
            + size
            + " bytes, the file has "
            + available
            + " after its header";
      }
      offset += 8 + size + (size & 1);
    }
    return null;
  }

  private static String ebmlElements(byte[] data, int length) {
    int offset = 0;
    // Only the EBML header and the Segment: whatever may follow a Segment is not Matroska's to
    // size.
    for (int i = 0; i < 2 && offset < length; i++) {
      int idLength = vintLength(data, offset, length);
      if (idLength <= 0 || idLength > 4 || offset + idLength >= length) {
        return null;
      }
      int sizeAt = offset + idLength;
      int sizeLength = vintLength(data, sizeAt, length);
      if (sizeLength <= 0 || sizeAt + sizeLength > length) {
        return null;
      }
      long size = data[sizeAt] & (0xFF >> sizeLength);
      boolean unknown = size == (0xFF >> sizeLength);
      for (int k = 1; k < sizeLength; k++) {
        int b = data[sizeAt + k] & 0xFF;
        unknown &= b == 0xFF;
        size = (size << 8) | b;
      }
      if (unknown) {
        return null; // a live recording's "size unknown": nothing to compare
      }
      long available = (long) length - sizeAt - sizeLength;
      if (size > available) {
        return "the EBML element "
            + elementName(data, offset, idLength)
            + " at byte "
            + offset
            + " declares "
            + size
            + " bytes, the file has "
            + available
            + " after its header";
      }
      offset = (int) (sizeAt + sizeLength + size);
    }
    return null;
  }

  /** The length of the EBML variable-size integer at {@code offset} (1 to 8), or 0 if invalid. */
  private static int vintLength(byte[] data, int offset, int length) {
    if (offset >= length) {
      return 0;
    }
    int first = data[offset] & 0xFF;
    return first == 0 ? 0 : Integer.numberOfLeadingZeros(first) - 23;
  }

  private static String elementName(byte[] data, int offset, int idLength) {
    long id = 0;
    for (int k = 0; k < idLength; k++) {
      id = (id << 8) | (data[offset + k] & 0xFF);
    }
    if (id == 0x18538067L) {
      return "Segment";
    }
    return id == 0x1A45DFA3L ? "EBML" : String.format("0x%X", id);
  }

  private static long u32be(byte[] data, int offset) {
    return ((data[offset] & 0xFFL) << 24)
        | ((data[offset + 1] & 0xFFL) << 16)
        | ((data[offset + 2] & 0xFFL) << 8)
        | (data[offset + 3] & 0xFFL);
  }

  private static long u64be(byte[] data, int offset) {
    long high = u32be(data, offset);
    long value = (high << 32) | u32be(data, offset + 4);
    return value < 0 ? Long.MAX_VALUE : value;
  }

  private static long u32le(byte[] data, int offset) {
    return (data[offset] & 0xFFL)
        | ((data[offset + 1] & 0xFFL) << 8)
        | ((data[offset + 2] & 0xFFL) << 16)
        | ((data[offset + 3] & 0xFFL) << 24);
  }

  private static String fourcc(byte[] data, int offset) {
    StringBuilder text = new StringBuilder(4);
    for (int k = 0; k < 4; k++) {
      int c = data[offset + k] & 0xFF;
      text.append(c >= 0x20 && c < 0x7F ? (char) c : '?');
    }
    return text.toString();
  }
}
