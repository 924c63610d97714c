package io.datamint.spark.internal.decode.video;

import io.datamint.spark.internal.util.BuildInfo;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Chooses where JavaCPP extracts the FFmpeg natives, before JavaCPP first looks.
 *
 * <p>Left alone, JavaCPP extracts into {@code <cache>/<jar file name>/org/bytedeco/...}: one copy
 * (about 56 MB on linux-x86_64) for every distinct name of the jar that carries the natives. On a
 * cluster that name changes with every connector version, and some platforms give every uploaded
 * jar a new name, so the cache would grow by a copy per job or per upgrade. This class therefore
 * points JavaCPP at one flat directory per FFmpeg build and platform, {@code
 * <base>/datamint-ffmpeg-<version>-<platform>} (system properties {@code
 * org.bytedeco.javacpp.cachedir} and {@code org.bytedeco.javacpp.cachedir.nosubdir=true}), whatever
 * the jar is called. {@code <base>} is the user's {@code org.bytedeco.javacpp.cachedir} when set
 * (for example {@code
 * spark.executor.extraJavaOptions=-Dorg.bytedeco.javacpp.cachedir=/local_disk0/javacpp}), else the
 * first writable of {@code ~/.javacpp/cache} and {@code <java.io.tmpdir>/.javacpp-<user>/cache}
 * (JavaCPP's own defaults). The platform is in the name because a home directory may be shared by
 * hosts of several architectures. A user who sets {@code org.bytedeco.javacpp.cachedir.nosubdir}
 * takes JavaCPP's layout into their own hands: nothing is changed then. These are JVM-wide
 * properties: another JavaCPP library in the same JVM extracts there too, which is harmless.
 */
final class NativeCache {

  static final String CACHE_DIR = "org.bytedeco.javacpp.cachedir";
  static final String NO_SUBDIR = "org.bytedeco.javacpp.cachedir.nosubdir";

  private NativeCache() {}

  /**
   * Sets JavaCPP's cache properties as described above; returns the cache directory in use, or a
   * description of JavaCPP's own choice, for logs and messages.
   *
   * @param platform JavaCPP's platform name of this JVM, e.g. {@code linux-x86_64}
   */
  static synchronized String configure(String platform) {
    if (System.getProperty(NO_SUBDIR) != null) {
      return "as configured: "
          + CACHE_DIR
          + "="
          + System.getProperty(CACHE_DIR)
          + ", "
          + NO_SUBDIR
          + "="
          + System.getProperty(NO_SUBDIR);
    }
    String name = directoryName(platform);
    String userDir = System.getProperty(CACHE_DIR);
    List<Path> bases = userDir == null ? candidates() : List.of(Path.of(userDir));
    for (Path base : bases) {
      Path dir = base.resolve(name);
      if (usable(dir)) {
        System.setProperty(CACHE_DIR, dir.toString());
        System.setProperty(NO_SUBDIR, "true");
        return dir.toString();
      }
    }
    return "JavaCPP's default (no writable directory among " + bases + ")";
  }

  /** {@code datamint-ffmpeg-<ffmpeg artifact version>-<platform>}. */
  static String directoryName(String platform) {
    return "datamint-ffmpeg-" + BuildInfo.ffmpegArtifactVersion() + "-" + platform;
  }

  static List<Path> candidates() {
    List<Path> bases = new ArrayList<>();
    String home = System.getProperty("user.home");
    if (home != null && !home.isEmpty() && !home.equals("?")) {
      bases.add(Path.of(home, ".javacpp", "cache"));
    }
    String tmp = System.getProperty("java.io.tmpdir");
    if (tmp != null && !tmp.isEmpty()) {
      String user = System.getProperty("user.name", "user").replaceAll("[^A-Za-z0-9._-]", "_");
      bases.add(Path.of(tmp, ".javacpp-" + user.toLowerCase(Locale.ROOT), "cache"));
    }
    return bases;
  }

  private static boolean usable(Path dir) {
    try {
      Files.createDirectories(dir);
      File file = dir.toFile();
      return file.isDirectory() && file.canWrite();
    } catch (Exception e) { // IOException, SecurityException, InvalidPathException
      return false;
    }
  }
}
