package io.datamint.spark.internal.decode.video;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Small H.264 clips made with the ffmpeg command line, as the other video tests make theirs, and
 * changed copies of them: cut at several points, a few bytes flipped, an MP4 sample table that
 * lists fewer samples than it declares, an MP4 edit list that trims the track.
 */
public final class VideoMutants {

  /** The frames of every clip. */
  public static final int FRAMES = 12;

  private static final String SOURCE = "testsrc2=size=64x48:rate=10";

  private VideoMutants() {}

  /** Writes a {@value #FRAMES}-frame 64x48 H.264 clip; the container follows the file name. */
  public static void writeClip(Path file, String... extra) {
    VideoReference.writeH264(file, SOURCE, FRAMES, extra);
  }

  /** The first {@code fraction} of {@code data}. */
  public static byte[] truncated(byte[] data, double fraction) {
    return Arrays.copyOf(data, (int) (data.length * fraction));
  }

  /** {@code data} with {@code count} bytes inverted from {@code fraction} of its length on. */
  public static byte[] flipped(byte[] data, double fraction, int count) {
    byte[] copy = data.clone();
    int at = (int) (data.length * fraction);
    for (int k = at; k < Math.min(at + count, copy.length); k++) {
      copy[k] ^= (byte) 0xFF;
    }
    return copy;
  }

  /**
   * An MP4/MOV clip whose sample size table ({@code stsz}) lists only its first {@code kept}
   * samples, while its time-to-sample table still declares them all: FFmpeg indexes {@code kept}
   * samples and ends there without an error (as with the bit flips in the sample tables that lost
   * frames silently in issue 15).
   */
  public static byte[] mp4SizeTableCut(byte[] data, int kept) {
    byte[] copy = data.clone();
    int count = box(copy, "stsz") + 16; // size, type, version and flags, sample size
    put32(copy, count, kept);
    return copy;
  }

  /**
   * An intact MP4/MOV clip whose edit list shows only the first {@code 1 / divisor} of the track
   * (its segment duration divided), as an editor trims a video without re-encoding it.
   */
  public static byte[] mp4TrimmedByEditList(byte[] data, int divisor) {
    byte[] copy = data.clone();
    int duration = box(copy, "elst") + 16; // size, type, version and flags, entry count
    put32(copy, duration, u32be(copy, duration) / divisor);
    return copy;
  }

  /** The offset of the first box of {@code type} (found by its name, as the clips are small). */
  private static int box(byte[] data, String type) {
    int at = new String(data, StandardCharsets.ISO_8859_1).indexOf(type);
    if (at < 4) {
      throw new IllegalArgumentException("no " + type + " box");
    }
    return at - 4;
  }

  private static void put32(byte[] data, int offset, long value) {
    for (int k = 0; k < 4; k++) {
      data[offset + k] = (byte) (value >>> (24 - 8 * k));
    }
  }

  private static long u32be(byte[] data, int offset) {
    return ((data[offset] & 0xFFL) << 24)
        | ((data[offset + 1] & 0xFFL) << 16)
        | ((data[offset + 2] & 0xFFL) << 8)
        | (data[offset + 3] & 0xFFL);
  }
}
