package io.datamint.spark.internal.annotation.mask;

import static io.datamint.spark.internal.annotation.mask.MaskFiles.LIMITS;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.floats;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.uint8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.PixelArray;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class SemanticMasksTest {

  @Test
  void channelsAreTheOrOfTheirInstancesMultiHotWithBackground() throws Exception {
    // 3 instances over (D=1, H=1, W=4): two of code 1 overlapping, one of code 2 overlapping the
    // first
    PixelArray inst = uint8(new int[] {3, 1, 1, 4}, 1, 1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0);
    PixelArray sem = SemanticMasks.fromInstances(inst, new int[] {1, 1, 2}, 3, LIMITS);
    assertThat(sem.dtype()).isEqualTo(DType.FLOAT32);
    assertThat(sem.shape()).containsExactly(4, 1, 1, 4);
    assertThat(floats(sem))
        .containsExactly(
            0, 0, 0, 1, // background: only the uncovered pixel
            1, 1, 0, 0, // code 1
            0, 1, 1, 0, // code 2 (pixel 1 is multi-hot)
            0, 0, 0, 0); // code 3: no instance
  }

  @Test
  void noInstancesIsAllBackground() throws Exception {
    PixelArray sem =
        SemanticMasks.fromInstances(
            PixelArray.wrap(DType.UINT8, new int[] {0, 2, 2}, ByteBuffer.allocate(0)),
            new int[0],
            1,
            LIMITS);
    assertThat(sem.shape()).containsExactly(2, 2, 2);
    assertThat(floats(sem)).containsExactly(1, 1, 1, 1, 0, 0, 0, 0);
  }

  @Test
  void codeZeroIsBackgroundAndAnError() throws Exception {
    PixelArray inst = uint8(new int[] {1, 1, 1}, 1);
    assertThatThrownBy(() -> SemanticMasks.fromInstances(inst, new int[] {0}, 2, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("label code 0 (background)");
  }

  @Test
  void codeAboveTheLabelCountIsAnError() throws Exception {
    PixelArray inst = uint8(new int[] {1, 1, 1}, 1);
    assertThatThrownBy(() -> SemanticMasks.fromInstances(inst, new int[] {3}, 2, LIMITS))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("label code 3, outside 1..2");
  }
}
