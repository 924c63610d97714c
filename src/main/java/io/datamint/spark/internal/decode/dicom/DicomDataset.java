package io.datamint.spark.internal.decode.dicom;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A parsed data set (or sequence item): its elements in file order, with typed accessors for the
 * attributes the decoder reads. Accessors are lenient, as pydicom is: a value of an unexpected VR
 * is converted when it can be, and an unreadable value reads as absent.
 */
final class DicomDataset {

  private final Map<Integer, DicomElement> elements = new LinkedHashMap<>();

  void put(DicomElement element) {
    elements.put(element.tag(), element);
  }

  DicomElement get(int tag) {
    return elements.get(tag);
  }

  boolean contains(int tag) {
    return elements.containsKey(tag);
  }

  Collection<DicomElement> elements() {
    return elements.values();
  }

  int size() {
    return elements.size();
  }

  /**
   * The string values of a text element, split at backslashes, each without padding; empty when
   * absent.
   */
  List<String> strings(int tag) {
    DicomElement e = elements.get(tag);
    List<String> out = new ArrayList<>();
    if (e == null || e.length() == 0 || e.isSequence() || e.isEncapsulated()) {
      return out;
    }
    String text = new String(e.buffer(), e.offset(), e.length(), StandardCharsets.ISO_8859_1);
    for (String part : text.split("\\\\", -1)) {
      out.add(trim(part));
    }
    return out;
  }

  /** The first string value, or null when absent or empty. */
  String string(int tag) {
    List<String> values = strings(tag);
    return values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
  }

  /**
   * The integer values of a US, SS, UL, SL or IS element (or of a UN element holding 16-bit values,
   * as implicit private data does); empty when absent or unreadable. US and UL are unsigned, SS and
   * SL signed.
   */
  long[] longs(int tag) {
    DicomElement e = elements.get(tag);
    if (e == null || e.length() == 0 || e.isSequence() || e.isEncapsulated()) {
      return new long[0];
    }
    byte[] b = e.buffer();
    boolean be = e.bigEndian();
    switch (e.vr()) {
      case US:
      case UN:
      case OW:
        {
          long[] out = new long[e.length() / 2];
          for (int i = 0; i < out.length; i++) {
            out[i] = Bytes.u16(b, e.offset() + 2 * i, be);
          }
          return out;
        }
      case SS:
        {
          long[] out = new long[e.length() / 2];
          for (int i = 0; i < out.length; i++) {
            out[i] = (short) Bytes.u16(b, e.offset() + 2 * i, be);
          }
          return out;
        }
      case UL:
        {
          long[] out = new long[e.length() / 4];
          for (int i = 0; i < out.length; i++) {
            out[i] = Bytes.u32(b, e.offset() + 4 * i, be);
          }
          return out;
        }
      case SL:
        {
          long[] out = new long[e.length() / 4];
          for (int i = 0; i < out.length; i++) {
            out[i] = Bytes.i32(b, e.offset() + 4 * i, be);
          }
          return out;
        }
      case IS:
      case DS:
        {
          List<String> parts = strings(tag);
          long[] out = new long[parts.size()];
          for (int i = 0; i < out.length; i++) {
            try {
              double d = Double.parseDouble(parts.get(i));
              if (d != Math.rint(d)) {
                return new long[0];
              }
              out[i] = (long) d;
            } catch (NumberFormatException notANumber) {
              return new long[0];
            }
          }
          return out;
        }
      default:
        return new long[0];
    }
  }

  /** The first integer value, or {@code absent}. */
  long longValue(int tag, long absent) {
    long[] values = longs(tag);
    return values.length == 0 ? absent : values[0];
  }

  /** Whether the element is present with a value that {@link #longs} cannot read (e.g. IS "1A"). */
  boolean hasUnreadableInteger(int tag) {
    DicomElement e = elements.get(tag);
    return e != null && e.length() > 0 && longs(tag).length == 0;
  }

  /** The values of a DS, IS, FL or FD element as doubles; null when absent, empty or unreadable. */
  double[] doubles(int tag) {
    DicomElement e = elements.get(tag);
    if (e == null || e.length() == 0 || e.isSequence() || e.isEncapsulated()) {
      return null;
    }
    byte[] b = e.buffer();
    switch (e.vr()) {
      case FD:
        {
          double[] out = new double[e.length() / 8];
          for (int i = 0; i < out.length; i++) {
            out[i] = Double.longBitsToDouble(Bytes.i64(b, e.offset() + 8 * i, e.bigEndian()));
          }
          return out;
        }
      case FL:
        {
          double[] out = new double[e.length() / 4];
          for (int i = 0; i < out.length; i++) {
            out[i] = Float.intBitsToFloat(Bytes.i32(b, e.offset() + 4 * i, e.bigEndian()));
          }
          return out;
        }
      case DS:
      case IS:
        {
          List<String> parts = strings(tag);
          double[] out = new double[parts.size()];
          for (int i = 0; i < out.length; i++) {
            try {
              out[i] = Double.parseDouble(parts.get(i));
            } catch (NumberFormatException notANumber) {
              return null;
            }
          }
          return out;
        }
      default:
        {
          long[] ints = longs(tag);
          if (ints.length == 0) {
            return null;
          }
          double[] out = new double[ints.length];
          for (int i = 0; i < ints.length; i++) {
            out[i] = ints[i];
          }
          return out;
        }
    }
  }

  /** The items of a sequence; empty when absent or not a sequence. */
  List<DicomDataset> items(int tag) {
    DicomElement e = elements.get(tag);
    return e == null || e.items() == null ? List.of() : e.items();
  }

  /** The first item of a sequence, or null. */
  DicomDataset firstItem(int tag) {
    List<DicomDataset> items = items(tag);
    return items.isEmpty() ? null : items.get(0);
  }

  /**
   * Removes trailing spaces and NULs and leading spaces (insignificant in every VR this class
   * reads).
   */
  static String trim(String s) {
    int start = 0;
    int end = s.length();
    while (end > start && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == '\0')) {
      end--;
    }
    while (start < end && s.charAt(start) == ' ') {
      start++;
    }
    return s.substring(start, end);
  }
}
