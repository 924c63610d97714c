package io.datamint.spark.internal.decode.video;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.LibraryFailure;
import io.datamint.spark.internal.decode.NativeLoads;
import io.datamint.spark.internal.decode.OptionalLibrary;
import java.util.stream.Collectors;
import org.bytedeco.ffmpeg.global.avcodec;
import org.bytedeco.ffmpeg.global.avformat;
import org.bytedeco.ffmpeg.global.avutil;
import org.bytedeco.ffmpeg.global.swscale;
import org.bytedeco.javacpp.Loader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads FFmpeg's native libraries once per JVM (class loader) and configures its logging.
 *
 * <p>The libraries come from the {@code org.bytedeco:ffmpeg} and {@code org.bytedeco:javacpp} jars
 * of the platform classifier (e.g. {@code linux-x86_64}). On first use JavaCPP extracts them into
 * its cache directory and loads them from there; later JVMs on the same host reuse the extracted
 * files. The cache directory is chosen by {@link NativeCache}: one flat directory per FFmpeg build
 * and platform under {@code ~/.javacpp/cache} (or {@code <java.io.tmpdir>/.javacpp-<user>/cache}),
 * whatever the name of the jar that carries the natives. On Spark executors whose home directory is
 * missing, read-only or on a slow shared file system, set {@code
 * spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=<local disk>}, which is then used
 * as given; concurrent extraction by several JVMs is guarded by JavaCPP's file locks.
 *
 * <p>Without the JavaCPP and FFmpeg classes ({@link OptionalLibrary#FFMPEG}) nothing of theirs is
 * touched: {@link #ensureLoaded()} fails naming the missing jars, and {@link #isAvailable()} is
 * false.
 *
 * <p>FFmpeg's own log is limited to {@code AV_LOG_ERROR} and routed to SLF4J (logger {@code
 * io.datamint.spark.internal.decode.video.ffmpeg}, at WARN); the last error logged on the calling
 * thread is also kept so that a {@link DecodeException} can quote FFmpeg's explanation (e.g. "moov
 * atom not found").
 */
final class FfmpegRuntime {

  private static final Logger LOG = LoggerFactory.getLogger(FfmpegRuntime.class);

  private FfmpegRuntime() {}

  /** The outcome of the one load attempt, computed on first use. */
  private static final class Holder {
    static final Throwable FAILURE;
    static final long LOAD_NANOS;
    static final String DESCRIPTION;
    static final String CACHE;

    static {
      long start = System.nanoTime();
      Throwable failure = null;
      String description = "FFmpeg not loaded";
      String cache = "(not chosen)";
      try {
        cache = NativeCache.configure(Loader.getPlatform());
        Loader.load(avutil.class);
        Loader.load(avcodec.class);
        Loader.load(avformat.class);
        Loader.load(swscale.class);
        FfmpegLog.install();
        description =
            "FFmpeg "
                + avutil.av_version_info().getString()
                + " (libavformat "
                + version(avformat.avformat_version())
                + ", libavcodec "
                + version(avcodec.avcodec_version())
                + ", libswscale "
                + version(swscale.swscale_version())
                + ")";
      } catch (LinkageError
          | RuntimeException e) { // UnsatisfiedLinkError, or an initializer error wrapping one
        failure = e;
      }
      LOAD_NANOS = System.nanoTime() - start;
      NativeLoads.loaded(LOAD_NANOS);
      FAILURE = failure;
      DESCRIPTION = description;
      CACHE = cache;
      if (failure == null) {
        LOG.info(
            "{} loaded in {} ms (JavaCPP cache {})", description, LOAD_NANOS / 1_000_000, cache);
      } else {
        LOG.error("FFmpeg natives could not be loaded (JavaCPP cache {})", cache, failure);
      }
    }
  }

  /**
   * Loads the natives if this is the first call, and fails with a clear message if they cannot be
   * loaded: when the JavaCPP or FFmpeg classes are missing from the class path, or the jars with
   * the natives of this OS and architecture (classifier, e.g. {@code linux-arm64}), or the JavaCPP
   * cache cannot be written.
   *
   * @throws DecodeException naming what is missing and how to add it
   */
  public static void ensureLoaded() throws DecodeException {
    OptionalLibrary.FFMPEG.require("this video");
    Throwable failure = Holder.FAILURE;
    if (failure != null) {
      String platform = OptionalLibrary.nativePlatform();
      String jars =
          OptionalLibrary.FFMPEG.artifacts().stream()
              .map(artifact -> artifact + ":" + platform)
              .collect(Collectors.joining(" and "));
      throw new DecodeException(
          "decoding this video needs FFmpeg's native libraries for "
              + platform
              + ", which could not be loaded"
              + LibraryFailure.said("the Java runtime", failure)
              + ": put the jars "
              + jars
              + " on the class path, for"
              + " example with --jars (the connector's own dependencies carry the natives of "
              + String.join(", ", OptionalLibrary.bundledNativePlatforms())
              + "), and make sure that the JavaCPP cache "
              + Holder.CACHE
              + " is writable, or set -Dorg.bytedeco.javacpp.cachedir",
          failure);
    }
  }

  /** Whether the natives are loaded (loading them if this is the first call). */
  public static boolean isAvailable() {
    return OptionalLibrary.FFMPEG.isPresent() && Holder.FAILURE == null;
  }

  /**
   * How long the first load took, in nanoseconds: extraction (on a cold cache) plus {@code dlopen}.
   */
  public static long loadNanos() {
    return Holder.LOAD_NANOS;
  }

  /**
   * The FFmpeg version and library versions, e.g. {@code FFmpeg 8.1.2 (libavformat 62.x.y, ...)}.
   */
  public static String describe() {
    return Holder.DESCRIPTION;
  }

  private static String version(int packed) {
    return (packed >>> 16) + "." + ((packed >>> 8) & 0xff) + "." + (packed & 0xff);
  }

  /** Where the natives were extracted ({@link NativeCache}). */
  public static String cacheDirectory() {
    return Holder.CACHE;
  }
}
