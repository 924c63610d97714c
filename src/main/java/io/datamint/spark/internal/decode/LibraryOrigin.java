package io.datamint.spark.internal.decode;

import java.util.Locale;

/**
 * Which code a throwable raised inside a decoder comes from: the connector's own, or a third-party
 * library (named as a message names it). Read off the stack: the topmost frame that is not the Java
 * platform's general API ({@code java.}, {@code javax.}, {@code jdk.}, {@code sun.}, which both the
 * connector and the libraries call) decides. The JDK's own image readers ({@code com.sun.imageio})
 * count as a library.
 */
final class LibraryOrigin {

  private static final String CONNECTOR = "io.datamint.spark.";
  private static final String[] PLATFORM = {"java.", "javax.", "jdk.", "sun."};

  private LibraryOrigin() {}

  /**
   * The library that raised {@code failure}, as a message names it ("the JPEG 2000 library
   * (jai-imageio-jpeg2000)"), or null when the connector's code raised it.
   */
  static String of(Throwable failure) {
    for (StackTraceElement frame : failure.getStackTrace()) {
      String cls = frame.getClassName();
      if (isPlatform(cls)) {
        continue;
      }
      return cls.startsWith(CONNECTOR) ? null : name(cls);
    }
    return "the Java runtime"; // no frame outside the platform: not raised by our code
  }

  private static boolean isPlatform(String cls) {
    for (String prefix : PLATFORM) {
      if (cls.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  /** A library as messages name it, from one of its class names. */
  static String name(String cls) {
    if (cls.startsWith("jj2000.") || cls.contains(".jaiimageio.jpeg2000.")) {
      return "the JPEG 2000 library (jai-imageio-jpeg2000)";
    }
    if (cls.startsWith("com.github.jaiimageio.")) {
      return "the jai-imageio library";
    }
    if (cls.startsWith("com.twelvemonkeys.")) {
      return "the TwelveMonkeys ImageIO library";
    }
    if (cls.startsWith("com.sun.imageio.plugins.")) {
      String plugin = cls.substring("com.sun.imageio.plugins.".length());
      int dot = plugin.indexOf('.');
      return "the Java runtime's "
          + (dot > 0 ? plugin.substring(0, dot).toUpperCase(Locale.ROOT) + " " : "")
          + "image reader";
    }
    if (cls.startsWith("org.bytedeco.")) {
      return "FFmpeg (through JavaCPP)";
    }
    if (cls.startsWith("org.jcodec.")) {
      return "the jcodec library";
    }
    int dot = cls.lastIndexOf('.');
    return "the library " + (dot > 0 ? cls.substring(0, dot) : cls);
  }
}
