package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.util.BuildInfo;
import java.util.List;
import java.util.Locale;

/**
 * The libraries some formats need besides Spark, and what to say when one is missing. The
 * connector's thin jar declares them as Maven dependencies; a job started with the thin jar alone
 * (for example {@code --jars} instead of {@code --packages}) lacks them. Decoding a file that needs
 * a missing library is then that file's {@link DecodeException}, whose message names the library,
 * its Maven coordinates and the two ways to get it, instead of a {@link LinkageError} that would
 * abort the job:
 *
 * <ul>
 *   <li>{@link #TWELVEMONKEYS}: JPEG and TIFF files, and DICOM JPEG baseline, extended (8-bit) and
 *       lossless;
 *   <li>{@link #JAI_IMAGEIO_JPEG2000}: DICOM JPEG 2000;
 *   <li>{@link #FFMPEG}: every video.
 * </ul>
 *
 * <p>Everything else (DICOM native, RLE, JPEG-LS and 12-bit JPEG, NIfTI, PNG, BMP, GIF, and masks
 * in those formats) is pure Java on the JDK. This class is the one place that knows the libraries'
 * names and coordinates and the connector's own; the versions come from the build ({@link
 * BuildInfo}).
 */
public enum OptionalLibrary {

  /** TwelveMonkeys ImageIO: the JPEG and TIFF readers. */
  TWELVEMONKEYS(
      "TwelveMonkeys ImageIO",
      "com.twelvemonkeys.",
      List.of(
          "com.twelvemonkeys.imageio:imageio-jpeg:" + Build.version("twelvemonkeys"),
          "com.twelvemonkeys.imageio:imageio-tiff:" + Build.version("twelvemonkeys")),
      List.of(
          "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
          "com.twelvemonkeys.imageio.plugins.tiff.TIFFImageReaderSpi")),

  /** jai-imageio's JPEG 2000 reader. */
  JAI_IMAGEIO_JPEG2000(
      "jai-imageio JPEG 2000",
      "com.github.jaiimageio.",
      List.of("com.github.jai-imageio:jai-imageio-jpeg2000:" + Build.version("jai-imageio")),
      List.of("com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi")),

  /**
   * FFmpeg through JavaCPP: the Java classes, plus the natives of one platform in jars with its
   * classifier.
   */
  FFMPEG(
      "FFmpeg through JavaCPP",
      "org.bytedeco.",
      List.of(
          "org.bytedeco:ffmpeg:" + Build.version("ffmpeg"),
          "org.bytedeco:javacpp:" + Build.version("javacpp")),
      List.of("org.bytedeco.javacpp.Loader", "org.bytedeco.ffmpeg.global.avutil"));

  private final String title;
  private final String packagePrefix;
  private final List<String> artifacts;
  private final List<String> probeClasses;
  private volatile Boolean present;

  OptionalLibrary(
      String title, String packagePrefix, List<String> artifacts, List<String> probeClasses) {
    this.title = title;
    this.packagePrefix = packagePrefix;
    this.artifacts = artifacts;
    this.probeClasses = probeClasses;
  }

  /** The library's name, e.g. "TwelveMonkeys ImageIO". */
  public String title() {
    return title;
  }

  /** Its Maven artifacts, {@code group:artifact:version}. */
  public List<String> artifacts() {
    return artifacts;
  }

  /**
   * Whether the library's classes can be loaded by the connector's class loader (found once, then
   * remembered). For {@link #FFMPEG} this says nothing of the natives, which load on first use.
   */
  public boolean isPresent() {
    Boolean known = present;
    if (known == null) {
      known = probe();
      present = known;
    }
    return known;
  }

  /**
   * Fails unless the library is present.
   *
   * @param what what is being decoded, completing "decoding ..." (e.g. "this JPEG image")
   * @throws DecodeException naming the library and how to add it
   */
  public void require(String what) throws DecodeException {
    if (!isPresent()) {
      throw new DecodeException(missing(what));
    }
  }

  /** The message for a file that needs this library when it is not on the class path. */
  String missing(String what) {
    return "decoding "
        + what
        + " needs "
        + title
        + " ("
        + coordinates()
        + "), which is not on the class path: "
        + Build.HOW_TO_ADD;
  }

  /**
   * The failure of decoding {@code what} because a class or native library could not be loaded: the
   * library the error points at (by the missing class's package, or the code that threw it) and how
   * to add it; for an error that points at no optional library, the error itself. Use it for a
   * {@link LinkageError} caught around a decoder.
   */
  public static DecodeException linkageFailure(String what, LinkageError error) {
    OptionalLibrary library = blamedFor(error);
    if (library == null) {
      return new DecodeException(
          "decoding "
              + what
              + " failed: a class the decoder needs could not be loaded"
              + LibraryFailure.said("the Java runtime", error)
              + "; the connector's dependencies may be incomplete: "
              + Build.HOW_TO_ADD,
          error);
    }
    if (!library.isPresent()) {
      return new DecodeException(
          library.missing(what) + LibraryFailure.said("the Java runtime", error), error);
    }
    return new DecodeException(
        "decoding "
            + what
            + " needs "
            + library.title
            + " ("
            + library.coordinates()
            + "), which is on the class path but could not be loaded"
            + LibraryFailure.said("the Java runtime", error)
            + ": "
            + Build.HOW_TO_ADD,
        error);
  }

  /**
   * The JavaCPP platform name of this JVM, e.g. {@code linux-x86_64}, {@code linux-arm64}, {@code
   * macosx-arm64}, {@code windows-x86_64}: the classifier of the ffmpeg and javacpp jars holding
   * its natives. Computed as JavaCPP's {@code Loader.getPlatform()} does, without JavaCPP.
   */
  public static String nativePlatform() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
    if (os.startsWith("mac os x") || os.startsWith("darwin")) {
      os = "macosx";
    } else if (os.startsWith("windows")) {
      os = "windows";
    } else if (os.indexOf(' ') > 0) {
      os = os.substring(0, os.indexOf(' '));
    }
    if (arch.equals("amd64") || arch.equals("x86-64") || arch.equals("x64")) {
      arch = "x86_64";
    } else if (arch.startsWith("aarch64") || arch.startsWith("armv8") || arch.startsWith("arm64")) {
      arch = "arm64";
    } else if (arch.matches("i[3-6]86")) {
      arch = "x86";
    }
    return os + "-" + arch;
  }

  /**
   * The JavaCPP platforms whose natives the connector's own dependencies (and its self-contained
   * jar) carry.
   */
  public static List<String> bundledNativePlatforms() {
    return BuildInfo.nativePlatforms();
  }

  /** The artifacts as a phrase; FFmpeg's with the classifier its natives need on this machine. */
  private String coordinates() {
    String list = String.join(" and ", artifacts);
    return this == FFMPEG
        ? list
            + ", each also with the classifier "
            + nativePlatform()
            + " for this machine's"
            + " natives"
        : list + ", with their dependencies";
  }

  /** The library whose classes or code {@code error} (or a cause of it) names, or null. */
  static OptionalLibrary blamedFor(Throwable error) {
    for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
      String message = t.getMessage() == null ? "" : t.getMessage().replace('/', '.');
      for (OptionalLibrary library : values()) {
        if (message.contains(library.packagePrefix)) {
          return library;
        }
      }
      for (StackTraceElement frame : t.getStackTrace()) {
        for (OptionalLibrary library : values()) {
          if (frame.getClassName().startsWith(library.packagePrefix)) {
            return library;
          }
        }
      }
    }
    return null;
  }

  private boolean probe() {
    return loadable(probeClasses);
  }

  /**
   * Whether the connector's class loader can load every one of {@code classNames}: loads each class
   * and its supertypes, runs no static initializer. Also for a library the connector only uses when
   * present, such as OpenCV for JPEG 2000.
   */
  public static boolean loadable(List<String> classNames) {
    ClassLoader loader = OptionalLibrary.class.getClassLoader();
    try {
      for (String name : classNames) {
        Class.forName(name, false, loader);
      }
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** The versions and the connector's coordinates, from the build ({@link BuildInfo}). */
  private static final class Build {
    static final String HOW_TO_ADD =
        "use the self-contained jar "
            + BuildInfo.selfContainedJar()
            + ", or add the connector with --packages "
            + BuildInfo.coordinates()
            + ", which brings its dependencies";

    static String version(String library) {
      return BuildInfo.dependencyVersion(library);
    }
  }
}
