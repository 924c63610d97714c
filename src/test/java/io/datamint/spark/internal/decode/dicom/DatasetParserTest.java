package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark-independent")
class DatasetParserTest {

  private static DicomDataset parse(DicomBytes b, boolean explicit, boolean bigEndian)
      throws DecodeException {
    byte[] bytes = b.toBytes();
    return new DatasetParser(bytes, bytes.length, DataDictionary.standard())
        .parse(0, bytes.length, explicit, bigEndian);
  }

  @Test
  void explicitLittleEndianShortAndLongHeaders() throws Exception {
    DicomBytes b =
        DicomBytes.explicitLittle()
            .us(Tags.ROWS, 512)
            .string(Tags.MODALITY, "CS", "CT")
            .element(0x00091010, "OB", new byte[] {1, 2, 3, 4})
            .string(0x00081030, "UT", "free text");
    DicomDataset ds = parse(b, true, false);
    assertThat(ds.size()).isEqualTo(4);
    assertThat(ds.longValue(Tags.ROWS, -1)).isEqualTo(512);
    assertThat(ds.string(Tags.MODALITY)).isEqualTo("CT");
    DicomElement ob = ds.get(0x00091010);
    assertThat(ob.vr()).isEqualTo(Vr.OB);
    assertThat(ob.length()).isEqualTo(4);
    assertThat(ob.bytes()).containsExactly(1, 2, 3, 4);
    assertThat(ds.get(0x00081030).vr()).isEqualTo(Vr.UT);
  }

  @Test
  void implicitVrTakesTheDictionaryVr() throws Exception {
    DicomBytes b =
        DicomBytes.implicitLittle()
            .us(Tags.ROWS, 7)
            .string(Tags.IMAGE_POSITION_PATIENT, "DS", "1.5\\-2\\3e1")
            .string(0x00091001, "LO", "private")
            .string(0x00090010, "LO", "CREATOR");
    DicomDataset ds = parse(b, false, false);
    assertThat(ds.get(Tags.ROWS).vr()).isEqualTo(Vr.US);
    assertThat(ds.get(Tags.IMAGE_POSITION_PATIENT).vr()).isEqualTo(Vr.DS);
    assertThat(ds.doubles(Tags.IMAGE_POSITION_PATIENT)).containsExactly(1.5, -2, 30);
    assertThat(ds.get(0x00091001).vr()).isEqualTo(Vr.UN);
    assertThat(ds.get(0x00090010).vr()).isEqualTo(Vr.LO);
  }

  @Test
  void ambiguousUsOrSsFollowsPixelRepresentation() throws Exception {
    DicomBytes b =
        DicomBytes.implicitLittle()
            .us(Tags.PIXEL_REPRESENTATION, 1)
            .us(0x00280106, 0xFFFE); // Smallest Image Pixel Value, "US or SS"
    DicomDataset ds = parse(b, false, false);
    assertThat(ds.get(0x00280106).vr()).isEqualTo(Vr.SS);
    assertThat(ds.longValue(0x00280106, 0)).isEqualTo(-2);
  }

  @Test
  void bigEndianValues() throws Exception {
    DicomBytes b =
        DicomBytes.explicitBig()
            .us(Tags.COLUMNS, 0x0102)
            .ul(0x00291001, 0x01020304L)
            .fd(Tags.SLICE_THICKNESS, 2.5);
    DicomDataset ds = parse(b, true, true);
    assertThat(ds.longValue(Tags.COLUMNS, -1)).isEqualTo(0x0102);
    assertThat(ds.longValue(0x00291001, -1)).isEqualTo(0x01020304L);
    assertThat(ds.doubles(Tags.SLICE_THICKNESS)).containsExactly(2.5);
  }

  @Test
  void sequencesOfDefinedAndUndefinedLengthNest() throws Exception {
    DicomBytes inner = DicomBytes.explicitLittle().string(0x00080100, "SH", "T-1234");
    DicomBytes item =
        DicomBytes.explicitLittle()
            .string(0x00081150, "UI", "1.2.3")
            .sequence(0x00082218, true, true, inner);
    DicomBytes b =
        DicomBytes.explicitLittle()
            .sequence(0x00081140, false, false, item, DicomBytes.explicitLittle().us(Tags.ROWS, 3))
            .us(Tags.COLUMNS, 4);
    DicomDataset ds = parse(b, true, false);
    List<DicomDataset> items = ds.items(0x00081140);
    assertThat(items).hasSize(2);
    assertThat(items.get(0).string(0x00081150)).isEqualTo("1.2.3");
    assertThat(items.get(0).firstItem(0x00082218).string(0x00080100)).isEqualTo("T-1234");
    assertThat(items.get(1).longValue(Tags.ROWS, -1)).isEqualTo(3);
    assertThat(ds.longValue(Tags.COLUMNS, -1)).isEqualTo(4);
  }

  @Test
  void implicitSequencesAndEmptyItems() throws Exception {
    DicomBytes b =
        DicomBytes.implicitLittle()
            .sequence(
                0x00081140,
                true,
                true,
                DicomBytes.implicitLittle(),
                DicomBytes.implicitLittle().us(Tags.ROWS, 9))
            .us(Tags.COLUMNS, 4);
    DicomDataset ds = parse(b, false, false);
    assertThat(ds.items(0x00081140)).hasSize(2);
    assertThat(ds.items(0x00081140).get(0).size()).isZero();
    assertThat(ds.items(0x00081140).get(1).longValue(Tags.ROWS, -1)).isEqualTo(9);
    assertThat(ds.longValue(Tags.COLUMNS, -1)).isEqualTo(4);
  }

  @Test
  void unknownVrOfUndefinedLengthIsAnImplicitLittleEndianSequence() throws Exception {
    // PS3.5 6.2.2 (CP-246): UN with undefined length holds implicit VR LE items, even in an
    // explicit data set
    DicomBytes items = DicomBytes.implicitLittle();
    items.tag(Tags.ITEM).u32(DicomBytes.UNDEFINED);
    items.string(0x0020000D, "UI", "1.2.3.4");
    items.tag(Tags.ITEM_DELIMITATION).u32(0);
    items.tag(Tags.SEQUENCE_DELIMITATION).u32(0);
    DicomBytes b =
        DicomBytes.explicitLittle()
            .header(0x4453100C, "UN", DicomBytes.UNDEFINED)
            .raw(items.toBytes())
            .us(Tags.ROWS, 1);
    DicomDataset ds = parse(b, true, false);
    DicomElement seq = ds.get(0x4453100C);
    assertThat(seq.isSequence()).isTrue();
    assertThat(seq.items().get(0).string(0x0020000D)).isEqualTo("1.2.3.4");
    assertThat(ds.longValue(Tags.ROWS, -1)).isEqualTo(1);
  }

  @Test
  void itemsWrittenImplicitInsideAnExplicitDataSetAreRead() throws Exception {
    byte[] item = DicomBytes.implicitLittle().string(0x00081150, "UI", "1.2").toBytes();
    DicomBytes b = DicomBytes.explicitLittle().header(0x00081140, "SQ", DicomBytes.UNDEFINED);
    b.tag(Tags.ITEM).u32(item.length).raw(item);
    b.tag(Tags.SEQUENCE_DELIMITATION).u32(0);
    b.us(Tags.ROWS, 6);
    DicomDataset ds = parse(b, true, false);
    assertThat(ds.firstItem(0x00081140).string(0x00081150)).isEqualTo("1.2");
    assertThat(ds.longValue(Tags.ROWS, -1)).isEqualTo(6);
  }

  @Test
  void encapsulatedFragmentsAreFoundByLengthNotBySearching() throws Exception {
    // a fragment that contains the bytes of a sequence delimiter must not end the pixel data
    byte[] fragment = {(byte) 0xFE, (byte) 0xFF, (byte) 0xDD, (byte) 0xE0, 0, 0, 0, 0, 1, 2};
    DicomBytes b =
        DicomBytes.explicitLittle()
            .encapsulated(new int[0], fragment, new byte[] {9, 9})
            .us(0xFFFCFFFC, 0);
    DicomDataset ds = parse(b, true, false);
    DicomElement px = ds.get(Tags.PIXEL_DATA);
    assertThat(px.fragments()).hasSize(3);
    assertThat(px.fragments().get(1).length()).isEqualTo(10);
    assertThat(px.fragments().get(2).length()).isEqualTo(2);
    assertThat(ds.contains(0xFFFCFFFC)).isTrue();
  }

  @Test
  void aLengthPastTheEndIsATruncationError() {
    DicomBytes b =
        DicomBytes.explicitLittle()
            .us(Tags.ROWS, 1)
            .header(Tags.MODALITY, "CS", 40)
            .raw(new byte[4]);
    assertThatThrownBy(() -> parse(b, true, false))
        .isInstanceOf(DecodeException.class)
        .hasMessage(
            "the DICOM file is truncated or corrupt: element (0008,0060) Modality at byte 10 needs 40 bytes "
                + "but only 4 remain");
  }

  @Test
  void truncatedPixelDataIsKeptWithItsDeclaredLength() throws Exception {
    DicomBytes b = DicomBytes.explicitLittle().header(Tags.PIXEL_DATA, "OW", 100).raw(new byte[30]);
    DicomElement px = parse(b, true, false).get(Tags.PIXEL_DATA);
    assertThat(px.length()).isEqualTo(30);
    assertThat(px.declaredLength()).isEqualTo(100);
    assertThat(px.truncated()).isTrue();
  }

  @Test
  void anUndefinedLengthSequenceWithoutDelimiterIsTruncated() {
    DicomBytes b = DicomBytes.explicitLittle().header(0x00081140, "SQ", DicomBytes.UNDEFINED);
    b.tag(Tags.ITEM).u32(DicomBytes.UNDEFINED).us(Tags.ROWS, 1);
    assertThatThrownBy(() -> parse(b, true, false))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("truncated");
  }

  @Test
  void nestingIsBounded() {
    DicomBytes b = DicomBytes.explicitLittle();
    for (int i = 0; i < DatasetParser.MAX_DEPTH + 5; i++) {
      b.header(0x00081140, "SQ", DicomBytes.UNDEFINED).tag(Tags.ITEM).u32(DicomBytes.UNDEFINED);
    }
    assertThatThrownBy(() -> parse(b, true, false))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("nested more than " + DatasetParser.MAX_DEPTH + " levels");
  }

  @Test
  void anItemOutsideASequenceIsCorrupt() {
    DicomBytes b = DicomBytes.explicitLittle().tag(Tags.ITEM).u32(0);
    assertThatThrownBy(() -> parse(b, true, false))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("outside any sequence");
  }

  @Test
  void strayDelimitersAndTrailingBytesAreIgnoredAtTopLevel() throws Exception {
    DicomBytes b = DicomBytes.explicitLittle().us(Tags.ROWS, 2);
    b.tag(Tags.ITEM_DELIMITATION).u32(0).tag(Tags.SEQUENCE_DELIMITATION).u32(0);
    b.us(Tags.COLUMNS, 3).raw(new byte[] {1, 2, 3});
    DicomDataset ds = parse(b, true, false);
    assertThat(ds.longValue(Tags.ROWS, -1)).isEqualTo(2);
    assertThat(ds.longValue(Tags.COLUMNS, -1)).isEqualTo(3);
  }

  @Test
  void aNonStandardVrIsReadWithAShortLength() throws Exception {
    DicomBytes b =
        DicomBytes.explicitLittle()
            .tag(0x00091001)
            .raw(new byte[] {'x', 'y', 2, 0, 7, 7})
            .us(Tags.ROWS, 5);
    DicomDataset ds = parse(b, true, false);
    assertThat(ds.get(0x00091001).vr()).isEqualTo(Vr.UN);
    assertThat(ds.longValue(Tags.ROWS, -1)).isEqualTo(5);
  }

  @Test
  void part10WithoutPreambleOrMetaIsGuessed() throws Exception {
    DicomBytes be =
        DicomBytes.explicitBig()
            .string(Tags.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100")
            .us(Tags.ROWS, 300);
    ParsedDicom parsed =
        Part10Parser.parse(be.toBytes(), be.toBytes().length, DecodeLimits.defaults());
    assertThat(parsed.transferSyntax().bigEndian()).isTrue();
    assertThat(parsed.transferSyntax().explicitVr()).isTrue();
    assertThat(parsed.dataset().longValue(Tags.ROWS, -1)).isEqualTo(300);

    DicomBytes implicit =
        DicomBytes.implicitLittle()
            .string(Tags.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 100")
            .us(Tags.ROWS, 300);
    parsed =
        Part10Parser.parse(implicit.toBytes(), implicit.toBytes().length, DecodeLimits.defaults());
    assertThat(parsed.transferSyntax().explicitVr()).isFalse();
    assertThat(parsed.dataset().longValue(Tags.ROWS, -1)).isEqualTo(300);
  }

  @Test
  void aDeclaredSyntaxContradictedByTheDataIsFollowed() throws Exception {
    byte[] implicitData =
        DicomBytes.implicitLittle().string(0x00080008, "CS", "ORIGINAL").us(Tags.ROWS, 2).toBytes();
    ParsedDicom parsed =
        Part10Parser.parse(
            DicomBytes.part10("1.2.840.10008.1.2.1", implicitData),
            DicomBytes.part10("1.2.840.10008.1.2.1", implicitData).length,
            DecodeLimits.defaults());
    assertThat(parsed.transferSyntax().explicitVr()).isFalse();
    assertThat(parsed.dataset().longValue(Tags.ROWS, -1)).isEqualTo(2);
    assertThat(parsed.declaredTransferSyntaxUid()).isEqualTo("1.2.840.10008.1.2.1");
  }

  @Test
  void metaGroupWithoutTransferSyntaxFallsBackToGuessing() throws Exception {
    byte[] data =
        DicomBytes.explicitLittle().string(0x00080008, "CS", "ORIGINAL").us(Tags.ROWS, 2).toBytes();
    byte[] file = DicomBytes.part10(null, data);
    ParsedDicom parsed = Part10Parser.parse(file, file.length, DecodeLimits.defaults());
    assertThat(parsed.declaredTransferSyntaxUid()).isNull();
    assertThat(parsed.transferSyntax().explicitVr()).isTrue();
    assertThat(parsed.dataset().longValue(Tags.ROWS, -1)).isEqualTo(2);
  }

  @Test
  void notDicomIsSaidSo() {
    byte[] text =
        "hello, this is not a DICOM file at all"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    assertThatThrownBy(() -> Part10Parser.parse(text, text.length, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("not a DICOM file");
  }

  /**
   * Random bytes after a valid prefix: parsing ends (with a result or a DecodeException), never
   * loops or blows up.
   */
  @Test
  void garbageNeverHangsOrThrowsUnchecked() {
    Random random = new Random(42);
    byte[] prefix =
        DicomBytes.part10(
            "1.2.840.10008.1.2.1", DicomBytes.explicitLittle().us(Tags.ROWS, 2).toBytes());
    for (int round = 0; round < 2000; round++) {
      byte[] garbage = new byte[random.nextInt(300)];
      random.nextBytes(garbage);
      if (round % 3 == 0 && garbage.length > 12) {
        // make undefined lengths and item tags likely
        garbage[4] = 'S';
        garbage[5] = 'Q';
        garbage[8] = garbage[9] = garbage[10] = garbage[11] = (byte) 0xFF;
      }
      byte[] file = new byte[prefix.length + garbage.length];
      System.arraycopy(prefix, 0, file, 0, prefix.length);
      System.arraycopy(garbage, 0, file, prefix.length, garbage.length);
      try {
        Part10Parser.parse(file, file.length, DecodeLimits.defaults());
      } catch (DecodeException expected) {
        // fine
      }
    }
  }
}
