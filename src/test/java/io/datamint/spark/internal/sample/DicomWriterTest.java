package io.datamint.spark.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.testing.ExternalTool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DicomWriterTest {

  private static final Set<String> LONG_VRS = Set.of("OB", "OW", "OF", "SQ", "UT", "UN");

  /** One parsed element: tag, VR and raw value. */
  private record Element(int tag, String vr, byte[] value) {
    String text() {
      return new String(value, StandardCharsets.ISO_8859_1);
    }
  }

  @Test
  void writesPart10WithAscendingEvenLengthElements() {
    short[] pixels = new short[3 * 4 * 2];
    Arrays.fill(pixels, (short) 1024);
    pixels[5] = 1100;
    byte[] file = DicomWriter.encode(series(3, 4, 2, pixels, "PAT-9"));

    assertThat(Arrays.copyOfRange(file, 0, 128)).containsOnly(0);
    assertThat(new String(file, 128, 4, StandardCharsets.US_ASCII)).isEqualTo("DICM");
    List<Element> elements = parse(file, 132);
    long previous = -1;
    for (Element e : elements) {
      assertThat(Integer.toUnsignedLong(e.tag()))
          .as(hex(e.tag()) + " in ascending order")
          .isGreaterThan(previous);
      assertThat(e.value().length % 2).as(hex(e.tag()) + " has even length").isZero();
      previous = Integer.toUnsignedLong(e.tag());
    }
    Map<Integer, Element> byTag = new LinkedHashMap<>();
    elements.forEach(e -> byTag.put(e.tag(), e));

    int metaLength =
        elements.stream()
            .filter(e -> e.tag() >>> 16 == 2 && e.tag() != 0x00020000)
            .mapToInt(e -> 8 + (LONG_VRS.contains(e.vr()) ? 4 : 0) + e.value().length)
            .sum();
    assertThat(le(byTag.get(0x00020000).value()).getInt()).isEqualTo(metaLength);
    assertThat(byTag.get(0x00020010).text())
        .isEqualTo("1.2.840.10008.1.2.1\0"); // UI padded with NUL
    assertThat(byTag.get(0x00080016).text()).isEqualTo("1.2.840.10008.5.1.4.1.1.2\0");
    assertThat(byTag.get(0x00100020).text()).isEqualTo("PAT-9 "); // text padded with a space
    assertThat(byTag.get(0x00080060).text()).isEqualTo("CT");
    assertThat(byTag.get(0x00280008).text()).isEqualTo("2 ");
    assertThat(le(byTag.get(0x00280010).value()).getShort()).isEqualTo((short) 4); // rows
    assertThat(le(byTag.get(0x00280011).value()).getShort()).isEqualTo((short) 3); // columns
    assertThat(le(byTag.get(0x00280103).value()).getShort()).isEqualTo((short) 1);
    assertThat(byTag.get(0x00281052).text()).isEqualTo("-1024 ");
    assertThat(byTag.get(0x00200032).text()).isEqualTo("-7.5\\-10\\-2.5 ");
    Element pixelData = byTag.get(0x7FE00010);
    assertThat(pixelData.vr()).isEqualTo("OW");
    assertThat(pixelData.value()).hasSize(2 * pixels.length);
    assertThat(le(pixelData.value()).getShort(10)).isEqualTo((short) 1100);
    assertThat(elements.get(elements.size() - 1).tag()).isEqualTo(0x7FE00010);
  }

  @Test
  void rejectsAPixelCountThatDoesNotMatch() {
    assertThatThrownBy(() -> series(3, 4, 2, new short[5], "P"))
        .hasMessageContaining("need 24 values");
  }

  @Test
  void dcmdumpReadsItWithoutWarnings(@TempDir Path tmp) throws IOException {
    ExternalTool.assumeAvailable("dcmdump", "apt-get install dcmtk");
    Path file = tmp.resolve("ct.dcm");
    Files.write(file, DicomWriter.encode(series(5, 3, 4, new short[60], "ODD-ID1")));
    ExternalTool.Result dump = ExternalTool.run("dcmdump", "-M", file.toString()).assertSuccess();
    assertThat(
            (dump.stdout() + dump.stderr())
                .lines()
                .filter(l -> l.startsWith("W:") || l.startsWith("E:")))
        .as(dump.describe("reported problems"))
        .isEmpty();
    assertThat(dump.stdout())
        .contains("(0010,0020) LO [ODD-ID1]", "(0028,0010) US 3", "(0028,0011) US 5");
  }

  private static DicomWriter.CtSeries series(
      int columns, int rows, int frames, short[] pixels, String patient) {
    return new DicomWriter.CtSeries(
        patient,
        "TEST^PATIENT",
        "20260101",
        "2.25.1",
        "2.25.2",
        "2.25.3",
        "2.25.4",
        rows,
        columns,
        frames,
        2.5,
        2.5,
        5,
        new double[] {-7.5, -10, -2.5},
        pixels);
  }

  /** A minimal Explicit VR Little Endian reader, enough for flat data sets. */
  private static List<Element> parse(byte[] file, int start) {
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    b.position(start);
    List<Element> out = new ArrayList<>();
    while (b.remaining() > 0) {
      int tag = (Short.toUnsignedInt(b.getShort()) << 16) | Short.toUnsignedInt(b.getShort());
      String vr = new String(new byte[] {b.get(), b.get()}, StandardCharsets.US_ASCII);
      int length;
      if (LONG_VRS.contains(vr)) {
        b.getShort();
        length = b.getInt();
      } else {
        length = Short.toUnsignedInt(b.getShort());
      }
      byte[] value = new byte[length];
      b.get(value);
      out.add(new Element(tag, vr, value));
    }
    return out;
  }

  private static ByteBuffer le(byte[] bytes) {
    return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
  }

  private static String hex(int tag) {
    return String.format("(%04X,%04X)", tag >>> 16, tag & 0xFFFF);
  }
}
