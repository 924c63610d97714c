package io.datamint.spark.internal.util;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Properties;

/**
 * The versions this connector was built with, read from {@code io/datamint/spark/build.properties},
 * which the build writes (Maven resource filtering): the connector's own Maven coordinates, the
 * Spark version it was compiled against, and the FFmpeg and JavaCPP builds whose natives it
 * carries. The same values are in the jar manifest ({@code Implementation-Version}, {@code
 * Built-Against-Spark}).
 */
public final class BuildInfo {

  private static final Properties PROPERTIES = load();

  private BuildInfo() {}

  /** The connector's version, e.g. {@code 0.1.0}. */
  public static String version() {
    return get("version");
  }

  /**
   * The Maven coordinates of the thin jar, {@code groupId:artifactId:version}, as {@code
   * --packages} takes them.
   */
  public static String coordinates() {
    return get("groupId") + ":" + get("artifactId") + ":" + get("version");
  }

  /** The file name of the self-contained jar, e.g. {@code datamint-spark_2.13-0.1.0-all.jar}. */
  public static String selfContainedJar() {
    return get("artifactId") + "-" + get("version") + "-all.jar";
  }

  /** The Spark version the connector was compiled against. */
  public static String sparkVersion() {
    return get("spark.version");
  }

  /** The version of the {@code org.bytedeco:ffmpeg} artifact, e.g. {@code 8.1.2-1.5.14}. */
  public static String ffmpegArtifactVersion() {
    return get("ffmpeg.version");
  }

  /** The version of {@code org.jcodec:jcodec}, the sample generator's optional H.264 encoder. */
  public static String jcodecVersion() {
    return get("jcodec.version");
  }

  /**
   * The version of a dependency the connector was built with, by its key in {@code
   * build.properties}: {@code twelvemonkeys}, {@code jai-imageio}, {@code ffmpeg}, {@code javacpp}
   * or {@code jcodec}.
   */
  public static String dependencyVersion(String key) {
    return get(key + ".version");
  }

  /**
   * The JavaCPP platforms whose FFmpeg natives the connector's dependencies (and the {@code -all}
   * jar) carry.
   */
  public static List<String> nativePlatforms() {
    return List.of(get("native.platforms").split(","));
  }

  private static String get(String key) {
    String value = PROPERTIES.getProperty(key);
    if (value == null || value.startsWith("${")) {
      throw new IllegalStateException(
          "io/datamint/spark/build.properties has no value for "
              + key
              + " (the connector's classes were not built by its Maven build)");
    }
    return value;
  }

  private static Properties load() {
    Properties properties = new Properties();
    try (InputStream in =
        BuildInfo.class.getResourceAsStream("/io/datamint/spark/build.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read io/datamint/spark/build.properties", e);
    }
    return properties;
  }
}
