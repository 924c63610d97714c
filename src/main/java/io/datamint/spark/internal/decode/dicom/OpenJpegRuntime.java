package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.internal.decode.NativeLoads;
import io.datamint.spark.internal.decode.OptionalLibrary;
import io.datamint.spark.internal.util.BuildInfo;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * OpenJPEG, the reference C decoder of JPEG 2000, as OpenCV's Java build ({@code
 * org.openpnp:opencv}) carries it: an optional accelerator of DICOM JPEG 2000, never required. A
 * job that puts the jar on the class path (for example {@code --packages
 * org.openpnp:opencv:4.9.0-0}) gets JPEG 2000 frames decoded natively, about twice as fast as by
 * JJ2000; without it, or where its natives do not load (its jar carries Linux x86_64, ARMv8 and
 * ARMv7, macOS x86_64 and ARMv8, Windows), JJ2000 decodes every frame as before, and the load
 * failure is logged once.
 *
 * <p>The natives are loaded once per JVM (class loader), on the first JPEG 2000 frame: OpenCV's
 * loader extracts its library for this platform into a temporary directory and loads it from there
 * (about 65 MB on Linux x86_64, deleted when the JVM exits). Nothing of OpenCV is touched when its
 * classes are absent. OpenCV's global settings (threads, logging) are left as they are.
 */
final class OpenJpegRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(OpenJpegRuntime.class);

  /** OpenCV's loader and decoder classes, probed before anything of OpenCV's is run. */
  private static final List<String> PROBE =
      List.of("nu.pattern.OpenCV", "org.opencv.imgcodecs.Imgcodecs", "org.opencv.core.MatOfByte");

  /** OpenCV 4.3 made OpenJPEG its JPEG 2000 codec (Jasper before, disabled by default). */
  private static final int OPENJPEG_SINCE_4 = 3;

  private OpenJpegRuntime() {}

  /** The outcome of the one attempt, made on first use. */
  private static final class Holder {
    static final boolean AVAILABLE = load();
  }

  /** Whether OpenJPEG can decode (loading it if this is the first call). */
  static boolean isAvailable() {
    return Holder.AVAILABLE;
  }

  private static boolean load() {
    if (!OptionalLibrary.loadable(PROBE)) {
      LOG.debug(
          "OpenCV (org.openpnp:opencv) is not on the class path: JPEG 2000 frames are decoded by"
              + " JJ2000");
      return false;
    }
    long start = System.nanoTime();
    try {
      nu.pattern.OpenCV.loadLocally();
      String version = org.opencv.core.Core.getVersionString();
      int major = org.opencv.core.Core.getVersionMajor();
      if (major < 4 || major == 4 && org.opencv.core.Core.getVersionMinor() < OPENJPEG_SINCE_4) {
        LOG.warn(
            "OpenCV {} is on the class path, but only OpenCV 4.{} and later decode JPEG 2000 with"
                + " OpenJPEG: JPEG 2000 frames are decoded by JJ2000 (add org.openpnp:opencv:{} for"
                + " OpenJPEG)",
            version,
            OPENJPEG_SINCE_4,
            BuildInfo.dependencyVersion("opencv"));
        return false;
      }
      LOG.info(
          "OpenJPEG of OpenCV {} loaded in {} ms: JPEG 2000 frames are decoded natively",
          version,
          (System.nanoTime() - start) / 1_000_000);
      return true;
    } catch (LinkageError | RuntimeException e) {
      LOG.warn(
          "OpenCV (org.openpnp:opencv) is on the class path but its natives could not be loaded"
              + " on {}: JPEG 2000 frames are decoded by JJ2000 instead (slower); OpenCV {} carries"
              + " Linux x86_64 and ARM, macOS and Windows",
          OptionalLibrary.nativePlatform(),
          BuildInfo.dependencyVersion("opencv"),
          e);
      return false;
    } finally {
      NativeLoads.loaded(System.nanoTime() - start);
    }
  }
}
