package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits encapsulated pixel data (PS3.5 A.4) into frame codestreams, using, in this order: the
 * Extended Offset Table (7FE0,0001) with its lengths (7FE0,0002); the Basic Offset Table (the first
 * item); and without either, one frame for all fragments when there is one frame, one fragment per
 * frame when the counts agree, else the JPEG / JPEG 2000 start-of-codestream markers at fragment
 * starts, else the end-of-image markers at fragment ends.
 */
final class EncapsulatedFrames {

  /** A part of a frame: {@code length} bytes of the buffer from {@code offset}. */
  private record Piece(int offset, int length) {}

  private final byte[] buffer;
  private final List<List<Piece>> frames;

  private EncapsulatedFrames(byte[] buffer, List<List<Piece>> frames) {
    this.buffer = buffer;
    this.frames = frames;
  }

  /**
   * @param declaredFrames the Number of Frames, or -1 when unknown
   * @param markers whether frames are JPEG-family or JPEG 2000 codestreams (whose markers can
   *     delimit frames)
   */
  static EncapsulatedFrames of(
      DicomElement pixelData, DicomDataset ds, int declaredFrames, boolean markers)
      throws DecodeException {
    List<DicomElement.Fragment> items = pixelData.fragments();
    if (items.isEmpty()) {
      throw new DecodeException(
          "the encapsulated pixel data has no items, not even a Basic Offset Table");
    }
    DicomElement.Fragment table = items.get(0);
    List<DicomElement.Fragment> fragments = items.subList(1, items.size());
    if (fragments.isEmpty()) {
      throw new DecodeException(
          "the encapsulated pixel data holds no fragments, only a Basic Offset Table");
    }
    byte[] buf = pixelData.buffer();
    // Offsets in both tables count from the first byte of the first fragment's item tag.
    long[] itemStarts = new long[fragments.size()];
    for (int i = 0; i < fragments.size(); i++) {
      itemStarts[i] = (long) fragments.get(i).offset() - 8 - (fragments.get(0).offset() - 8);
    }

    List<List<Piece>> frames = fromExtendedOffsetTable(ds, fragments, itemStarts);
    if (frames == null && table.length() >= 4) {
      frames = fromBasicOffsetTable(buf, table, fragments, itemStarts);
    }
    if (frames == null) {
      frames = withoutTable(buf, fragments, declaredFrames, markers);
    }
    if (declaredFrames > 0) {
      if (frames.size() < declaredFrames) {
        throw new DecodeException(
            "the encapsulated pixel data holds "
                + frames.size()
                + " frame(s) in "
                + fragments.size()
                + " fragment(s), but Number of Frames is "
                + declaredFrames);
      }
      if (frames.size() > declaredFrames) {
        frames =
            frames.subList(
                0, declaredFrames); // excess frames are ignored, the header decides the shape
      }
    }
    return new EncapsulatedFrames(buf, frames);
  }

  int count() {
    return frames.size();
  }

  /** The codestream of frame {@code index} (its fragments joined). */
  byte[] frame(int index) {
    List<Piece> pieces = frames.get(index);
    if (pieces.size() == 1) {
      Piece p = pieces.get(0);
      byte[] out = new byte[p.length()];
      System.arraycopy(buffer, p.offset(), out, 0, p.length());
      return out;
    }
    long total = 0;
    for (Piece p : pieces) {
      total += p.length();
    }
    byte[] out = new byte[Math.toIntExact(total)];
    int at = 0;
    for (Piece p : pieces) {
      System.arraycopy(buffer, p.offset(), out, at, p.length());
      at += p.length();
    }
    return out;
  }

  private static List<List<Piece>> fromExtendedOffsetTable(
      DicomDataset ds, List<DicomElement.Fragment> fragments, long[] itemStarts) {
    DicomElement offsets = ds.get(Tags.EXTENDED_OFFSET_TABLE);
    DicomElement lengths = ds.get(Tags.EXTENDED_OFFSET_TABLE_LENGTHS);
    if (offsets == null
        || lengths == null
        || offsets.length() < 8
        || offsets.length() != lengths.length()) {
      return null;
    }
    int n = offsets.length() / 8;
    List<List<Piece>> frames = new ArrayList<>(n);
    int fragment = 0;
    for (int f = 0; f < n; f++) {
      long offset = Bytes.i64(offsets.buffer(), offsets.offset() + 8 * f, offsets.bigEndian());
      long length = Bytes.i64(lengths.buffer(), lengths.offset() + 8 * f, lengths.bigEndian());
      while (fragment < itemStarts.length && itemStarts[fragment] < offset) {
        fragment++;
      }
      if (fragment >= itemStarts.length
          || itemStarts[fragment] != offset
          || length < 0
          || length > fragments.get(fragment).length()) {
        return null; // inconsistent table: fall back
      }
      frames.add(List.of(new Piece(fragments.get(fragment).offset(), (int) length)));
    }
    return frames;
  }

  private static List<List<Piece>> fromBasicOffsetTable(
      byte[] buf,
      DicomElement.Fragment table,
      List<DicomElement.Fragment> fragments,
      long[] itemStarts) {
    int n = table.length() / 4;
    long[] offsets = new long[n];
    for (int i = 0; i < n; i++) {
      offsets[i] = Bytes.u32(buf, table.offset() + 4 * i, false);
      if (i == 0 ? offsets[0] != 0 : offsets[i] <= offsets[i - 1]) {
        return null; // not a usable table: fall back
      }
    }
    List<List<Piece>> frames = new ArrayList<>(n);
    int fragment = 0;
    for (int f = 0; f < n; f++) {
      if (fragment >= itemStarts.length || itemStarts[fragment] != offsets[f]) {
        return null;
      }
      long next = f + 1 < n ? offsets[f + 1] : Long.MAX_VALUE;
      List<Piece> pieces = new ArrayList<>();
      while (fragment < itemStarts.length && itemStarts[fragment] < next) {
        pieces.add(piece(fragments.get(fragment++)));
      }
      frames.add(pieces);
    }
    return frames;
  }

  private static List<List<Piece>> withoutTable(
      byte[] buf, List<DicomElement.Fragment> fragments, int declaredFrames, boolean markers)
      throws DecodeException {
    int n = fragments.size();
    List<List<Piece>> frames = new ArrayList<>();
    if (declaredFrames > n) {
      throw new DecodeException(
          "the encapsulated pixel data holds "
              + n
              + " fragment(s), but Number of Frames is "
              + declaredFrames);
    }
    if (declaredFrames == 1) {
      List<Piece> all = new ArrayList<>(n);
      for (DicomElement.Fragment f : fragments) {
        all.add(piece(f));
      }
      frames.add(all);
      return frames;
    }
    if (declaredFrames == n || !markers) {
      for (DicomElement.Fragment f : fragments) {
        frames.add(List.of(piece(f)));
      }
      return frames;
    }
    // Frames start at a fragment that starts a codestream ...
    for (DicomElement.Fragment f : fragments) {
      if (frames.isEmpty() || startsCodestream(buf, f)) {
        frames.add(new ArrayList<>());
      }
      frames.get(frames.size() - 1).add(piece(f));
    }
    if (declaredFrames < 0 || frames.size() == declaredFrames) {
      return frames;
    }
    // ... or end after a fragment that ends one.
    List<List<Piece>> byEnd = new ArrayList<>();
    List<Piece> current = new ArrayList<>();
    for (DicomElement.Fragment f : fragments) {
      current.add(piece(f));
      if (endsCodestream(buf, f)) {
        byEnd.add(current);
        current = new ArrayList<>();
      }
    }
    if (!current.isEmpty()) {
      byEnd.add(current);
    }
    if (byEnd.size() == declaredFrames) {
      return byEnd;
    }
    throw new DecodeException(
        "cannot tell which of the "
            + n
            + " fragments of the encapsulated pixel data belong "
            + "to which of its "
            + declaredFrames
            + " frames: there is no offset table and the codestream markers do "
            + "not delimit them");
  }

  private static Piece piece(DicomElement.Fragment f) {
    return new Piece(f.offset(), f.length());
  }

  private static boolean startsCodestream(byte[] buf, DicomElement.Fragment f) {
    int o = f.offset();
    if (f.length() < 4) {
      return false;
    }
    int a = buf[o] & 0xFF;
    int b = buf[o + 1] & 0xFF;
    boolean jpeg = a == 0xFF && b == 0xD8;
    boolean j2k =
        a == 0xFF && b == 0x4F && (buf[o + 2] & 0xFF) == 0xFF && (buf[o + 3] & 0xFF) == 0x51;
    boolean jp2 =
        f.length() >= 8
            && a == 0
            && b == 0
            && buf[o + 2] == 0
            && buf[o + 3] == 12
            && buf[o + 4] == 'j'
            && buf[o + 5] == 'P';
    return jpeg || j2k || jp2;
  }

  private static boolean endsCodestream(byte[] buf, DicomElement.Fragment f) {
    int end = f.offset() + f.length();
    for (int back = 2; back <= 3 && back <= f.length(); back++) {
      if ((buf[end - back] & 0xFF) == 0xFF && (buf[end - back + 1] & 0xFF) == 0xD9) {
        return back == 2 || buf[end - 1] == 0;
      }
    }
    return false;
  }
}
