package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark-independent")
class RleCodecTest {

  private static FrameSpec spec(int rows, int columns, int samples, int bits) {
    return new FrameSpec(
        EncapsulatedCodecs.RLE_LOSSLESS,
        0,
        rows,
        columns,
        samples,
        bits,
        bits,
        0,
        samples == 3 ? "RGB" : "MONOCHROME2",
        0);
  }

  /** A frame: header with the segment offsets, then the segments. */
  static byte[] frame(byte[]... segments) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomBytes header = DicomBytes.explicitLittle();
    header.u32(segments.length);
    long offset = 64;
    for (int i = 0; i < 15; i++) {
      header.u32(i < segments.length ? offset : 0);
      if (i < segments.length) {
        offset += segments[i].length;
      }
    }
    out.writeBytes(header.toBytes());
    for (byte[] s : segments) {
      out.writeBytes(s);
    }
    return out.toByteArray();
  }

  @Test
  void packBitsLiteralRunAndNoOp() {
    byte[] src = {2, 10, 11, 12, (byte) -3, 7, (byte) -128, 0, 99};
    byte[] out = new byte[9];
    assertThat(RleCodec.unpackBits(src, 0, src.length, out)).isEqualTo(8);
    assertThat(out).containsExactly(10, 11, 12, 7, 7, 7, 7, 99, 0);
  }

  @Test
  void packBitsStopsWhenTheOutputIsFullOrTheInputEnds() {
    byte[] out = new byte[3];
    assertThat(RleCodec.unpackBits(new byte[] {(byte) -127, 5}, 0, 2, out)).isEqualTo(3);
    assertThat(out).containsExactly(5, 5, 5);
    byte[] big = new byte[10];
    assertThat(RleCodec.unpackBits(new byte[] {5, 1, 2}, 0, 3, big))
        .isEqualTo(2); // literal cut short
    assertThat(RleCodec.unpackBits(new byte[] {(byte) -4}, 0, 1, big))
        .isZero(); // run without its byte
  }

  @Test
  void sixteenBitSamplesAreAssembledMostSignificantByteFirst() throws Exception {
    // 2 x 2 pixels, values 0x0102, 0x0304, 0xFFFF, 0x0000
    byte[] high = {3, 0x01, 0x03, (byte) 0xFF, 0x00};
    byte[] low = {3, 0x02, 0x04, (byte) 0xFF, 0x00};
    FrameSamples s = new RleCodec().decode(frame(high, low), spec(2, 2, 1, 16));
    assertThat(s.planar()).isTrue();
    assertThat(s.values()).containsExactly(0x0102, 0x0304, 0xFFFF, 0);
  }

  @Test
  void rgbIsOneSegmentPerSample() throws Exception {
    byte[] r = {(byte) -1, 10};
    byte[] g = {(byte) -1, 20};
    byte[] b = {1, 30, 31};
    FrameSamples s = new RleCodec().decode(frame(r, g, b), spec(1, 2, 3, 8));
    assertThat(s.values()).containsExactly(10, 10, 20, 20, 30, 31);
  }

  @Test
  void thirtyTwoBitSamplesUseFourSegments() throws Exception {
    byte[][] segments = {{0, (byte) 0x80}, {0, 0x00}, {0, 0x00}, {0, 0x01}};
    FrameSamples s = new RleCodec().decode(frame(segments), spec(1, 1, 1, 32));
    assertThat(s.values()).containsExactly(0x80000001);
  }

  @Test
  void aSegmentCountThatDoesNotMatchTheHeaderFails() {
    assertThatThrownBy(() -> new RleCodec().decode(frame(new byte[] {0, 1}), spec(1, 1, 1, 16)))
        .isInstanceOf(DecodeException.class)
        .hasMessage("RLE frame 0 has 1 segments; 1 samples per pixel of 16 bits need 2");
  }

  @Test
  void aShortSegmentFails() {
    assertThatThrownBy(() -> new RleCodec().decode(frame(new byte[] {0, 1}), spec(2, 2, 1, 8)))
        .isInstanceOf(DecodeException.class)
        .hasMessage("RLE frame 0: segment 0 decodes to 1 bytes, but 2 x 2 pixels need 4");
  }

  @Test
  void offsetsOutsideTheFrameFail() {
    byte[] f = frame(new byte[] {0, 1});
    f[4] = (byte) 200;
    assertThatThrownBy(() -> new RleCodec().decode(f, spec(1, 1, 1, 8)))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("segment 0 has offset 200");
    assertThatThrownBy(() -> new RleCodec().decode(new byte[10], spec(1, 1, 1, 8)))
        .hasMessageContaining("shorter than its 64-byte header");
  }
}
