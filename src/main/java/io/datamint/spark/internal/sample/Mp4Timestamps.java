package io.datamint.spark.internal.sample;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;

/**
 * Overwrites the creation and modification times of an ISO base media (MP4) file's {@code mvhd},
 * {@code tkhd} and {@code mdhd} boxes (ISO/IEC 14496-12 section 8), which muxers fill from the wall
 * clock, so that the file's bytes depend on its content only.
 */
final class Mp4Timestamps {

  private static final Set<String> CONTAINERS = Set.of("moov", "trak", "mdia");
  private static final Set<String> TIMED = Set.of("mvhd", "tkhd", "mdhd");

  /** Seconds from the MP4 epoch (1904-01-01T00:00:00Z) to the Unix epoch. */
  private static final long MP4_EPOCH_OFFSET = 2_082_844_800L;

  private Mp4Timestamps() {}

  /**
   * Sets every creation and modification time in {@code mp4} (changed in place) to {@code time}.
   */
  static void set(byte[] mp4, Instant time) {
    long seconds = time.getEpochSecond() + MP4_EPOCH_OFFSET;
    int patched = walk(ByteBuffer.wrap(mp4), 0, mp4.length, seconds);
    if (patched == 0) {
      throw new IllegalArgumentException("no mvhd/tkhd/mdhd box found: not an MP4 file?");
    }
  }

  private static int walk(ByteBuffer buf, int start, int end, long seconds) {
    int patched = 0;
    int pos = start;
    while (pos + 8 <= end) {
      long size = Integer.toUnsignedLong(buf.getInt(pos));
      String type =
          new String(
              new byte[] {buf.get(pos + 4), buf.get(pos + 5), buf.get(pos + 6), buf.get(pos + 7)},
              StandardCharsets.ISO_8859_1);
      int header = 8;
      if (size == 1) {
        size = buf.getLong(pos + 8);
        header = 16;
      } else if (size == 0) {
        size = end - pos;
      }
      if (size < header || pos + size > end) {
        throw new IllegalArgumentException("malformed MP4 box '" + type + "' at offset " + pos);
      }
      int body = pos + header;
      if (CONTAINERS.contains(type)) {
        patched += walk(buf, body, (int) (pos + size), seconds);
      } else if (TIMED.contains(type)) {
        setTimes(buf, body, seconds);
        patched++;
      }
      pos += (int) size;
    }
    return patched;
  }

  /**
   * A full box: 1 byte version, 3 bytes flags, then the two times (32-bit for version 0, 64-bit for
   * 1).
   */
  private static void setTimes(ByteBuffer buf, int body, long seconds) {
    if (buf.get(body) == 1) {
      buf.putLong(body + 4, seconds).putLong(body + 12, seconds);
    } else {
      buf.putInt(body + 4, (int) seconds).putInt(body + 8, (int) seconds);
    }
  }
}
