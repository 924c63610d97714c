package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The color, LUT and value steps of the pixel pipeline. */
@Tag("spark-independent")
class PixelStepsTest {

  /** pydicom's YBR_FULL to RGB in float32, independently written. */
  private static int[] pydicomRgb(int y, int cb, int cr) {
    float fy = y;
    float fcb = cb - 128f;
    float fcr = cr - 128f;
    float[] rgb = {
      fy + fcr * (float) 1.402,
      fy + fcb * (float) (-0.114 * 1.772 / 0.587) + fcr * (float) (-0.299 * 1.402 / 0.587),
      fy + fcb * (float) 1.772
    };
    int[] out = new int[3];
    for (int i = 0; i < 3; i++) {
      out[i] = (int) Math.max(0, Math.min(255, Math.floor(rgb[i] + 0.5f)));
    }
    return out;
  }

  @Test
  void ybrFullToRgbMatchesPydicomOnAGrid() {
    for (int y = 0; y < 256; y += 15) {
      for (int cb = 0; cb < 256; cb += 17) {
        for (int cr = 0; cr < 256; cr += 19) {
          int[] planes = {y, cb, cr};
          YbrToRgb.convert(planes, 1, 8);
          assertThat(planes)
              .as("Y %d Cb %d Cr %d", y, cb, cr)
              .containsExactly(pydicomRgb(y, cb, cr));
        }
      }
    }
  }

  @Test
  void ybrKnownColors() {
    int[] gray = {128, 128, 128};
    YbrToRgb.convert(gray, 1, 8);
    assertThat(gray).containsExactly(128, 128, 128);
    int[] red = {76, 85, 255}; // BT.601 full range red, Cr clipped at 255
    YbrToRgb.convert(red, 1, 8);
    assertThat(red[0]).isEqualTo(254); // 76 + 1.402 x 127 = 254.05
    assertThat(red[1]).isLessThanOrEqualTo(1);
    assertThat(red[2]).isLessThanOrEqualTo(1);
    int[] sixteen = {32768, 32768, 32768}; // mid gray at 16 bits: offset 2^15
    YbrToRgb.convert(sixteen, 1, 16);
    assertThat(sixteen).containsExactly(32768, 32768, 32768);
    int[] high = {255, 128, 255}; // R = 255 + 178: clipped
    YbrToRgb.convert(high, 1, 8);
    assertThat(high[0]).isEqualTo(255);
    int[] low = {0, 0, 128}; // B = 0 - 227: clipped
    YbrToRgb.convert(low, 1, 8);
    assertThat(low[2]).isZero();
  }

  @Test
  void ybrConvertsPlanesOfManyPixels() {
    int[] planes = {0, 255, 128, 128, 128, 128};
    YbrToRgb.convert(planes, 2, 8);
    assertThat(planes).containsExactly(0, 255, 0, 255, 0, 255);
  }

  @Test
  void bitsStoredMasksOrSignExtends() {
    int[] unsigned = {0xF123, 0x0FFF};
    FrameWriter.normalize(unsigned, 2, 12, false);
    assertThat(unsigned).containsExactly(0x123, 0xFFF);
    int[] signed = {0x0800, 0x07FF, 0xFFFF, 0xF800};
    FrameWriter.normalize(signed, 4, 12, true);
    assertThat(signed).containsExactly(-2048, 2047, -1, -2048);
    int[] full = {0x8000};
    FrameWriter.normalize(full, 1, 16, true);
    assertThat(full).containsExactly(-32768);
  }

  private static DicomDataset dataset(DicomBytes b) throws Exception {
    byte[] bytes = b.toBytes();
    return new DatasetParser(bytes, bytes.length, DataDictionary.standard())
        .parse(0, bytes.length, true, false);
  }

  @Test
  void paletteWithEightBitEntriesAndFirstMappedValue() throws Exception {
    DicomBytes b = DicomBytes.explicitLittle();
    for (int tag :
        new int[] {
          Tags.RED_PALETTE_DESCRIPTOR, Tags.GREEN_PALETTE_DESCRIPTOR, Tags.BLUE_PALETTE_DESCRIPTOR
        }) {
      b.us(tag, 4, 10, 8);
    }
    b.element(Tags.RED_PALETTE_DATA, "OW", new byte[] {1, 2, 3, 4});
    b.element(Tags.GREEN_PALETTE_DATA, "OW", new byte[] {5, 6, 7, 8});
    b.element(Tags.BLUE_PALETTE_DATA, "OW", new byte[] {9, 10, 11, (byte) 200});
    PaletteLut lut = PaletteLut.of(dataset(b), false);
    assertThat(lut.type()).isEqualTo(DType.UINT8);
    int[] out = new int[3 * 4];
    lut.apply(new int[] {0, 10, 12, 99}, 4, out);
    assertThat(out).containsExactly(1, 1, 3, 4, 5, 5, 7, 8, 9, 9, 11, 200);
  }

  @Test
  void paletteWithSixteenBitEntries() throws Exception {
    DicomBytes b = DicomBytes.explicitLittle();
    for (int tag :
        new int[] {
          Tags.RED_PALETTE_DESCRIPTOR, Tags.GREEN_PALETTE_DESCRIPTOR, Tags.BLUE_PALETTE_DESCRIPTOR
        }) {
      b.us(tag, 2, 0, 16);
    }
    b.us(Tags.RED_PALETTE_DATA, 0, 65535)
        .us(Tags.GREEN_PALETTE_DATA, 100, 200)
        .us(Tags.BLUE_PALETTE_DATA, 7, 8);
    PaletteLut lut = PaletteLut.of(dataset(b), false);
    assertThat(lut.type()).isEqualTo(DType.UINT16);
    int[] out = new int[6];
    lut.apply(new int[] {1, 0}, 2, out);
    assertThat(out).containsExactly(65535, 0, 200, 100, 8, 7);
  }

  @Test
  void segmentedPaletteExpandsDiscreteLinearAndIndirectSegments() throws Exception {
    // discrete [0, 10], linear to 40 in 3 steps, indirect: re-apply the first segment (at byte
    // offset 0)
    DicomBytes words = DicomBytes.explicitLittle();
    for (int w : new int[] {0, 2, 0, 10, 1, 3, 40, 2, 1, 0, 0}) {
      words.u16(w);
    }
    DicomElement e =
        new DicomElement(
            Tags.SEGMENTED_RED_PALETTE_DATA,
            Vr.OW,
            words.toBytes(),
            0,
            words.toBytes().length,
            words.toBytes().length,
            false,
            null,
            null);
    assertThat(PaletteLut.expandSegmented(e, 16)).containsExactly(0, 10, 20, 30, 40, 0, 10);
  }

  @Test
  void rescaleIsFloat64AlwaysAndALutSequenceWins() throws Exception {
    DicomBytes rescale =
        DicomBytes.explicitLittle()
            .string(Tags.RESCALE_INTERCEPT, "DS", "0")
            .string(Tags.RESCALE_SLOPE, "DS", "1");
    ModalityTransform t = ModalityTransform.of(dataset(rescale), false);
    assertThat(t.kind()).isEqualTo(ModalityTransform.Kind.RESCALE);
    assertThat(t.outputType()).isEqualTo(DType.FLOAT64);

    DicomBytes onlySlope = DicomBytes.explicitLittle().string(Tags.RESCALE_SLOPE, "DS", "2");
    assertThat(ModalityTransform.of(dataset(onlySlope), false).kind())
        .isEqualTo(ModalityTransform.Kind.NONE);

    DicomBytes lutItem =
        DicomBytes.explicitLittle().us(Tags.LUT_DESCRIPTOR, 3, 5, 8).us(Tags.LUT_DATA, 10, 20, 30);
    DicomBytes withLut =
        DicomBytes.explicitLittle()
            .sequence(Tags.MODALITY_LUT_SEQUENCE, false, false, lutItem)
            .string(Tags.RESCALE_INTERCEPT, "DS", "-1024")
            .string(Tags.RESCALE_SLOPE, "DS", "1");
    ModalityTransform lut = ModalityTransform.of(dataset(withLut), false);
    assertThat(lut.kind()).isEqualTo(ModalityTransform.Kind.LUT);
    assertThat(lut.outputType()).isEqualTo(DType.UINT8);
    int[] values = {0, 5, 6, 7, 1000};
    lut.applyLut(values, values.length);
    assertThat(values).containsExactly(10, 10, 20, 30, 30);
  }

  @Test
  void monochrome1InvertsOverTheWholeArray() throws Exception {
    PixelArray a = PixelArray.allocate(DecodeLimits.defaults(), DType.INT16, 2, 1, 1, 2);
    a.data()
        .order(ByteOrder.LITTLE_ENDIAN)
        .putShort(0, (short) -5)
        .putShort(2, (short) 0)
        .putShort(4, (short) 10)
        .putShort(6, (short) 3);
    Monochrome1.invert(a);
    assertThat(
            new short[] {
              a.data().getShort(0), a.data().getShort(2), a.data().getShort(4), a.data().getShort(6)
            })
        .containsExactly((short) 10, (short) 5, (short) -5, (short) 2);

    PixelArray u = PixelArray.allocate(DecodeLimits.defaults(), DType.UINT16, 1, 1, 1, 2);
    u.data().putShort(0, (short) 65535).putShort(2, (short) 60000);
    Monochrome1.invert(u); // max + min overflows uint16 on the way, the results do not
    assertThat(u.data().getShort(0) & 0xFFFF).isEqualTo(60000);
    assertThat(u.data().getShort(2) & 0xFFFF).isEqualTo(65535);

    PixelArray f = PixelArray.allocate(DecodeLimits.defaults(), DType.FLOAT64, 1, 1, 1, 2);
    f.data().putDouble(0, -1.5).putDouble(8, 2.5);
    Monochrome1.invert(f);
    assertThat(f.data().getDouble(0)).isEqualTo(2.5);
    assertThat(f.data().getDouble(8)).isEqualTo(-1.5);
  }
}
