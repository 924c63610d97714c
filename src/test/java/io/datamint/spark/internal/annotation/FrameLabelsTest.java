package io.datamint.spark.internal.annotation;

import static io.datamint.spark.internal.annotation.Fixtures.frameLabel;
import static io.datamint.spark.internal.annotation.Fixtures.label;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.Annotation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The legacy v2.17 {@code frame_labels} target (reference §2.4). */
class FrameLabelsTest {

  private static final LabelSchema SCHEMA =
      new LabelSchema(List.of("x"), List.of("motion", "contrast"), List.of(), List.of(), List.of());

  static Stream<Arguments> frameLabelsAreAFramesByLabelsMatrixPerAnnotator() {
    return Stream.of(
        Arguments.of(
            "one label on one frame",
            List.of(frameLabel("contrast", 2, "u1")),
            Map.of("u1", new int[][] {{0, 0}, {0, 0}, {0, 1}})),
        Arguments.of(
            "two annotators, null author is \"unknown\"",
            List.of(
                frameLabel("motion", 0, "u1"),
                frameLabel("motion", 1, null),
                frameLabel("contrast", 1, null)),
            Map.of(
                "u1",
                new int[][] {{1, 0}, {0, 0}, {0, 0}},
                "unknown",
                new int[][] {{0, 0}, {1, 1}, {0, 0}})),
        Arguments.of(
            "unknown frame label: zero matrix",
            List.of(frameLabel("blur", 0, "u1")),
            Map.of("u1", new int[3][2])),
        Arguments.of("image labels are ignored", List.of(label("motion", "u1")), Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void frameLabelsAreAFramesByLabelsMatrixPerAnnotator(
      String name, List<Annotation> annotations, Map<String, int[][]> expected) {
    Map<String, int[][]> actual = FrameLabels.perAnnotator(annotations, SCHEMA, 3);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).isDeepEqualTo(v));
  }

  static Stream<Arguments> frameIndexOutsideTheResourceIsAnError() {
    return Stream.of(Arguments.of(3), Arguments.of(-1), Arguments.of(100));
  }

  @ParameterizedTest(name = "frame {0} of 3")
  @MethodSource
  void frameIndexOutsideTheResourceIsAnError(int frame) {
    Annotation a = frameLabel("motion", frame, "u1");
    assertThatThrownBy(() -> FrameLabels.perAnnotator(List.of(a), SCHEMA, 3))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining(a.id())
        .hasMessageContaining("frame " + frame)
        .hasMessageContaining("[0, 3)");
  }
}
