package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad files through {@code spark.read}: absurd declared dimensions, a gzip bomb, a truncated DICOM,
 * a DICOM that holds no image, an image read as an image dataset with several frames, a limit set
 * by option. Each row gets a clear {@code _error}; none crashes the task or exhausts memory.
 */
class BadInputReadTest {

  private static final Path CORPUS = TestCorpus.root();

  @TempDir static Path tmp;
  static String mirror;

  @BeforeAll
  static void writeBadFiles() throws Exception {
    TestCorpus.dir("dicom");
    TestCorpus.dir("image");
    TestMirror m = TestMirror.in(tmp.resolve("bad"));
    Map<String, byte[]> files = new HashMap<>();
    files.put("huge-png", pngHeaderOnly(100_000, 100_000));
    files.put("nifti-bomb", gzip(niftiHeader(30_000, 30_000, 30_000), 64L << 20));
    files.put(
        "truncated-mr", Files.readAllBytes(CORPUS.resolve("dicom/pydicom__MR_truncated.dcm")));
    files.put("rt-plan", Files.readAllBytes(CORPUS.resolve("dicom/pydicom__rtplan.dcm")));
    files.put("ok-png", Files.readAllBytes(CORPUS.resolve("image/skimage__camera.png")));
    for (String id : files.keySet()) {
      m.image(id, id, "OT", null);
    }
    Path dir = m.write();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(dir.resolve("files/resources/" + file.getKey()), file.getValue());
    }
    mirror = dir.toString();
  }

  private static Map<String, String> errors(String... options) {
    Map<String, String> out = new HashMap<>();
    for (Row row :
        SharedSpark.session()
            .read()
            .format("datamint")
            .options(ReadOptions.of(options))
            .load(mirror)
            .select("resource_id", "image", "_error")
            .collectAsList()) {
      out.put(row.getString(0), row.getString(2));
    }
    return out;
  }

  @Test
  void everyBadFileGetsAClearError() {
    Map<String, String> errors = errors();
    assertThat(errors.get("huge-png")).contains("100000").contains("max_decoded_bytes");
    assertThat(errors.get("nifti-bomb")).contains("30000").contains("max_decoded_bytes");
    assertThat(errors.get("truncated-mr")).contains("Pixel Data").contains("8192");
    assertThat(errors.get("rt-plan")).contains("no pixel data").contains("RT Plan");
    assertThat(errors).containsEntry("ok-png", null);
  }

  @Test
  void theLimitIsAnOption() {
    Map<String, String> errors = errors("max_decoded_bytes", "100k");
    assertThat(errors.get("ok-png")).contains("max_decoded_bytes").contains("102400");
  }

  /** A PNG signature and IHDR chunk declaring the size, and nothing else. */
  private static byte[] pngHeaderOnly(int width, int height) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DataOutputStream data = new DataOutputStream(out);
    data.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteBuffer ihdr =
        ByteBuffer.allocate(17)
            .put("IHDR".getBytes())
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
  private static byte[] niftiHeader(int x, int y, int z) {
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

  /** The header followed by {@code zeros} zero bytes, gzip-compressed (a few KB for tens of MB). */
  private static byte[] gzip(byte[] header, long zeros) throws Exception {
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
}
