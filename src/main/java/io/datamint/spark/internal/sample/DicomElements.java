package io.datamint.spark.internal.sample;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A flat (no sequences) set of DICOM data elements, kept in ascending tag order and encoded in
 * Explicit VR Little Endian (PS3.5 section 7.1.2). Values are padded to even length: text with a
 * space, UIDs and binary values with NUL (PS3.5 section 6.2).
 */
final class DicomElements {

  /** The value representations this encoder uses. */
  enum Vr {
    AE,
    AS,
    CS,
    DA,
    DS,
    IS,
    LO,
    PN,
    SH,
    TM, // text, space padded
    UI, // UID, NUL padded
    US,
    UL, // binary numbers
    OB,
    OW; // binary blobs, 4-byte length form

    boolean isText() {
      return ordinal() <= TM.ordinal();
    }

    boolean hasLongLength() {
      return this == OB || this == OW;
    }

    byte padding() {
      return isText() ? (byte) ' ' : 0;
    }
  }

  private record Element(Vr vr, byte[] value) {}

  private final Map<Integer, Element> elements = new TreeMap<>(Integer::compareUnsigned);

  /** Puts a text or UID element; multiple values are joined with {@code \}. */
  DicomElements text(int tag, Vr vr, String... values) {
    if (!vr.isText() && vr != Vr.UI) {
      throw new IllegalArgumentException(vr + " is not a string VR");
    }
    return put(tag, vr, String.join("\\", values).getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Puts a decimal-string element (DS) holding the given numbers. */
  DicomElements decimals(int tag, double... values) {
    String[] texts = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      texts[i] = decimalString(values[i]);
    }
    return text(tag, Vr.DS, texts);
  }

  /** Puts an unsigned short (US) element. */
  DicomElements us(int tag, int value) {
    return put(
        tag,
        Vr.US,
        ByteBuffer.allocate(2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value).array());
  }

  /** Puts an unsigned long (UL) element. */
  DicomElements ul(int tag, long value) {
    return put(
        tag,
        Vr.UL,
        ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array());
  }

  /** Puts a binary element (OB or OW) with the given bytes (already little-endian). */
  DicomElements binary(int tag, Vr vr, byte[] value) {
    if (!vr.hasLongLength()) {
      throw new IllegalArgumentException(vr + " is not a binary VR");
    }
    return put(tag, vr, value);
  }

  private DicomElements put(int tag, Vr vr, byte[] value) {
    elements.put(tag, new Element(vr, value));
    return this;
  }

  /** The encoded size of all elements, in bytes (for a group length element). */
  int encodedLength() {
    return encode().length;
  }

  /** Encodes all elements in ascending tag order. */
  byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Map.Entry<Integer, Element> e : elements.entrySet()) {
      writeElement(out, e.getKey(), e.getValue());
    }
    return out.toByteArray();
  }

  private static void writeElement(ByteArrayOutputStream out, int tag, Element element) {
    byte[] value = element.value();
    int length = value.length + (value.length % 2);
    Vr vr = element.vr();
    if (!vr.hasLongLength() && length > 0xFFFF) {
      throw new IllegalArgumentException(
          String.format("value of (%04X,%04X) too long for %s", tag >>> 16, tag & 0xFFFF, vr));
    }
    ByteBuffer head = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN);
    head.putShort((short) (tag >>> 16)).putShort((short) tag);
    head.put((byte) vr.name().charAt(0)).put((byte) vr.name().charAt(1));
    if (vr.hasLongLength()) {
      head.putShort((short) 0).putInt(length);
    } else {
      head.putShort((short) length);
    }
    out.write(head.array(), 0, head.position());
    out.write(value, 0, value.length);
    if (length != value.length) {
      out.write(vr.padding());
    }
  }

  /** A DS value: at most 16 characters, no exponent for the magnitudes used here. */
  private static String decimalString(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return Long.toString((long) v);
    }
    String s = BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    if (s.length() > 16) {
      s = String.format(Locale.ROOT, "%.10g", v).replaceFirst("0+$", "");
    }
    if (s.length() > 16) {
      throw new IllegalArgumentException("no 16-character DS form for " + v);
    }
    return s;
  }
}
