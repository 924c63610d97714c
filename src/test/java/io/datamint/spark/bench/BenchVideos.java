package io.datamint.spark.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The benchmarks' generated videos, made with the {@code ffmpeg} command line. */
final class BenchVideos {

  static final int WIDTH = 1920;
  static final int HEIGHT = 1080;

  private BenchVideos() {}

  /**
   * Writes a {@code frames}-frame 1080p H.264 MP4 of FFmpeg's {@code testsrc2} pattern at 30
   * frames/s (libx264 {@code veryfast}: its default key frame every 250 frames, B-frames).
   */
  static void writeClip(Path mp4, int frames) throws IOException, InterruptedException {
    ffmpeg(
        "-f",
        "lavfi",
        "-i",
        "testsrc2=size=" + WIDTH + "x" + HEIGHT + ":rate=30",
        "-frames:v",
        Integer.toString(frames),
        "-c:v",
        "libx264",
        "-preset",
        "veryfast",
        "-pix_fmt",
        "yuv420p",
        "-y",
        mp4.toString());
  }

  /** Runs the {@code ffmpeg} command line with {@code args}; fails unless it exits 0. */
  static void ffmpeg(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("ffmpeg", "-hide_banner", "-loglevel", "error"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).inheritIO().start();
    if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
      throw new IllegalStateException("ffmpeg failed: " + command);
    }
  }
}
