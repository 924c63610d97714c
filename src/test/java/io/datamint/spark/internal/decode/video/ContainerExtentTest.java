package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Truncation by declared sizes, on hand-made container skeletons (no natives involved). */
@Tag("spark-independent")
class ContainerExtentTest {

  private static final String MP4 = "mov,mp4,m4a,3gp,3g2,mj2";

  @Test
  void isoBoxes() {
    byte[] file = concat(box("ftyp", 12), box("mdat", 100), box("moov", 40));
    assertThat(ContainerExtent.truncation(MP4, file, file.length)).isNull();
    assertThat(ContainerExtent.truncation(MP4, file, file.length - 1))
        .isEqualTo(
            "the moov box at byte 128 declares 48 bytes, the file ends 47 bytes after its start");
    assertThat(ContainerExtent.truncation(MP4, file, 60))
        .startsWith("the mdat box at byte 20 declares 108 bytes");
    // A last box "to the end of the file" (size 0), a 64-bit size, trailing bytes that are not a
    // box.
    byte[] open = concat(box("ftyp", 12), header(0, "mdat"), new byte[30]);
    assertThat(ContainerExtent.truncation(MP4, open, open.length - 7)).isNull();
    byte[] large =
        concat(
            box("ftyp", 12),
            ByteBuffer.allocate(16).putInt(1).put(ascii("mdat")).putLong(40).array(),
            new byte[24]);
    assertThat(ContainerExtent.truncation(MP4, large, large.length)).isNull();
    assertThat(ContainerExtent.truncation(MP4, large, large.length - 1))
        .contains("mdat box")
        .contains("40 bytes");
    byte[] junk =
        concat(
            box("ftyp", 12), new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, 0x10, 1, 2, 3, 4});
    assertThat(ContainerExtent.truncation(MP4, junk, junk.length)).isNull();
  }

  @Test
  void riffChunks() {
    byte[] avi = riff("AVI ", 100);
    assertThat(ContainerExtent.truncation("avi", avi, avi.length)).isNull();
    assertThat(ContainerExtent.truncation("avi", avi, avi.length - 1))
        .isEqualTo(
            "the AVI RIFF chunk at byte 0 declares 104 bytes, the file has 103 after its header");
    // OpenDML: a second RIFF AVIX chunk; an odd-sized last chunk may lack its pad byte.
    byte[] two = concat(riff("AVI ", 100), riff("AVIX", 51));
    assertThat(ContainerExtent.truncation("avi", two, two.length)).isNull();
    assertThat(ContainerExtent.truncation("avi", two, two.length - 1))
        .as("only the pad byte missing")
        .isNull();
    assertThat(ContainerExtent.truncation("avi", two, two.length - 2))
        .contains("AVIX RIFF chunk at byte 112");
    byte[] unfilled = riff("AVI ", 100);
    ByteBuffer.wrap(unfilled).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0);
    assertThat(ContainerExtent.truncation("avi", unfilled, 50)).isNull();
  }

  @Test
  void ebmlElements() {
    // EBML header (ID 1A45DFA3, size 4) then Segment (ID 18538067) with a 1-byte and an 8-byte
    // size.
    byte[] header = {0x1A, 0x45, (byte) 0xDF, (byte) 0xA3, (byte) 0x84, 1, 2, 3, 4};
    byte[] segment = concat(new byte[] {0x18, 0x53, (byte) 0x80, 0x67, (byte) 0x94}, new byte[20]);
    byte[] mkv = concat(header, segment);
    assertThat(ContainerExtent.truncation("matroska,webm", mkv, mkv.length)).isNull();
    assertThat(ContainerExtent.truncation("matroska,webm", mkv, mkv.length - 1))
        .isEqualTo(
            "the EBML element Segment at byte 9 declares 20 bytes, the file has 19 after its header");
    byte[] wide =
        concat(
            header,
            new byte[] {0x18, 0x53, (byte) 0x80, 0x67, 0x01, 0, 0, 0, 0, 0, 0, 20},
            new byte[20]);
    assertThat(ContainerExtent.truncation("matroska,webm", wide, wide.length)).isNull();
    assertThat(ContainerExtent.truncation("matroska,webm", wide, wide.length - 5))
        .contains("declares 20 bytes");
    // A live recording's Segment of unknown size (all value bits set).
    byte[] live =
        concat(header, new byte[] {0x18, 0x53, (byte) 0x80, 0x67, (byte) 0xFF}, new byte[5]);
    assertThat(ContainerExtent.truncation("matroska,webm", live, live.length)).isNull();
  }

  @Test
  void otherContainersAreNotJudged() {
    byte[] mp4 = box("mdat", 100);
    assertThat(ContainerExtent.truncation("mpegts", mp4, 10)).isNull();
    assertThat(ContainerExtent.truncation(null, mp4, 10)).isNull();
  }

  private static byte[] box(String type, int payload) {
    return concat(header(8 + payload, type), new byte[payload]);
  }

  private static byte[] header(int size, String type) {
    return ByteBuffer.allocate(8).putInt(size).put(ascii(type)).array();
  }

  private static byte[] riff(String form, int payload) {
    ByteBuffer b = ByteBuffer.allocate(12 + payload + (payload & 1)).order(ByteOrder.LITTLE_ENDIAN);
    b.put(ascii("RIFF")).putInt(4 + payload).put(ascii(form));
    return b.array();
  }

  private static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  private static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] part : parts) {
      out.writeBytes(part);
    }
    return out.toByteArray();
  }
}
