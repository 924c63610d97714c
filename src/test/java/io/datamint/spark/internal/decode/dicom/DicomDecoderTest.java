package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.core.PixelDtype;
import io.datamint.spark.internal.core.VolumeGeometry;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.PixelValues;
import io.datamint.spark.internal.slice.MetainfoGeometry;
import io.datamint.spark.internal.slice.PlaneResolver;
import io.datamint.spark.internal.slice.SlicePlane;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** End-to-end decoding of small synthetic files, one feature at a time. */
@Tag("spark-independent")
class DicomDecoderTest {

  private static final String EXPLICIT_LE = "1.2.840.10008.1.2.1";
  private static final String IMPLICIT_LE = "1.2.840.10008.1.2";
  private static final String EXPLICIT_BE = "1.2.840.10008.1.2.2";
  private static final DicomDecoder DECODER = new DicomDecoder();

  private static DecodedResource decode(byte[] file) throws DecodeException {
    return DECODER.decode(file, file.length, DecodeLimits.defaults());
  }

  private static DecodedResource decode(byte[] file, PixelDtype dtype) throws DecodeException {
    return DECODER.decode(file, file.length, DecodeLimits.defaults(), dtype);
  }

  /** An image pixel module; pixel data added by the caller. */
  private static DicomBytes image(
      DicomBytes b,
      int rows,
      int columns,
      int samples,
      int allocated,
      int stored,
      int representation,
      String photometric) {
    b.string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.7")
        .string(Tags.MODALITY, "CS", "OT");
    b.us(Tags.SAMPLES_PER_PIXEL, samples)
        .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", photometric);
    return b.us(Tags.ROWS, rows)
        .us(Tags.COLUMNS, columns)
        .us(Tags.BITS_ALLOCATED, allocated)
        .us(Tags.BITS_STORED, stored)
        .us(Tags.HIGH_BIT, stored - 1)
        .us(Tags.PIXEL_REPRESENTATION, representation);
  }

  private static short[] shorts(PixelArray a) {
    ByteBuffer b = a.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    short[] out = new short[(int) a.elementCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getShort(2 * i);
    }
    return out;
  }

  private static int[] ubytes(PixelArray a) {
    int[] out = new int[(int) a.elementCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.data().get(i) & 0xFF;
    }
    return out;
  }

  private static double[] doubles(PixelArray a) {
    ByteBuffer b = a.data().duplicate().order(ByteOrder.LITTLE_ENDIAN);
    double[] out = new double[(int) a.elementCount()];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getDouble(8 * i);
    }
    return out;
  }

  @Test
  void signedTwelveBitsStoredInSixteenAreSignExtended() throws Exception {
    DicomBytes b = image(DicomBytes.explicitLittle(), 1, 4, 1, 16, 12, 1, "MONOCHROME2");
    // garbage in the unused high bits must not survive
    b.element(
        Tags.PIXEL_DATA,
        "OW",
        DicomBytes.explicitLittle().u16(0xF800).u16(0x07FF).u16(0xAFFF).u16(0x0001).toBytes());
    PixelArray px = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).pixels();
    assertThat(px.dtype()).isEqualTo(DType.INT16);
    assertThat(px.shape()).containsExactly(1, 1, 1, 4);
    assertThat(shorts(px)).containsExactly((short) -2048, (short) 2047, (short) -1, (short) 1);
  }

  @Test
  void bigEndianSixteenBitAndRescaleToFloat64() throws Exception {
    DicomBytes b =
        image(DicomBytes.explicitBig(), 2, 2, 1, 16, 16, 0, "MONOCHROME2")
            .string(Tags.RESCALE_INTERCEPT, "DS", "-1024")
            .string(Tags.RESCALE_SLOPE, "DS", "0.5");
    b.element(
        Tags.PIXEL_DATA,
        "OW",
        DicomBytes.explicitBig().u16(0).u16(1).u16(2048).u16(65535).toBytes());
    PixelArray px = decode(DicomBytes.part10(EXPLICIT_BE, b.toBytes())).pixels();
    assertThat(px.dtype()).isEqualTo(DType.FLOAT64);
    assertThat(doubles(px)).containsExactly(-1024, -1023.5, 0, 65535 * 0.5 - 1024);
  }

  @Test
  void rescaledSixteenBitSamplesKeepBitsStoredAndSignInEveryType() throws Exception {
    // v * slope + intercept of the low Bits Stored bits (sign-extended when signed), as float64
    // and as float32
    for (SixteenBitWords w : SixteenBitWords.all(true)) {
      double[] f64 = doubles(decode(w.file()).pixels());
      double[] f32 = PixelValues.of(decode(w.file(), PixelDtype.FLOAT32).pixels());
      for (int i = 0; i < w.words().length; i++) {
        double expected = w.stored(i) * 0.3 + -1024.25;
        assertThat(f64[i]).as(w.describe(i)).isEqualTo(expected);
        assertThat(f32[i]).as(w.describe(i)).isEqualTo((double) (float) expected);
      }
    }
  }

  @Test
  void storedSixteenBitSamplesKeepBitsStoredAndSignWithoutARescale() throws Exception {
    // the low Bits Stored bits (sign-extended when signed) in the stored type: pixel_dtype
    // 'native' of a rescaled file, and the SDK's dtype of a file without one
    for (boolean rescaled : new boolean[] {true, false}) {
      for (SixteenBitWords w : SixteenBitWords.all(rescaled)) {
        PixelArray px = decode(w.file(), rescaled ? PixelDtype.NATIVE : PixelDtype.SDK).pixels();
        assertThat(px.dtype()).isEqualTo(w.representation() == 1 ? DType.INT16 : DType.UINT16);
        double[] values = PixelValues.of(px);
        for (int i = 0; i < w.words().length; i++) {
          assertThat(values[i]).as(w.describe(i)).isEqualTo(w.stored(i));
        }
      }
    }
  }

  /**
   * An 8 x 8 single-frame file of random 16-bit words, garbage in the unused high bits included,
   * with one Bits Stored and Pixel Representation, rescaled by 0.3 and -1024.25 or not; {@link
   * #stored} is the value pydicom reads for a word, computed here independently of the decoder.
   */
  private record SixteenBitWords(int bitsStored, int representation, int[] words, byte[] file) {

    static List<SixteenBitWords> all(boolean rescaled) {
      java.util.Random random = new java.util.Random(17);
      List<SixteenBitWords> all = new ArrayList<>();
      for (int stored : new int[] {1, 8, 12, 15, 16}) {
        for (int representation : new int[] {0, 1}) {
          int[] words = new int[64];
          DicomBytes data = DicomBytes.explicitLittle();
          for (int i = 0; i < words.length; i++) {
            words[i] = i < 2 ? 0xFFFF * i : random.nextInt(0x10000);
            data.u16(words[i]);
          }
          DicomBytes b =
              image(
                  DicomBytes.explicitLittle(), 8, 8, 1, 16, stored, representation, "MONOCHROME2");
          if (rescaled) {
            b.string(Tags.RESCALE_INTERCEPT, "DS", "-1024.25")
                .string(Tags.RESCALE_SLOPE, "DS", "0.3");
          }
          b.element(Tags.PIXEL_DATA, "OW", data.toBytes());
          all.add(
              new SixteenBitWords(
                  stored, representation, words, DicomBytes.part10(EXPLICIT_LE, b.toBytes())));
        }
      }
      return all;
    }

    int stored(int i) {
      int v = words[i];
      if (bitsStored < 16) {
        v &= (1 << bitsStored) - 1;
        if (representation == 1 && (v >> (bitsStored - 1)) != 0) {
          v -= 1 << bitsStored;
        }
      } else if (representation == 1) {
        v = (short) v;
      }
      return v;
    }

    String describe(int i) {
      return "word " + words[i] + ", " + bitsStored + " bits stored, " + representation;
    }
  }

  @Test
  void monochrome1IsInvertedAfterTheModalityLut() throws Exception {
    DicomBytes b = image(DicomBytes.explicitLittle(), 1, 3, 1, 8, 8, 0, "MONOCHROME1");
    b.element(Tags.PIXEL_DATA, "OB", new byte[] {10, 20, (byte) 200, 0});
    PixelArray px = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).pixels();
    assertThat(px.dtype()).isEqualTo(DType.UINT8);
    assertThat(ubytes(px)).containsExactly(200, 190, 10);
  }

  @Test
  void pixelDtypeOfARescaledMonochrome1() throws Exception {
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 3, 1, 16, 16, 0, "MONOCHROME1")
            .string(Tags.RESCALE_INTERCEPT, "DS", "-1.3")
            .string(Tags.RESCALE_SLOPE, "DS", "0.1");
    b.element(Tags.PIXEL_DATA, "OW", DicomBytes.explicitLittle().u16(7).u16(1000).u16(3).toBytes());
    byte[] file = DicomBytes.part10(EXPLICIT_LE, b.toBytes());
    double[] sdk = doubles(decode(file).pixels());
    // inverted over the float64 values, then each rounded once to float32
    PixelArray f32 =
        DECODER.decode(file, file.length, DecodeLimits.defaults(), PixelDtype.FLOAT32).pixels();
    assertThat(f32.dtype()).isEqualTo(DType.FLOAT32);
    double[] f32Values = PixelValues.of(f32);
    for (int i = 0; i < sdk.length; i++) {
      assertThat(f32Values[i]).isEqualTo((double) (float) sdk[i]);
    }
    // native: the stored uint16 values inverted in their own type, the rescale in the metainfo
    DecodedResource stored =
        DECODER.decode(file, file.length, DecodeLimits.defaults(), PixelDtype.NATIVE);
    assertThat(stored.pixels().dtype()).isEqualTo(DType.UINT16);
    assertThat(PixelValues.of(stored.pixels())).containsExactly(996, 3, 1000);
    assertThat(stored.metainfoJson())
        .endsWith("\"_rescale\":{\"applied\":false,\"slope\":0.1,\"intercept\":-1.3}}");
  }

  @Test
  void planarAndInterleavedRgbGiveTheSameChannels() throws Exception {
    byte[] interleaved = {1, 2, 3, 4, 5, 6};
    byte[] planar = {1, 4, 2, 5, 3, 6};
    DicomBytes a =
        image(DicomBytes.explicitLittle(), 1, 2, 3, 8, 8, 0, "RGB")
            .us(Tags.PLANAR_CONFIGURATION, 0);
    a.element(Tags.PIXEL_DATA, "OB", interleaved);
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 2, 3, 8, 8, 0, "RGB")
            .us(Tags.PLANAR_CONFIGURATION, 1);
    b.element(Tags.PIXEL_DATA, "OB", planar);
    PixelArray pa = decode(DicomBytes.part10(EXPLICIT_LE, a.toBytes())).pixels();
    PixelArray pb = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).pixels();
    assertThat(pa.shape()).containsExactly(1, 3, 1, 2);
    assertThat(ubytes(pa)).containsExactly(1, 4, 2, 5, 3, 6);
    assertThat(ubytes(pb)).containsExactly(ubytes(pa));
  }

  @Test
  void oneBitFramesArePackedAcrossByteBoundaries() throws Exception {
    // 3 frames of 1 x 3 pixels: 9 bits, least significant bit first: frame 0 = 1 0 1, 1 = 1 1 0, 2
    // = 0 0 1
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 3, 1, 1, 1, 0, "MONOCHROME2")
            .string(Tags.NUMBER_OF_FRAMES, "IS", "3");
    b.element(Tags.PIXEL_DATA, "OB", new byte[] {(byte) 0b0_0_0_1_1_1_0_1, 0b1});
    PixelArray px = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).pixels();
    assertThat(px.dtype()).isEqualTo(DType.UINT8);
    assertThat(px.shape()).containsExactly(3, 1, 1, 3);
    assertThat(ubytes(px)).containsExactly(1, 0, 1, 1, 1, 0, 0, 0, 1);
  }

  @Test
  void ybrFull422IsUpsampledThenConverted() throws Exception {
    // two pixels sharing chroma: Y0 Y1 Cb Cr; neutral chroma keeps the luma as gray
    DicomBytes b = image(DicomBytes.explicitLittle(), 1, 2, 3, 8, 8, 0, "YBR_FULL_422");
    b.element(Tags.PIXEL_DATA, "OB", new byte[] {50, (byte) 150, (byte) 128, (byte) 128});
    PixelArray px = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).pixels();
    assertThat(px.shape()).containsExactly(1, 3, 1, 2);
    assertThat(ubytes(px)).containsExactly(50, 150, 50, 150, 50, 150);
  }

  @Test
  void paletteColorBecomesRgb() throws Exception {
    DicomBytes b = image(DicomBytes.implicitLittle(), 1, 3, 1, 8, 8, 0, "PALETTE COLOR");
    for (int tag :
        new int[] {
          Tags.RED_PALETTE_DESCRIPTOR, Tags.GREEN_PALETTE_DESCRIPTOR, Tags.BLUE_PALETTE_DESCRIPTOR
        }) {
      b.us(tag, 3, 0, 16);
    }
    b.us(Tags.RED_PALETTE_DATA, 0, 1000, 65535)
        .us(Tags.GREEN_PALETTE_DATA, 1, 2, 3)
        .us(Tags.BLUE_PALETTE_DATA, 9, 8, 7);
    b.element(Tags.PIXEL_DATA, "OB", new byte[] {2, 0, 1, 0});
    PixelArray px = decode(DicomBytes.part10(IMPLICIT_LE, b.toBytes())).pixels();
    assertThat(px.dtype()).isEqualTo(DType.UINT16);
    assertThat(px.shape()).containsExactly(1, 3, 1, 3);
    assertThat(shorts(px))
        .containsExactly(
            (short) 65535,
            (short) 0,
            (short) 1000,
            (short) 3,
            (short) 1,
            (short) 2,
            (short) 7,
            (short) 9,
            (short) 8);
  }

  @Test
  void deflatedGzippedAndPreamblelessFilesDecodeAlike() throws Exception {
    DicomBytes b = image(DicomBytes.explicitLittle(), 2, 2, 1, 8, 8, 0, "MONOCHROME2");
    b.element(Tags.PIXEL_DATA, "OB", new byte[] {1, 2, 3, 4});
    byte[] plain = DicomBytes.part10(EXPLICIT_LE, b.toBytes());
    byte[] deflated = DicomBytes.part10("1.2.840.10008.1.2.1.99", DicomBytes.deflate(b.toBytes()));
    int[] expected = {1, 2, 3, 4};
    assertThat(ubytes(decode(plain).pixels())).containsExactly(expected);
    assertThat(ubytes(decode(deflated).pixels())).containsExactly(expected);
    assertThat(ubytes(decode(DicomBytes.gzip(plain)).pixels())).containsExactly(expected);
    assertThat(ubytes(decode(b.toBytes()).pixels()))
        .containsExactly(expected); // no preamble, no meta
  }

  @Test
  void absurdDimensionsFailOnTheLimitsBeforeAnyAllocation() {
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 65535, 65535, 1, 16, 16, 0, "MONOCHROME2")
            .string(Tags.NUMBER_OF_FRAMES, "IS", "100000");
    b.element(Tags.PIXEL_DATA, "OW", new byte[16]);
    byte[] file = DicomBytes.part10(EXPLICIT_LE, b.toBytes());
    assertThatThrownBy(() -> DECODER.decode(file, file.length, new DecodeLimits(1 << 20)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("[100000, 1, 65535, 65535]")
        .hasMessageContaining("more than the limit of 1048576");
  }

  @Test
  void shortPixelDataNamesExpectedAndActualBytes() {
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 10, 10, 1, 32, 32, 0, "MONOCHROME2")
            .string(Tags.NUMBER_OF_FRAMES, "IS", "2");
    b.element(Tags.PIXEL_DATA, "OW", new byte[600]);
    byte[] file = DicomBytes.part10(EXPLICIT_LE, b.toBytes());
    assertThatThrownBy(() -> decode(file))
        .isInstanceOf(DecodeException.class)
        .hasMessage(
            "the Pixel Data (7FE0,0010) has 600 bytes, fewer than the 800 bytes that 2 frames of 10 x 10 x 1 "
                + "samples of 32 bits need");
  }

  @Test
  void noPixelDataNamesTheObject() {
    DicomBytes b =
        DicomBytes.explicitLittle()
            .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.481.5")
            .string(Tags.MODALITY, "CS", "RTPLAN");
    byte[] file = DicomBytes.part10(EXPLICIT_LE, b.toBytes());
    assertThatThrownBy(() -> decode(file))
        .isInstanceOf(DecodeException.class)
        .hasMessage("no pixel data: this DICOM is a RT Plan Storage / RTPLAN object");
  }

  @Test
  void aTransferSyntaxWithoutCodecSaysSo() {
    DicomBytes b = image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2");
    b.encapsulated(new int[0], new byte[] {(byte) 0xFF, (byte) 0x4F, (byte) 0xFF, (byte) 0x51});
    byte[] file =
        DicomBytes.part10("1.2.840.10008.1.2.4.201", b.toBytes()); // HTJ2K: no codec in this build
    assertThatThrownBy(() -> decode(file))
        .isInstanceOf(DecodeException.class)
        .hasMessageStartingWith("transfer syntax 1.2.840.10008.1.2.4.201")
        .hasMessageEndingWith("has no decoder registered");
  }

  /**
   * A codec that returns each frame's first byte as every sample, recording the codestreams it got.
   */
  private static final class FirstByteCodec implements EncapsulatedCodec {
    final List<byte[]> seen = new ArrayList<>();

    @Override
    public FrameSamples decode(byte[] codestream, FrameSpec spec) {
      seen.add(codestream);
      int[] values = new int[spec.sampleCount()];
      java.util.Arrays.fill(values, codestream[2] & 0xFF);
      return FrameSamples.interleaved(
          spec.rows(), spec.columns(), spec.samplesPerPixel(), values, 0, null);
    }
  }

  private static byte[] jpegLike(int id, int extra) {
    byte[] b = new byte[4 + extra];
    b[0] = (byte) 0xFF;
    b[1] = (byte) 0xD8;
    b[2] = (byte) id;
    b[b.length - 2] = (byte) 0xFF;
    b[b.length - 1] = (byte) 0xD9;
    return b;
  }

  @Test
  void aRegisteredCodecDecodesItsTransferSyntax_framesSplitByMarkersWithoutOffsetTable()
      throws Exception {
    FirstByteCodec codec = new FirstByteCodec();
    DicomDecoder decoder =
        new DicomDecoder(EncapsulatedCodecs.defaults().with("1.2.840.10008.1.2.4.80", codec));
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 2, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.NUMBER_OF_FRAMES, "IS", "2");
    byte[] frame0 = jpegLike(7, 4);
    byte[] first = java.util.Arrays.copyOfRange(frame0, 0, 3);
    byte[] rest = java.util.Arrays.copyOfRange(frame0, 3, frame0.length);
    b.encapsulated(new int[0], first, rest, jpegLike(9, 2));
    byte[] file = DicomBytes.part10("1.2.840.10008.1.2.4.80", b.toBytes());
    PixelArray px = decoder.decode(file, file.length, DecodeLimits.defaults()).pixels();
    assertThat(px.shape()).containsExactly(2, 1, 1, 2);
    assertThat(ubytes(px)).containsExactly(7, 7, 9, 9);
    assertThat(codec.seen.get(0)).containsExactly(frame0); // two fragments joined
  }

  @Test
  void theBasicOffsetTableSplitsFrames() throws Exception {
    FirstByteCodec codec = new FirstByteCodec();
    DicomDecoder decoder =
        new DicomDecoder(EncapsulatedCodecs.empty().with("1.2.840.10008.1.2.4.80", codec));
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.NUMBER_OF_FRAMES, "IS", "2");
    byte[] a1 = {0, 0, 3, 0};
    byte[] a2 = {0, 0, 0, 0};
    byte[] c1 = {0, 0, 5, 0};
    // frame 0 = fragments 0 and 1 (item starts 0 and 12), frame 1 = fragment 2 (item start 24)
    b.encapsulated(new int[] {0, 24}, a1, a2, c1);
    byte[] file = DicomBytes.part10("1.2.840.10008.1.2.4.80", b.toBytes());
    PixelArray px = decoder.decode(file, file.length, DecodeLimits.defaults()).pixels();
    assertThat(ubytes(px)).containsExactly(3, 5);
    assertThat(codec.seen.get(0)).hasSize(8);
  }

  @Test
  void theExtendedOffsetTableSplitsFrames() throws Exception {
    FirstByteCodec codec = new FirstByteCodec();
    DicomDecoder decoder =
        new DicomDecoder(EncapsulatedCodecs.empty().with("1.2.840.10008.1.2.4.80", codec));
    DicomBytes offsets = DicomBytes.explicitLittle().u32(0).u32(0).u32(14).u32(0);
    DicomBytes lengths = DicomBytes.explicitLittle().u32(5).u32(0).u32(3).u32(0);
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.NUMBER_OF_FRAMES, "IS", "2")
            .element(Tags.EXTENDED_OFFSET_TABLE, "OV", offsets.toBytes())
            .element(Tags.EXTENDED_OFFSET_TABLE_LENGTHS, "OV", lengths.toBytes());
    // fragments of 6 and 4 bytes: item starts 0 and 14; the frames are 5 and 3 bytes of them
    b.encapsulated(new int[0], new byte[] {0, 0, 4, 0, 0, 1}, new byte[] {0, 0, 6, 1});
    byte[] file = DicomBytes.part10("1.2.840.10008.1.2.4.80", b.toBytes());
    PixelArray px = decoder.decode(file, file.length, DecodeLimits.defaults()).pixels();
    assertThat(ubytes(px)).containsExactly(4, 6);
    assertThat(codec.seen.get(0)).hasSize(5);
    assertThat(codec.seen.get(1)).hasSize(3);
  }

  @Test
  void tooFewFramesInEncapsulatedDataFail() {
    DicomDecoder decoder =
        new DicomDecoder(
            EncapsulatedCodecs.empty().with("1.2.840.10008.1.2.4.80", new FirstByteCodec()));
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.NUMBER_OF_FRAMES, "IS", "3");
    b.encapsulated(new int[0], jpegLike(1, 0), jpegLike(2, 0));
    byte[] file = DicomBytes.part10("1.2.840.10008.1.2.4.80", b.toBytes());
    assertThatThrownBy(() -> decoder.decode(file, file.length, DecodeLimits.defaults()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("but Number of Frames is 3");
  }

  @Test
  void metainfoIsTypedJsonWithoutPixelData() throws Exception {
    DicomBytes item = DicomBytes.explicitLittle().string(0x00081150, "UI", "1.2.3");
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.SPECIFIC_CHARACTER_SET, "CS", "ISO_IR 192")
            .string(
                0x00100010,
                "PN",
                "M\u00fcller^Hans".replace("\u00fc", "\u00c3\u00bc")) // UTF-8 bytes of "ü"
            .string(0x00080008, "CS", "ORIGINAL\\PRIMARY")
            .string(Tags.IMAGE_POSITION_PATIENT, "DS", "1.5\\-2\\abc")
            .string(0x00200013, "IS", "7")
            .us(0x00280034, 1, 1)
            .fd(0x00189087, 1000.5)
            .element(0x00091001, "OB", new byte[6])
            .element(
                0x00280009, "AT", DicomBytes.explicitLittle().u16(0x0018).u16(0x1063).toBytes())
            .sequence(0x00081140, true, false, item)
            .string(0x60000022, "LO", "first overlay")
            .string(0x60020022, "LO", "second overlay");
    b.element(Tags.PIXEL_DATA, "OB", new byte[] {1, 0});
    JsonNode meta =
        new ObjectMapper()
            .readTree(decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).metainfoJson());
    assertThat(meta.get("TransferSyntaxUID").asText()).isEqualTo(EXPLICIT_LE);
    assertThat(meta.get("PatientName").asText()).isEqualTo("M\u00fcller^Hans");
    assertThat(meta.get("ImageType")).hasSize(2);
    assertThat(meta.get("ImageType").get(1).asText()).isEqualTo("PRIMARY");
    assertThat(meta.get("ImagePositionPatient").get(0).asDouble()).isEqualTo(1.5);
    assertThat(meta.get("ImagePositionPatient").get(2).asText()).isEqualTo("abc");
    assertThat(meta.get("InstanceNumber").isIntegralNumber()).isTrue();
    assertThat(meta.get("Rows").asInt()).isEqualTo(1);
    assertThat(meta.get("PixelAspectRatio")).hasSize(2);
    assertThat(meta.get("DiffusionBValue").asDouble()).isEqualTo(1000.5);
    assertThat(meta.get("(0009,1001)").get("length").asInt()).isEqualTo(6);
    assertThat(meta.get("FrameIncrementPointer").asText()).isEqualTo("(0018,1063)");
    assertThat(meta.get("ReferencedImageSequence").get(0).get("ReferencedSOPClassUID").asText())
        .isEqualTo("1.2.3");
    assertThat(meta.get("OverlayDescription").asText()).isEqualTo("first overlay");
    assertThat(meta.get("(6002,0022)").asText()).isEqualTo("second overlay");
    assertThat(meta.has("PixelData")).isFalse();
  }

  @Test
  void affineFromOrientationPositionAndSpacing() throws Exception {
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 2, 3, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.IMAGE_ORIENTATION_PATIENT, "DS", "0\\1\\0\\0\\0\\-1")
            .string(Tags.IMAGE_POSITION_PATIENT, "DS", "10\\20\\30")
            .string(Tags.PIXEL_SPACING, "DS", "0.5\\0.25")
            .string(Tags.SLICE_THICKNESS, "DS", "2");
    b.element(Tags.PIXEL_DATA, "OB", new byte[6]);
    double[] affine = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).affine();
    // columns move along +y by 0.25, rows along -z by 0.5, frames along row x col = (-1, 0, 0) by 2
    assertThat(affine)
        .containsExactly(
            new double[] {0, 0, -2, 10, 0.25, 0, 0, 20, 0, -0.5, 0, 30, 0, 0, 0, 1}, within(1e-12));
  }

  @Test
  void noAffineWithoutOrientation() throws Exception {
    DicomBytes b = image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2");
    b.element(Tags.PIXEL_DATA, "OB", new byte[2]);
    assertThat(decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes())).affine()).isNull();
  }

  @Test
  void geometryFromImageOrientationPatient() throws Exception {
    DicomBytes b =
        image(DicomBytes.explicitLittle(), 2, 3, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.IMAGE_ORIENTATION_PATIENT, "DS", "0\\1\\0\\0\\0\\-1");
    b.element(Tags.PIXEL_DATA, "OB", new byte[6]);
    DecodedResource r = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes()));
    VolumeGeometry.Dicom g = (VolumeGeometry.Dicom) r.geometry();
    assertThat(g.rowCosines()).containsExactly(0, 1, 0);
    assertThat(g.columnCosines()).containsExactly(0, 0, -1);
    assertThat(g.modality()).isEqualTo("OT");
    assertThat(g.orientationProblem()).isNull();
    assertThat(g).isEqualTo(MetainfoGeometry.dicom(r.metainfoJson()));
    // a sagittal acquisition: the frames are sagittal, the rows axial, the columns coronal
    int[] cdhw = {1, 1, 2, 3};
    assertThat(PlaneResolver.axis(SlicePlane.SAGITTAL, "dicom", g, cdhw)).isEqualTo(1);
    assertThat(PlaneResolver.axis(SlicePlane.AXIAL, "dicom", g, cdhw)).isEqualTo(2);
    assertThat(PlaneResolver.axis(SlicePlane.CORONAL, "dicom", g, cdhw)).isEqualTo(3);
  }

  @Test
  void obliqueGeometryKeepsTheThresholdAttributes() throws Exception {
    // rotated 22 degrees about x: oblique for MR (20) unless reformatted (25)
    double a = Math.toRadians(22);
    String iop = "1\\0\\0\\0\\" + Math.cos(a) + "\\" + Math.sin(a);
    for (String imageType : new String[] {"ORIGINAL\\PRIMARY", "DERIVED\\SECONDARY\\MPR"}) {
      DicomBytes b =
          DicomBytes.explicitLittle()
              .string(Tags.IMAGE_TYPE, "CS", imageType)
              .string(Tags.SOP_CLASS_UID, "UI", "1.2.840.10008.5.1.4.1.1.4")
              .string(Tags.MODALITY, "CS", "MR")
              .string(Tags.BODY_PART_EXAMINED, "CS", "BRAIN")
              .string(Tags.IMAGE_ORIENTATION_PATIENT, "DS", iop)
              .us(Tags.SAMPLES_PER_PIXEL, 1)
              .string(Tags.PHOTOMETRIC_INTERPRETATION, "CS", "MONOCHROME2")
              .us(Tags.ROWS, 2)
              .us(Tags.COLUMNS, 2)
              .us(Tags.BITS_ALLOCATED, 8)
              .us(Tags.BITS_STORED, 8)
              .us(Tags.HIGH_BIT, 7)
              .us(Tags.PIXEL_REPRESENTATION, 0);
      b.element(Tags.PIXEL_DATA, "OB", new byte[4]);
      DecodedResource r = decode(DicomBytes.part10(EXPLICIT_LE, b.toBytes()));
      VolumeGeometry.Dicom g = (VolumeGeometry.Dicom) r.geometry();
      assertThat(g.modality()).isEqualTo("MR");
      assertThat(g.bodyPartExamined()).isEqualTo("BRAIN");
      assertThat(g.imageType()).containsExactly(imageType.split("\\\\"));
      assertThat(g.columnCosines()[1]).isCloseTo(Math.cos(a), within(1e-12));
      assertThat(g).isEqualTo(MetainfoGeometry.dicom(r.metainfoJson()));
      int[] cdhw = {1, 1, 2, 2};
      if (imageType.contains("MPR")) {
        assertThat(PlaneResolver.axis(SlicePlane.AXIAL, "dicom", g, cdhw)).isEqualTo(1);
      } else {
        assertThatThrownBy(() -> PlaneResolver.axis(SlicePlane.AXIAL, "dicom", g, cdhw))
            .isInstanceOf(DecodeException.class)
            .hasMessageContaining("within 20.0 degrees");
      }
    }
  }

  @Test
  void geometryWithoutOrOfAnUnreadableOrientation() throws Exception {
    DicomBytes none = image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2");
    none.element(Tags.PIXEL_DATA, "OB", new byte[2]);
    DecodedResource r = decode(DicomBytes.part10(EXPLICIT_LE, none.toBytes()));
    assertThat(r.geometry())
        .isEqualTo(VolumeGeometry.Dicom.of(null, "OT", null, java.util.List.of()));
    assertThat(r.geometry()).isEqualTo(MetainfoGeometry.dicom(r.metainfoJson()));

    DicomBytes three =
        image(DicomBytes.explicitLittle(), 1, 1, 1, 8, 8, 0, "MONOCHROME2")
            .string(Tags.IMAGE_ORIENTATION_PATIENT, "DS", "1\\0\\0");
    three.element(Tags.PIXEL_DATA, "OB", new byte[2]);
    // decoding succeeds; slicing reports the problem
    VolumeGeometry.Dicom g =
        (VolumeGeometry.Dicom) decode(DicomBytes.part10(EXPLICIT_LE, three.toBytes())).geometry();
    assertThat(g.orientationProblem()).contains("6 values");
    assertThatThrownBy(
            () -> PlaneResolver.axis(SlicePlane.AXIAL, "dicom", g, new int[] {1, 1, 1, 1}))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("6 values");
  }
}
