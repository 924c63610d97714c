package io.datamint.spark.internal.annotation;

import static io.datamint.spark.internal.annotation.Fixtures.ann;
import static io.datamint.spark.internal.annotation.Fixtures.frameLabel;
import static io.datamint.spark.internal.annotation.Fixtures.label;
import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code image_labels} per annotator and merged (reference §2.8-2.9; §10 behaviour 10). */
class ImageLabelsTest {

  private static final LabelSchema SCHEMA =
      new LabelSchema(List.of("a", "b", "c"), List.of("a"), List.of(), List.of(), List.of());

  static Stream<Arguments> imageLabelsAreMultiHotPerAnnotatorKeyedByCreatedByOrUnknown() {
    return Stream.of(
        Arguments.of(
            "one annotator, two labels",
            List.of(label("a", "u1"), label("c", "u1")),
            Map.of("u1", new int[] {1, 0, 1})),
        Arguments.of(
            "null created_by is \"unknown\"",
            List.of(label("b", null)),
            Map.of("unknown", new int[] {0, 1, 0})),
        Arguments.of(
            "an annotator with only unknown labels gets zeros",
            List.of(label("a", "u1"), label("zzz", "u2")),
            Map.of("u1", new int[] {1, 0, 0}, "u2", new int[] {0, 0, 0})),
        Arguments.of(
            "frame labels and other types are ignored",
            List.of(frameLabel("a", 0, "u1"), ann("category", "a", null, "x", "u1")),
            Map.of()),
        Arguments.of(
            "repeated label stays 1",
            List.of(label("b", "u1"), label("b", "u1")),
            Map.of("u1", new int[] {0, 1, 0})));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void imageLabelsAreMultiHotPerAnnotatorKeyedByCreatedByOrUnknown(
      String name, List<Annotation> annotations, Map<String, int[]> expected) {
    Map<String, int[]> actual = ImageLabels.perAnnotator(annotations, SCHEMA);
    assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
    expected.forEach((k, v) -> assertThat(actual.get(k)).as(k).containsExactly(v));
  }

  static Stream<Arguments> mergedImageLabels() {
    List<int[]> two = List.of(new int[] {1, 1, 0}, new int[] {1, 0, 0});
    List<int[]> three = List.of(new int[] {1, 1, 0}, new int[] {1, 0, 1}, new int[] {0, 0, 1});
    return Stream.of(
        Arguments.of("union = any", MergeStrategy.UNION, three, new int[] {1, 1, 1}),
        Arguments.of("intersection = all", MergeStrategy.INTERSECTION, three, new int[] {0, 0, 0}),
        Arguments.of("intersection of two", MergeStrategy.INTERSECTION, two, new int[] {1, 0, 0}),
        Arguments.of("mode = majority", MergeStrategy.MODE, three, new int[] {1, 0, 1}),
        Arguments.of("mode tie: 1 of 2 is positive", MergeStrategy.MODE, two, new int[] {1, 1, 0}),
        Arguments.of(
            "no annotators: zeros (union)", MergeStrategy.UNION, List.of(), new int[] {0, 0, 0}),
        Arguments.of(
            "no annotators: zeros (intersection)",
            MergeStrategy.INTERSECTION,
            List.of(),
            new int[] {0, 0, 0}),
        Arguments.of(
            "no annotators: zeros (mode)", MergeStrategy.MODE, List.of(), new int[] {0, 0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void mergedImageLabels(String name, MergeStrategy strategy, List<int[]> vectors, int[] expected) {
    assertThat(ImageLabels.merge(vectors, strategy, 3)).containsExactly(expected);
  }
}
