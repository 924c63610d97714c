package io.datamint.spark.internal.annotation.mask;

import static io.datamint.spark.internal.annotation.mask.MaskFiles.LIMITS;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.PixelArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaskDecoderTest {

  @Test
  void greyPngIsBinarizedNotEqualZero() throws Exception {
    byte[] png = MaskFiles.greyPng(new int[][] {{0, 255, 1}, {128, 0, 0}});
    PixelArray mask = MaskDecoder.decode("a1", png, png.length, LIMITS);
    assertThat(mask.dtype()).isEqualTo(DType.UINT8);
    assertThat(mask.shape()).containsExactly(1, 2, 3);
    assertThat(bytes(mask)).containsExactly(0, 1, 1, 1, 0, 0);
  }

  @Test
  void greyStoredAsRgbKeepsChannelZero() throws Exception {
    byte[] png = MaskFiles.rgbPng(new int[][] {{0x000000, 0xFFFFFF}, {0x101010, 0x000000}});
    PixelArray mask = MaskDecoder.decode("a1", png, png.length, LIMITS);
    assertThat(mask.shape()).containsExactly(1, 2, 2);
    assertThat(bytes(mask)).containsExactly(0, 1, 1, 0);
  }

  @Test
  void trueColourIsAnErrorNamingTheAnnotation() {
    byte[] png = MaskFiles.rgbPng(new int[][] {{0x000000, 0xFF0000}});
    assertThatThrownBy(() -> MaskDecoder.decode("ann-colour", png, png.length, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("ann-colour")
        .hasMessageContaining("3 distinct channels");
  }

  @Test
  void undecodableFileIsAnErrorNamingTheAnnotation() {
    byte[] junk = "not a mask at all, just text".getBytes();
    assertThatThrownBy(() -> MaskDecoder.decode("ann-junk", junk, junk.length, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("ann-junk");
  }

  @Test
  void niftiVolumeMaskDecodesToSlicesRowsColumns() throws Exception {
    byte[] nii = MaskFiles.niftiMask(3, 2, 4, new int[] {2, 1, 3}, new int[] {0, 0, 0});
    PixelArray mask = MaskDecoder.decode("vol", nii, nii.length, LIMITS);
    assertThat(mask.shape()).containsExactly(3, 2, 4);
    byte[] v = bytes(mask);
    assertThat(v[0]).isEqualTo((byte) 1);
    assertThat(v[2 * 8 + 1 * 4 + 3]).isEqualTo((byte) 1);
    int ones = 0;
    for (byte b : v) {
      ones += b;
    }
    assertThat(ones).isEqualTo(2);
  }

  static Stream<Arguments> binarizeCases() {
    return Stream.of(
        Arguments.of(
            "float32 -0.0, NaN, 0.5, 0",
            new float[] {-0f, Float.NaN, 0.5f, 0f},
            new byte[] {0, 1, 1, 0}),
        Arguments.of(
            "float32 negative", new float[] {-3f, 0f, 0f, 1e-30f}, new byte[] {1, 0, 0, 1}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("binarizeCases")
  void binarizesFloatsAsNumpy(String name, float[] values, byte[] expected) throws Exception {
    PixelArray pixels = MaskFiles.float32(new int[] {1, 1, 2, 2}, values);
    assertThat(bytes(MaskDecoder.binarize("f", pixels, LIMITS))).containsExactly(expected);
  }

  @Test
  void rgbaWithEqualColourChannelsKeepsChannelZeroWhateverTheAlpha() throws Exception {
    // (1, 4, 1, 2): R = G = B, alpha differs
    PixelArray pixels = MaskFiles.uint8(new int[] {1, 4, 1, 2}, 0, 9, 0, 9, 0, 9, 255, 255);
    assertThat(bytes(MaskDecoder.binarize("rgba", pixels, LIMITS))).containsExactly(0, 1);
  }

  @Test
  void greyPlusAlphaIsNotCollapsed() throws Exception {
    PixelArray pixels = MaskFiles.uint8(new int[] {1, 2, 1, 1}, 5, 5);
    assertThatThrownBy(() -> MaskDecoder.binarize("la", pixels, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("la");
  }

  @Test
  void colourDifferingInOneLaterFrameIsAnError() throws Exception {
    // (2, 3, 1, 1): frame 0 grey, frame 1 has G != R
    PixelArray pixels = MaskFiles.uint8(new int[] {2, 3, 1, 1}, 7, 7, 7, 7, 8, 7);
    assertThatThrownBy(() -> MaskDecoder.binarize("f2", pixels, LIMITS))
        .isInstanceOf(DecodeException.class);
  }
}
