package io.datamint.spark.internal.decode.video;

/**
 * FFmpeg's demuxer names as messages name the container ("MP4/QuickTime" for {@code mov,mp4,...}).
 */
final class VideoContainers {

  private VideoContainers() {}

  /** The container of demuxer {@code name} as a user knows it. */
  static String label(String name) {
    if (name == null) {
      return "video";
    }
    if (name.startsWith("mov,mp4")) {
      return "MP4/QuickTime";
    }
    if (name.startsWith("matroska")) {
      return "Matroska/WebM";
    }
    return switch (name) {
      case "avi" -> "AVI";
      case "mpegts" -> "MPEG-TS";
      default -> name;
    };
  }
}
