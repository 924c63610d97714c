package io.datamint.spark.internal.decode.dicom;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * Builds DICOM byte streams for tests: data elements in any encoding, sequences, encapsulated pixel
 * data, files.
 */
final class DicomBytes {

  static final long UNDEFINED = 0xFFFFFFFFL;

  private final boolean explicit;
  private final boolean bigEndian;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private DicomBytes(boolean explicit, boolean bigEndian) {
    this.explicit = explicit;
    this.bigEndian = bigEndian;
  }

  static DicomBytes explicitLittle() {
    return new DicomBytes(true, false);
  }

  static DicomBytes implicitLittle() {
    return new DicomBytes(false, false);
  }

  static DicomBytes explicitBig() {
    return new DicomBytes(true, true);
  }

  /** An empty builder with the same encoding. */
  DicomBytes same() {
    return new DicomBytes(explicit, bigEndian);
  }

  byte[] toBytes() {
    return out.toByteArray();
  }

  /** One element with a defined length (the value is written as given). */
  DicomBytes element(int tag, String vr, byte[] value) {
    header(tag, vr, value.length);
    out.writeBytes(value);
    return this;
  }

  /** An element header only, with any length (e.g. {@link #UNDEFINED}). */
  DicomBytes header(int tag, String vr, long length) {
    tag(tag);
    if (explicit) {
      out.write(vr.charAt(0));
      out.write(vr.charAt(1));
      Vr v = Vr.fromCode(vr);
      if (v == null || v.hasLongHeader()) {
        out.write(0);
        out.write(0);
        u32(length);
      } else {
        u16((int) length);
      }
    } else {
      u32(length);
    }
    return this;
  }

  DicomBytes string(int tag, String vr, String value) {
    byte[] b = value.getBytes(StandardCharsets.ISO_8859_1);
    if (b.length % 2 == 1) {
      byte[] padded = new byte[b.length + 1];
      System.arraycopy(b, 0, padded, 0, b.length);
      padded[b.length] = (byte) (vr.equals("UI") ? 0 : ' ');
      b = padded;
    }
    return element(tag, vr, b);
  }

  DicomBytes us(int tag, int... values) {
    DicomBytes v = same();
    for (int x : values) {
      v.u16(x);
    }
    return element(tag, "US", v.toBytes());
  }

  DicomBytes ss(int tag, int... values) {
    DicomBytes v = same();
    for (int x : values) {
      v.u16(x);
    }
    return element(tag, "SS", v.toBytes());
  }

  DicomBytes ul(int tag, long... values) {
    DicomBytes v = same();
    for (long x : values) {
      v.u32(x);
    }
    return element(tag, "UL", v.toBytes());
  }

  DicomBytes fd(int tag, double... values) {
    DicomBytes v = same();
    for (double x : values) {
      long bits = Double.doubleToLongBits(x);
      if (bigEndian) {
        v.u32(bits >>> 32);
        v.u32(bits & 0xFFFFFFFFL);
      } else {
        v.u32(bits & 0xFFFFFFFFL);
        v.u32(bits >>> 32);
      }
    }
    return element(tag, "FD", v.toBytes());
  }

  /** A sequence; each item's length is defined or undefined as asked, and so is the sequence's. */
  DicomBytes sequence(
      int tag, boolean undefinedLength, boolean undefinedItems, DicomBytes... items) {
    DicomBytes body = same();
    for (DicomBytes item : items) {
      byte[] content = item.toBytes();
      body.tag(Tags.ITEM);
      body.u32(undefinedItems ? UNDEFINED : content.length);
      body.out.writeBytes(content);
      if (undefinedItems) {
        body.tag(Tags.ITEM_DELIMITATION);
        body.u32(0);
      }
    }
    byte[] content = body.toBytes();
    header(tag, "SQ", undefinedLength ? UNDEFINED : content.length);
    out.writeBytes(content);
    if (undefinedLength) {
      tag(Tags.SEQUENCE_DELIMITATION);
      u32(0);
    }
    return this;
  }

  /**
   * Encapsulated pixel data: a Basic Offset Table then the fragments, then the sequence delimiter.
   */
  DicomBytes encapsulated(int[] offsetTable, byte[]... fragments) {
    header(Tags.PIXEL_DATA, "OB", UNDEFINED);
    tag(Tags.ITEM);
    u32(4L * offsetTable.length);
    for (int offset : offsetTable) {
      u32(offset);
    }
    for (byte[] fragment : fragments) {
      tag(Tags.ITEM);
      u32(fragment.length);
      out.writeBytes(fragment);
    }
    tag(Tags.SEQUENCE_DELIMITATION);
    u32(0);
    return this;
  }

  DicomBytes raw(byte[] bytes) {
    out.writeBytes(bytes);
    return this;
  }

  DicomBytes tag(int tag) {
    u16(tag >>> 16);
    u16(tag & 0xFFFF);
    return this;
  }

  DicomBytes u16(int v) {
    if (bigEndian) {
      out.write(v >>> 8);
      out.write(v);
    } else {
      out.write(v);
      out.write(v >>> 8);
    }
    return this;
  }

  DicomBytes u32(long v) {
    if (bigEndian) {
      u16((int) (v >>> 16) & 0xFFFF);
      u16((int) v & 0xFFFF);
    } else {
      u16((int) v & 0xFFFF);
      u16((int) (v >>> 16) & 0xFFFF);
    }
    return this;
  }

  /**
   * A Part-10 file: preamble, DICM, a meta group with the transfer syntax (if not null), the data
   * set.
   */
  static byte[] part10(String transferSyntax, byte[] dataset) {
    DicomBytes meta = explicitLittle();
    meta.element(Tags.FILE_META_GROUP_LENGTH + 1, "OB", new byte[] {0, 1});
    meta.string(Tags.MEDIA_STORAGE_SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.7");
    if (transferSyntax != null) {
      meta.string(Tags.TRANSFER_SYNTAX_UID, "UI", transferSyntax);
    }
    byte[] group = meta.toBytes();
    DicomBytes file = explicitLittle();
    file.raw(new byte[128]).raw("DICM".getBytes(StandardCharsets.US_ASCII));
    file.ul(Tags.FILE_META_GROUP_LENGTH, group.length).raw(group).raw(dataset);
    return file.toBytes();
  }

  /** A raw deflate stream of the bytes. */
  static byte[] deflate(byte[] bytes) {
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    deflater.setInput(bytes);
    deflater.finish();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[] buf = new byte[4096];
    while (!deflater.finished()) {
      out.write(buf, 0, deflater.deflate(buf));
    }
    deflater.end();
    return out.toByteArray();
  }

  static byte[] gzip(byte[] bytes) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(bytes);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
