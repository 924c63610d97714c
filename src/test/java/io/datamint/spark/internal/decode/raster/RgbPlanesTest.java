package io.datamint.spark.internal.decode.raster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark-independent")
class RgbPlanesTest {

  @Test
  void splitsEveryWidthAsAByteLoopDoes() {
    Random random = new Random(17);
    for (int width : new int[] {0, 1, 7, 8, 9, 15, 16, 17, 23, 1632}) {
      int start = 5; // the row's first pixel away from the array's start
      byte[] in = new byte[start + 3 * width + 4];
      random.nextBytes(in);
      byte[] out = new byte[2 + 3 * width];
      int[] planes = {2 + 2 * width, 2, 2 + width}; // the samples to planes in another order
      RgbPlanes.split(in, start, out, planes[0], planes[1], planes[2], width);
      byte[] expected = new byte[out.length];
      for (int x = 0; x < width; x++) {
        for (int k = 0; k < 3; k++) {
          expected[planes[k] + x] = in[start + 3 * x + k];
        }
      }
      assertThat(out).as("width %d", width).isEqualTo(expected);
    }
  }
}
