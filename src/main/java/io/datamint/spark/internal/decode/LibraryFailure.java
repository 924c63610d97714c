package io.datamint.spark.internal.decode;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A failure of a library (an image reader, the JDK's inflater, an I/O call) in words a user reads:
 * its own message without Java class names, or for a failure without one what its kind means ("the
 * data ends early" for an {@code EOFException}). Messages of the connector say what is wrong with
 * the file first and quote this at most as their suffix ({@link #said}), e.g. {@code JPEG frame 3
 * cannot be decoded: its codestream is corrupt (the TwelveMonkeys ImageIO library said: Unsupported
 * marker type 0xa2)}.
 */
public final class LibraryFailure {

  /** A Java class name with its package ({@code javax.imageio.IIOException}). */
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.)+([A-Z][A-Za-z0-9_$]*)");

  /** A throwable's simple class name as a message's head or body ("IIOException: ..."). */
  private static final Pattern THROWABLE_NAME =
      Pattern.compile("\\b([A-Z][A-Za-z0-9_$]*(?:Exception|Error|Death))\\b(?::\\s*)?");

  /** What a throwable means when it has no message of its own, by simple class name. */
  private static final Map<String, String> MEANINGS =
      Map.ofEntries(
          Map.entry("EOFException", "the data ends early"),
          Map.entry("ArrayIndexOutOfBoundsException", "a position in the data lies outside it"),
          Map.entry("IndexOutOfBoundsException", "a position in the data lies outside it"),
          Map.entry("StringIndexOutOfBoundsException", "a position in the data lies outside it"),
          Map.entry("BufferUnderflowException", "the data ends early"),
          Map.entry("BufferOverflowException", "the data is larger than it declares"),
          Map.entry("NegativeArraySizeException", "a size in the data is negative"),
          Map.entry("ArithmeticException", "a value in the data makes a calculation impossible"),
          Map.entry("NullPointerException", "it met data it did not expect"),
          Map.entry("ClassCastException", "it met data it did not expect"),
          Map.entry("IllegalStateException", "it met data it did not expect"),
          Map.entry("UnsupportedOperationException", "a feature of the data is not supported"),
          Map.entry("ZipException", "the compressed data is corrupt"),
          Map.entry("DataFormatException", "the compressed data is corrupt"),
          Map.entry("InterruptedIOException", "reading was interrupted"),
          Map.entry("IIOException", "the image data is corrupt"),
          Map.entry("ThreadDeath", "it stopped its own thread"),
          Map.entry("StackOverflowError", "its structure nests too deeply"),
          Map.entry("OutOfMemoryError", "the heap was exhausted"));

  private static final int MAX_CAUSES = 8;

  private LibraryFailure() {}

  /**
   * The library's account of {@code failure}: the first message in its cause chain that says
   * something once class names are taken out, else what the kind of failure means.
   */
  public static String text(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      String words = words(t.getMessage());
      if (words != null) {
        // a bare number ("-5" of a NegativeArraySizeException) says little without its kind
        String meaning = MEANINGS.get(t.getClass().getSimpleName());
        return meaning != null && words.chars().noneMatch(Character::isLetter)
            ? meaning + ": " + words
            : words;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return meaning(failure);
  }

  /**
   * {@code " (WHO said: TEXT)"}: the suffix that quotes {@code failure}'s {@link #text} as the
   * words of {@code who} (e.g. "the JPEG decoder").
   */
  public static String said(String who, Throwable failure) {
    return " (" + who + " said: " + text(failure) + ")";
  }

  /**
   * {@link #said(String, Throwable)} with the library read off the failure's stack ({@code "the
   * TwelveMonkeys ImageIO library"}, {@code "the Java runtime"}).
   */
  public static String said(Throwable failure) {
    String library = LibraryOrigin.of(failure);
    return said(library == null ? "the decoder" : library, failure);
  }

  /** A message with class names taken out; null when nothing is left. */
  static String words(String message) {
    if (message == null || message.isBlank()) {
      return null;
    }
    String text = QUALIFIED.matcher(message).replaceAll("$1");
    String meaning = null;
    boolean nameLast = false;
    Matcher names = THROWABLE_NAME.matcher(text);
    StringBuilder kept = new StringBuilder();
    while (names.find()) {
      if (meaning == null) {
        meaning = MEANINGS.get(names.group(1));
      }
      nameLast = names.end() == text.length();
      names.appendReplacement(kept, "");
    }
    names.appendTail(kept);
    String left = kept.toString().strip();
    while (left.endsWith(":") || left.endsWith("(") || left.endsWith(",")) {
      left = left.substring(0, left.length() - 1).strip();
    }
    left = left.replace("()", "").strip();
    if (left.isEmpty() || left.equals("null")) {
      return meaning;
    }
    // "Caught exception during read: java.io.EOFException": the name said what happened
    return nameLast && meaning != null ? left + ": " + meaning : left;
  }

  /** What {@code failure}'s kind means, from its class and those of its causes. */
  private static String meaning(Throwable failure) {
    int depth = 0;
    for (Throwable t = failure; t != null && depth < MAX_CAUSES; t = t.getCause(), depth++) {
      String meaning = MEANINGS.get(t.getClass().getSimpleName());
      if (meaning != null) {
        return meaning;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return "it gave no reason";
  }
}
