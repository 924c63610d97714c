package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.testing.ClusterDriver;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import org.hostile.imageio.HostileReaderSpi;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decompression bombs and hostile decoders read through Spark ({@code local[1]}) in a child JVM
 * with a 512 MB heap: a deflated DICOM inflating to 400 MB, a 30000 x 30000 PNG of zeros, a gzipped
 * NIfTI declaring 900 MB, a decoder throwing {@link ThreadDeath} and one overflowing its stack.
 * Each is a clean {@code _error} row naming what went wrong, the good files of the same read
 * decode, and the JVM exits 0. With {@code max_decoded_bytes} 2g (no heap budget) the PNG bomb
 * meets the heap's end: still that row's {@code _error}, naming the heap and the options.
 */
class HostileFilesReadTest {

  @TempDir static Path tmp;

  @Test
  void bombsAndHostileDecodersAreRowErrorsUnderASmallHeap() throws Exception {
    Path corpus = TestCorpus.root();
    TestCorpus.dir("dicom");
    TestCorpus.dir("image");
    Map<String, Object> files = new LinkedHashMap<>();
    files.put("dicom-bomb", deflatedDicom(10_000, 20_000)); // 400,000,000 bytes of pixels
    files.put("png-bomb", (FileWriter) out -> pngOfZeros(out, 30_000, 30_000));
    files.put("nifti-bomb", gzippedNifti(30_000, 15_000, 1 << 20)); // declares 900,000,000
    files.put("thread-death", HostileReaderSpi.file('T'));
    files.put("stack-overflow", HostileReaderSpi.file('S'));
    files.put("ok-png", corpus.resolve("image/skimage__camera.png"));
    files.put("ok-dicom", corpus.resolve("dicom/pydicom__CT_small.dcm"));
    TestMirror m = TestMirror.in(tmp.resolve("hostile"));
    for (String id : files.keySet()) {
      m.image(id, id, "OT", null);
    }
    Path dir = m.write();
    for (Map.Entry<String, Object> file : files.entrySet()) {
      Path target = dir.resolve("files/resources/" + file.getKey());
      if (file.getValue() instanceof byte[] bytes) {
        Files.write(target, bytes);
      } else if (file.getValue() instanceof Path source) {
        Files.copy(source, target);
      } else {
        try (OutputStream out = Files.newOutputStream(target)) {
          ((FileWriter) file.getValue()).write(out);
        }
      }
    }

    ClusterDriver.Result result =
        ClusterDriver.runWithHeap(
            "512m", HostileFilesRead.class, dir.toString(), "png-bomb", "ok-png");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.jsonLines("done")).as(result.describe()).hasSize(1);
    Map<String, JsonNode> budget = rows(result, "budget");
    assertThat(budget).as(result.describe()).hasSize(files.size());

    assertThat(error(budget, "dicom-bomb"))
        .contains("the deflated DICOM dataset inflates past the limit of")
        .contains("the default budget: a quarter of this executor's")
        .contains("1 task slot (master local[1])")
        .contains("max_decoded_bytes");
    assertThat(error(budget, "png-bomb"))
        .contains("[1, 1, 30000, 30000]")
        .contains("(900000000 bytes)")
        .contains("the default budget")
        .contains("max_decoded_bytes");
    assertThat(error(budget, "nifti-bomb"))
        .contains("[1, 1, 15000, 30000] of int16 (900000000 bytes)")
        .contains("the default budget")
        .contains("max_decoded_bytes");
    assertThat(error(budget, "thread-death"))
        .isEqualTo(
            "this image cannot be decoded: the library org.hostile.imageio gave up on its data"
                + " and stopped its own thread, as it does on a corrupt or unsupported stream");
    assertThat(error(budget, "stack-overflow"))
        .isEqualTo(
            "this image cannot be decoded: decoding it in the library org.hostile.imageio"
                + " overflowed the thread's stack: its structure nests too deeply or refers to"
                + " itself");
    for (String ok : new String[] {"ok-png", "ok-dicom"}) {
      assertThat(budget.get(ok).get("error").isNull()).as(ok + ": " + budget.get(ok)).isTrue();
      assertThat(budget.get(ok).get("image").asBoolean()).as(ok).isTrue();
    }

    Map<String, JsonNode> unbounded = rows(result, "option-2g");
    assertThat(unbounded.keySet()).containsExactlyInAnyOrder("png-bomb", "ok-png");
    assertThat(error(unbounded, "png-bomb"))
        .startsWith(
            "this image cannot be decoded: its decoded data did not fit in the executor's heap (an"
                + " array of 900000000 bytes was being decoded, ")
        .contains("Lower max_decoded_bytes, now the limit of 2147482623 decoded bytes (option")
        .contains("spark.executor.memory")
        .contains("(the Java runtime said: ");
    assertThat(unbounded.get("ok-png").get("error").isNull()).isTrue();
  }

  private static Map<String, JsonNode> rows(ClusterDriver.Result result, String read) {
    Map<String, JsonNode> rows = new HashMap<>();
    for (JsonNode row : result.jsonLines("row")) {
      if (read.equals(row.get("read").asText())) {
        rows.put(row.get("id").asText(), row);
      }
    }
    return rows;
  }

  private static String error(Map<String, JsonNode> rows, String id) {
    JsonNode row = rows.get(id);
    assertThat(row).as(id).isNotNull();
    assertThat(row.get("image").asBoolean()).as(id).isFalse();
    return row.get("error").asText();
  }

  /** Writes a file's bytes. */
  @FunctionalInterface
  private interface FileWriter {
    void write(OutputStream out) throws IOException;
  }

  /**
   * A Part-10 DICOM in the Deflated Explicit VR Little Endian transfer syntax whose data set holds
   * a 16-bit {@code rows} x {@code columns} image of zeros: a few hundred KB inflating to the whole
   * image.
   */
  static byte[] deflatedDicom(int rows, int columns) throws IOException {
    ByteArrayOutputStream compressed = new ByteArrayOutputStream();
    Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION, true);
    try (DataOutputStream set =
        new DataOutputStream(new DeflaterOutputStream(compressed, deflater, 1 << 16))) {
      Explicit e = new Explicit(set);
      e.text(0x0008, 0x0016, "UI", "1.2.840.10008.5.1.4.1.1.7");
      e.text(0x0008, 0x0018, "UI", "1.2.3.4.5");
      e.text(0x0008, 0x0060, "CS", "OT");
      e.ushort(0x0028, 0x0002, 1);
      e.text(0x0028, 0x0004, "CS", "MONOCHROME2");
      e.ushort(0x0028, 0x0010, rows);
      e.ushort(0x0028, 0x0011, columns);
      e.ushort(0x0028, 0x0100, 16);
      e.ushort(0x0028, 0x0101, 16);
      e.ushort(0x0028, 0x0102, 15);
      e.ushort(0x0028, 0x0103, 0);
      long pixels = 2L * rows * columns;
      e.header(0x7FE0, 0x0010, "OW");
      set.writeShort(0);
      set.writeInt(Integer.reverseBytes((int) pixels));
      byte[] zeros = new byte[1 << 20];
      for (long left = pixels; left > 0; left -= zeros.length) {
        set.write(zeros, 0, (int) Math.min(left, zeros.length));
      }
    } finally {
      deflater.end();
    }
    ByteArrayOutputStream meta = new ByteArrayOutputStream();
    Explicit m = new Explicit(new DataOutputStream(meta));
    m.text(0x0002, 0x0002, "UI", "1.2.840.10008.5.1.4.1.1.7");
    m.text(0x0002, 0x0003, "UI", "1.2.3.4.5");
    m.text(0x0002, 0x0010, "UI", "1.2.840.10008.1.2.1.99");
    ByteArrayOutputStream file = new ByteArrayOutputStream();
    file.write(new byte[128]);
    file.write("DICM".getBytes(StandardCharsets.US_ASCII));
    Explicit f = new Explicit(new DataOutputStream(file));
    f.header(0x0002, 0x0000, "UL");
    f.out.writeShort(Short.reverseBytes((short) 4));
    f.out.writeInt(Integer.reverseBytes(meta.size()));
    meta.writeTo(file);
    compressed.writeTo(file);
    return file.toByteArray();
  }

  /** Explicit VR little-endian elements. */
  private record Explicit(DataOutputStream out) {
    void header(int group, int element, String vr) throws IOException {
      out.writeShort(Short.reverseBytes((short) group));
      out.writeShort(Short.reverseBytes((short) element));
      out.write(vr.getBytes(StandardCharsets.US_ASCII));
    }

    void text(int group, int element, String vr, String value) throws IOException {
      byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
      int padded = bytes.length + (bytes.length & 1);
      header(group, element, vr);
      out.writeShort(Short.reverseBytes((short) padded));
      out.write(bytes);
      if (padded > bytes.length) {
        out.write(vr.equals("UI") ? 0 : ' ');
      }
    }

    void ushort(int group, int element, int value) throws IOException {
      header(group, element, "US");
      out.writeShort(Short.reverseBytes((short) 2));
      out.writeShort(Short.reverseBytes((short) value));
    }
  }

  /** A grayscale 8-bit PNG of zeros, its one IDAT chunk deflated (about a megabyte). */
  static void pngOfZeros(OutputStream file, int width, int height) throws IOException {
    ByteArrayOutputStream idat = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(idat, new Deflater(9), 1 << 16)) {
      byte[] row = new byte[width + 1]; // filter type 0, then the pixels
      for (int y = 0; y < height; y++) {
        z.write(row);
      }
    }
    DataOutputStream out = new DataOutputStream(file);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    chunk(
        out,
        "IHDR",
        ByteBuffer.allocate(13)
            .putInt(width)
            .putInt(height)
            .put(new byte[] {8, 0, 0, 0, 0})
            .array());
    chunk(out, "IDAT", idat.toByteArray());
    chunk(out, "IEND", new byte[0]);
    out.flush();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.writeInt(data.length);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  /**
   * A gzipped NIfTI-1 file whose header declares an int16 {@code x} x {@code y} volume, followed by
   * only {@code zeros} zero bytes (a multiple of 64 KiB).
   */
  static byte[] gzippedNifti(int x, int y, int zeros) throws IOException {
    return BadFiles.gzip(BadFiles.niftiHeader(x, y, 1), zeros);
  }
}
