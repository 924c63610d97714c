package io.datamint.spark.internal.decode.video;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark-independent")
class RgbConverterTest {

  @Test
  void packedRowsWithPaddingBecomePlanes() {
    // 3x2 pixels, rows 12 bytes apart (9 bytes of RGB + 3 of padding), written after a 2-byte
    // offset.
    byte[] packed = {
      1, 2, 3, 4, 5, 6, 7, 8, 9, -1, -1, -1,
      10, 11, 12, 13, 14, 15, 16, 17, 18, -1, -1, -1
    };
    byte[] planar = new byte[2 + 18];
    RgbConverter.deinterleave(packed, 12, 3, 2, planar, 2);
    assertThat(planar)
        .containsExactly(0, 0, 1, 4, 7, 10, 13, 16, 2, 5, 8, 11, 14, 17, 3, 6, 9, 12, 15, 18);
  }
}
