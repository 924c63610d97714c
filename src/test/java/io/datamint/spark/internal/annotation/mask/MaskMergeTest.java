package io.datamint.spark.internal.annotation.mask;

import static io.datamint.spark.internal.annotation.mask.MaskFiles.LIMITS;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.float32;
import static io.datamint.spark.internal.annotation.mask.MaskFiles.floats;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.annotation.MergeStrategy;
import io.datamint.spark.internal.core.PixelArray;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class MaskMergeTest {

  /** Authors' values at 4 positions of a (L+1 = 2, H = 1, W = 2) tensor. */
  static Stream<Arguments> cases() {
    float[] a = {1, 1, 0, 1};
    float[] b = {1, 0, 0, 1};
    float[] c = {0, 0, 1, 1};
    return Stream.of(
        Arguments.of(MergeStrategy.UNION, List.of(a, b), new float[] {1, 1, 0, 1}),
        Arguments.of(MergeStrategy.INTERSECTION, List.of(a, b), new float[] {1, 0, 0, 1}),
        Arguments.of(
            MergeStrategy.MODE,
            List.of(a, b),
            new float[] {1, 1, 0, 1}), // 1 of 2 is a tie: positive
        Arguments.of(MergeStrategy.UNION, List.of(a, b, c), new float[] {1, 1, 1, 1}),
        Arguments.of(MergeStrategy.INTERSECTION, List.of(a, b, c), new float[] {0, 0, 0, 1}),
        Arguments.of(
            MergeStrategy.MODE, List.of(a, b, c), new float[] {1, 0, 0, 1}), // 1 of 3 < 1.5
        Arguments.of(MergeStrategy.MODE, List.of(c), new float[] {0, 0, 1, 1}));
  }

  @ParameterizedTest(name = "{0} of {1}")
  @MethodSource("cases")
  void mergesChannelWise(MergeStrategy s, List<float[]> authors, float[] expected)
      throws Exception {
    List<PixelArray> tensors = new ArrayList<>();
    for (float[] v : authors) {
      tensors.add(float32(new int[] {2, 1, 2}, v));
    }
    PixelArray merged = MaskMerge.merge(s, tensors, 1, new int[] {1, 2}, LIMITS);
    assertThat(merged.shape()).containsExactly(2, 1, 2);
    assertThat(floats(merged)).containsExactly(expected);
  }

  @Test
  void backgroundIsNotRecomputedAfterUnion() throws Exception {
    PixelArray a = float32(new int[] {2, 1}, 1, 0); // author a: background
    PixelArray b = float32(new int[] {2, 1}, 0, 1); // author b: label 1
    assertThat(
            floats(MaskMerge.merge(MergeStrategy.UNION, List.of(a, b), 1, new int[] {1}, LIMITS)))
        .containsExactly(1, 1);
  }

  @Test
  void zeroAuthorsGiveBackgroundEverywhere() throws Exception {
    for (MergeStrategy s : MergeStrategy.values()) {
      PixelArray merged = MaskMerge.merge(s, List.of(), 2, new int[] {2, 1, 2}, LIMITS);
      assertThat(merged.shape()).containsExactly(3, 2, 1, 2);
      assertThat(floats(merged)).containsExactly(1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0);
    }
  }

  @Test
  void shapesMustAgree() throws Exception {
    PixelArray a = float32(new int[] {2, 1});
    assertThatThrownBy(
            () -> MaskMerge.merge(MergeStrategy.UNION, List.of(a), 2, new int[] {1}, LIMITS))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
