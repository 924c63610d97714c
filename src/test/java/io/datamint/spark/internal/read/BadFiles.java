package io.datamint.spark.internal.read;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;

/**
 * Builders of bad files shared by the read tests ({@link BadInputReadTest}, {@link
 * HostileFilesReadTest}, {@link ErrorMessagesReadTest}): headers that declare absurd sizes, and
 * files cut or with bytes inverted.
 */
final class BadFiles {

  private BadFiles() {}

  /** A PNG signature and IHDR chunk declaring the size, and nothing else. */
  static byte[] pngHeaderOnly(int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(out);
    data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr =
        ByteBuffer.allocate(17)
            .put("IHDR".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
            .putInt(width)
            .putInt(height)
            .put((byte) 8)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0)
            .put((byte) 0);
    data.writeInt(13);
    data.write(ihdr.array());
    CRC32 crc = new CRC32();
    crc.update(ihdr.array());
    data.writeInt((int) crc.getValue());
    return out.toByteArray();
  }

  /** A NIfTI-1 header (int16, 3-D) declaring the given dimensions. */
  static byte[] niftiHeader(int x, int y, int z) {
    ByteBuffer h = ByteBuffer.allocate(352).order(ByteOrder.LITTLE_ENDIAN);
    h.putInt(0, 348);
    short[] dim = {3, (short) x, (short) y, (short) z, 1, 1, 1, 1};
    for (int i = 0; i < 8; i++) {
      h.putShort(40 + 2 * i, dim[i]);
    }
    h.putShort(70, (short) 4); // int16
    h.putShort(72, (short) 16);
    for (int i = 0; i < 8; i++) {
      h.putFloat(76 + 4 * i, 1f);
    }
    h.putFloat(108, 352f);
    h.put(344, (byte) 'n').put(345, (byte) '+').put(346, (byte) '1');
    return h.array();
  }

  /**
   * The header followed by {@code zeros} zero bytes (rounded up to 64 KiB), gzip-compressed (a few
   * KB for tens of MB).
   */
  static byte[] gzip(byte[] header, long zeros) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(header);
      byte[] block = new byte[1 << 16];
      for (long written = 0; written < zeros; written += block.length) {
        gz.write(block);
      }
    }
    return out.toByteArray();
  }

  /** The first {@code fraction} of {@code data}. */
  static byte[] truncated(byte[] data, double fraction) {
    return java.util.Arrays.copyOf(data, (int) (data.length * fraction));
  }

  /** {@code data} with {@code count} bytes inverted from {@code fraction} of its length on. */
  static byte[] flipped(byte[] data, double fraction, int count) {
    byte[] copy = data.clone();
    int at = (int) (data.length * fraction);
    for (int k = at; k < Math.min(at + count, copy.length); k++) {
      copy[k] ^= (byte) 0xFF;
    }
    return copy;
  }
}
