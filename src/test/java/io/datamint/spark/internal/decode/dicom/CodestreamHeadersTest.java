package io.datamint.spark.internal.decode.dicom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The JPEG and JPEG 2000 header reading that decides color spaces, signedness and repairs. */
@Tag("spark-independent")
class CodestreamHeadersTest {

  private static void segment(ByteArrayOutputStream out, int marker, int... body) {
    out.write(0xFF);
    out.write(marker);
    out.write((body.length + 2) >> 8);
    out.write(body.length + 2);
    for (int b : body) {
      out.write(b);
    }
  }

  /** SOI, optional APP segments, a 3-component SOF0 with the given ids and sampling, SOS. */
  private static byte[] jpeg(boolean jfif, int adobeTransform, int[] ids, int firstSampling) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0xD8);
    if (jfif) {
      segment(out, 0xE0, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
    }
    if (adobeTransform >= 0) {
      segment(out, 0xEE, 'A', 'd', 'o', 'b', 'e', 0, 100, 0, 0, 0, 0, adobeTransform);
    }
    segment(
        out, 0xC0, 8, 0, 16, 0, 32, 3, ids[0], firstSampling, 0, ids[1], 0x11, 1, ids[2], 0x11, 1);
    segment(out, 0xDA, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0);
    return out.toByteArray();
  }

  @Test
  void jpegFrameHeader() throws Exception {
    JpegHeader h = JpegHeader.parse(jpeg(false, -1, new int[] {1, 2, 3}, 0x22), 0);
    assertThat(h.precision()).isEqualTo(8);
    assertThat(h.height()).isEqualTo(16);
    assertThat(h.width()).isEqualTo(32);
    assertThat(h.components()).isEqualTo(3);
    assertThat(h.subsampled()).isTrue();
    assertThat(h.lossless()).isFalse();
  }

  @Test
  void jpegColorSpaceComesFromAdobeThenJfifThenComponentIds() throws Exception {
    int[] numeric = {1, 2, 3};
    assertThat(JpegHeader.parse(jpeg(false, 0, numeric, 0x11), 0).colorSpace()).isEqualTo("RGB");
    assertThat(JpegHeader.parse(jpeg(false, 1, numeric, 0x11), 0).colorSpace())
        .isEqualTo("YBR_FULL");
    assertThat(JpegHeader.parse(jpeg(true, 0, numeric, 0x11), 0).colorSpace())
        .isEqualTo("RGB"); // Adobe wins
    assertThat(JpegHeader.parse(jpeg(true, -1, numeric, 0x11), 0).colorSpace())
        .isEqualTo("YBR_FULL");
    assertThat(JpegHeader.parse(jpeg(false, -1, new int[] {'R', 'G', 'B'}, 0x11), 0).colorSpace())
        .isEqualTo("RGB");
    // no marker says it: the DICOM Photometric Interpretation decides (null), even when subsampled
    assertThat(JpegHeader.parse(jpeg(false, -1, numeric, 0x22), 0).colorSpace()).isNull();
    assertThat(JpegHeader.parse(jpeg(false, -1, new int[] {0, 1, 2}, 0x11), 0).colorSpace())
        .isNull();
  }

  @Test
  void notJpegIsSaidSo() {
    assertThatThrownBy(() -> JpegHeader.parse(new byte[] {0, 1, 2, 3}, 4))
        .isInstanceOf(DecodeException.class)
        .hasMessage("frame 4 is not a JPEG codestream (no SOI marker)");
    assertThatThrownBy(
            () ->
                JpegHeader.parse(
                    new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xD9}, 0))
        .hasMessageContaining("no frame header");
  }

  /**
   * SOC, SIZ (one tile, given components/precision), COD with the MCT flag, then tile-parts of tile
   * 0.
   */
  private static byte[] j2k(int precisionByte, boolean mct, int tileParts, int declaredTileParts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0xFF);
    out.write(0x4F);
    int[] siz = new int[36 + 3 * 3];
    siz[5] = 64; // Xsiz = 64
    siz[9] = 32; // Ysiz = 32
    siz[21] = 64; // XTsiz
    siz[25] = 32; // YTsiz
    siz[35] = 3; // Csiz
    for (int c = 0; c < 3; c++) {
      siz[36 + 3 * c] = precisionByte;
      siz[37 + 3 * c] = 1;
      siz[38 + 3 * c] = 1;
    }
    segment(out, 0x51, siz);
    segment(out, 0x52, 0, 0, 0, 1, mct ? 1 : 0, 5, 4, 4, 0, 1);
    for (int p = 0; p < tileParts; p++) {
      // SOT: Lsot 10, Isot 0, Psot 14 (header + SOD), TPsot p, TNsot declared; then SOD
      segment(out, 0x90, 0, 0, 0, 0, 0, 14, p, declaredTileParts);
      out.write(0xFF);
      out.write(0x93);
    }
    out.write(0xFF);
    out.write(0xD9);
    return out.toByteArray();
  }

  @Test
  void j2kMainHeader() throws Exception {
    J2kCodestream h = J2kCodestream.parse(j2k(0x8C, true, 1, 1), 0);
    assertThat(h.width()).isEqualTo(64);
    assertThat(h.height()).isEqualTo(32);
    assertThat(h.components()).isEqualTo(3);
    assertThat(h.precision()).isEqualTo(13);
    assertThat(h.signed()).isTrue();
    assertThat(h.multipleComponentTransform()).isTrue();
    assertThat(J2kCodestream.parse(j2k(0x07, false, 1, 1), 0).signed()).isFalse();
  }

  @Test
  void j2kTilePartCountsThatAreTooSmallAreRepaired() throws Exception {
    byte[] wrong = j2k(7, false, 3, 2);
    J2kCodestream h = J2kCodestream.parse(wrong, 0);
    assertThat(h.codestream()).isNotSameAs(wrong);
    int sot = indexOf(h.codestream(), 0x90);
    assertThat(h.codestream()[sot + 11]).isEqualTo((byte) 3);
    assertThat(wrong[sot + 11]).isEqualTo((byte) 2); // the input is not modified

    byte[] right = j2k(7, false, 3, 3);
    assertThat(J2kCodestream.parse(right, 0).codestream()).isSameAs(right);
    byte[] unknown = j2k(7, false, 3, 0); // 0: not specified, left alone
    assertThat(J2kCodestream.parse(unknown, 0).codestream()).isSameAs(unknown);
  }

  @Test
  void j2kInsideAJp2FileIsUnwrapped() throws Exception {
    byte[] cs = j2k(7, false, 1, 1);
    ByteArrayOutputStream jp2 = new ByteArrayOutputStream();
    jp2.writeBytes(new byte[] {0, 0, 0, 12, 'j', 'P', ' ', ' ', 13, 10, (byte) 0x87, 10});
    jp2.writeBytes(
        new byte[] {
          0, 0, 0, 20, 'f', 't', 'y', 'p', 'j', 'p', '2', ' ', 0, 0, 0, 0, 'j', 'p', '2', ' '
        });
    int boxLength = cs.length + 8;
    jp2.writeBytes(
        new byte[] {
          (byte) (boxLength >> 24),
          (byte) (boxLength >> 16),
          (byte) (boxLength >> 8),
          (byte) boxLength,
          'j',
          'p',
          '2',
          'c'
        });
    jp2.writeBytes(cs);
    assertThat(J2kCodestream.parse(jp2.toByteArray(), 0).codestream()).containsExactly(cs);
  }

  @Test
  void notJ2kIsSaidSo() {
    assertThatThrownBy(() -> J2kCodestream.parse(new byte[] {(byte) 0xFF, (byte) 0xD8, 0, 0}, 2))
        .isInstanceOf(DecodeException.class)
        .hasMessage("frame 2 is not a JPEG 2000 codestream (no SOC and SIZ markers)");
  }

  private static int indexOf(byte[] b, int marker) {
    for (int i = 0; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == marker) {
        return i;
      }
    }
    return -1;
  }
}
