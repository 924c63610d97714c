package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Number of Frames (0028,0008), read as PS3.5 defines an Integer String (IS): an optional sign and
 * digits, leading and trailing spaces allowed (and a trailing NUL of padding), one value (VM 1). An
 * empty value is the same as an absent element (PS3.5 7.4: a type 2 or 3 element may be empty), and
 * the frames are then counted from the pixel data ({@link NativeFrames}, {@link
 * EncapsulatedFrames}). A number that is not a whole one ({@code 1.5}), below 1, or more than one
 * value is the file's error naming the element. A decimal string of a whole number ({@code 2.0}) is
 * accepted as that number. Text that is no number at all ({@code 1A}, pydicom's {@code badVR} test
 * file) is read as unreadable, like an empty value: the pixel data decides (as the conformance
 * reference does).
 */
final class NumberOfFrames {

  /** The element is absent or empty: the pixel data decides. */
  static final int ABSENT = -1;

  private static final Pattern INTEGER = Pattern.compile("[+-]?[0-9]+");

  private NumberOfFrames() {}

  /**
   * The declared number of frames (1 or more), or {@link #ABSENT}.
   *
   * @throws DecodeException when the value is present but not one integer of 1 or more
   */
  static int of(DicomDataset ds) throws DecodeException {
    DicomElement e = ds.get(Tags.NUMBER_OF_FRAMES);
    if (e == null || e.length() == 0) {
      return ABSENT;
    }
    if (e.isSequence() || e.isEncapsulated()) {
      throw invalid("is a sequence, not an Integer String (IS)");
    }
    if (e.vr() == Vr.US || e.vr() == Vr.UL || e.vr() == Vr.SS || e.vr() == Vr.SL) {
      // a writer that used a binary VR: its value is still a count
      long[] values = ds.longs(Tags.NUMBER_OF_FRAMES);
      return values.length == 1 ? checked(values[0], Long.toString(values[0])) : ABSENT;
    }
    String text = new String(e.buffer(), e.offset(), e.length(), StandardCharsets.ISO_8859_1);
    String value = strip(text);
    if (value.isEmpty()) {
      return ABSENT;
    }
    if (value.indexOf('\\') >= 0) {
      throw invalid("has several values (\"" + value + "\"); it takes one");
    }
    if (INTEGER.matcher(value).matches()) {
      String digits = value.startsWith("+") ? value.substring(1) : value;
      try {
        return checked(Long.parseLong(digits), value);
      } catch (NumberFormatException tooLong) {
        throw invalid("is " + value + ", more frames than a file can hold");
      }
    }
    double number;
    try {
      number = Double.parseDouble(value);
    } catch (NumberFormatException notANumber) {
      return ABSENT; // unreadable text: the pixel data decides
    }
    if (Double.isNaN(number) || number != Math.rint(number)) {
      throw invalid("is \"" + value + "\", not a whole number (an Integer String, IS, is one)");
    }
    return checked(number >= Long.MAX_VALUE ? Long.MAX_VALUE : (long) number, value);
  }

  private static int checked(long count, String value) throws DecodeException {
    if (count < 1) {
      throw invalid("is " + value + "; an image has 1 frame or more");
    }
    if (count > Integer.MAX_VALUE) {
      throw invalid("is " + value + ", more frames than a file can hold");
    }
    return (int) count;
  }

  /** The value without its leading and trailing spaces and a trailing NUL. */
  private static String strip(String text) {
    int end = text.length();
    while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\0')) {
      end--;
    }
    int start = 0;
    while (start < end && text.charAt(start) == ' ') {
      start++;
    }
    return text.substring(start, end);
  }

  private static DecodeException invalid(String what) {
    return new DecodeException("Number of Frames (0028,0008) " + what);
  }
}
