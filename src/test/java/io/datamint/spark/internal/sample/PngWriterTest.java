package io.datamint.spark.internal.sample;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class PngWriterTest {

  @Test
  void gray8RoundTrips() throws IOException {
    byte[] px = {0, 1, 2, (byte) 200, (byte) 255, 77};
    BufferedImage img = read(PngWriter.gray8(3, 2, px));
    assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(img.getWidth()).isEqualTo(3);
    assertThat(img.getHeight()).isEqualTo(2);
    assertThat(img.getRaster().getSample(0, 1, 0)).isEqualTo(200);
    assertThat(img.getRaster().getSample(1, 1, 0)).isEqualTo(255);
  }

  @Test
  void gray16KeepsSixteenBits() throws IOException {
    short[] px = {0, 4095, (short) 65535, 300};
    BufferedImage img = read(PngWriter.gray16(2, 2, px));
    assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_USHORT_GRAY);
    assertThat(img.getRaster().getSample(1, 0, 0)).isEqualTo(4095);
    assertThat(img.getRaster().getSample(0, 1, 0)).isEqualTo(65535);
  }

  @Test
  void rgbKeepsChannels() throws IOException {
    BufferedImage img = read(PngWriter.rgb(2, 1, new int[] {0x102030, 0xFF0080}));
    assertThat(img.getColorModel().getNumComponents()).isEqualTo(3);
    assertThat(img.getRGB(0, 0) & 0xFFFFFF).isEqualTo(0x102030);
    assertThat(img.getRGB(1, 0) & 0xFFFFFF).isEqualTo(0xFF0080);
  }

  @Test
  void masksAreEightBitZeroOr255() throws IOException {
    BufferedImage img = read(PngWriter.mask(2, 2, new boolean[] {true, false, false, true}));
    assertThat(img.getType()).isEqualTo(BufferedImage.TYPE_BYTE_GRAY);
    assertThat(img.getRaster().getSamples(0, 0, 2, 2, 0, (int[]) null))
        .containsExactly(255, 0, 0, 255);
  }

  @Test
  void sameInputGivesSameBytes() {
    byte[] px = new byte[64];
    px[10] = 9;
    assertThat(PngWriter.gray8(8, 8, px)).isEqualTo(PngWriter.gray8(8, 8, px.clone()));
  }

  @Test
  void rejectsAWrongPixelCount() {
    assertThatThrownBy(() -> PngWriter.gray8(3, 3, new byte[8]))
        .hasMessageContaining("needs 9 pixels");
  }

  private static BufferedImage read(byte[] png) throws IOException {
    return ImageIO.read(new ByteArrayInputStream(png));
  }
}
