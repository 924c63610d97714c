package io.datamint.spark.internal.annotation;

import static io.datamint.spark.internal.annotation.Fixtures.ann;
import static io.datamint.spark.internal.annotation.Fixtures.category;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code image_categories} per annotator and merged (reference §2.8-2.9; §10 behaviour 11). */
class ImageCategoriesTest {

  /** Codes: 0 quality/good, 1 quality/bad, 2 view/AP, 3 view/PA. */
  private static final LabelSchema SCHEMA =
      new LabelSchema(
          List.of(),
          List.of(),
          List.of(
              new CategoryValue("quality", "good"),
              new CategoryValue("quality", "bad"),
              new CategoryValue("view", "AP"),
              new CategoryValue("view", "PA")),
          List.of(),
          List.of());

  static Stream<Arguments> firstKnownCategoryPerAnnotatorWins() {
    return Stream.of(
        Arguments.of(
            "code = position in the flat pair list",
            List.of(category("view", "PA", "u1")),
            Map.of("u1", 3)),
        Arguments.of(
            "first known wins, a later other identifier is ignored",
            List.of(category("quality", "bad", "u1"), category("view", "AP", "u1")),
            Map.of("u1", 1)),
        Arguments.of(
            "unknown pairs are skipped",
            List.of(category("quality", "awful", "u1"), category("view", "AP", "u1")),
            Map.of("u1", 2)),
        Arguments.of(
            "only unknown pairs: annotator absent",
            List.of(category("quality", "awful", "u1"), category("nope", "x", "u2")),
            Map.of()),
        Arguments.of(
            "null created_by is \"unknown\"",
            List.of(category("quality", "good", null)),
            Map.of("unknown", 0)),
        Arguments.of(
            "frame-level categories are not emitted",
            List.of(ann("category", "quality", 0, "good", "u1")),
            Map.of()),
        Arguments.of(
            "each annotator separately",
            List.of(
                category("quality", "good", "u1"),
                category("quality", "bad", "u2"),
                category("view", "PA", "u1")),
            Map.of("u1", 0, "u2", 1)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void firstKnownCategoryPerAnnotatorWins(
      String name, List<Annotation> annotations, Map<String, Integer> expected) {
    assertThat(ImageCategories.perAnnotator(annotations, SCHEMA)).isEqualTo(expected);
  }

  static Stream<Arguments> modeMergeTiesToTheLowestIndexAndEmptyIsMinusOne() {
    return Stream.of(
        Arguments.of("most frequent", List.of(2, 1, 2), 2),
        Arguments.of("tie goes to the lowest index", List.of(3, 1), 1),
        Arguments.of("tie among several, order does not matter", List.of(2, 1, 2, 1, 3, 3), 1),
        Arguments.of("single annotator", List.of(3), 3),
        Arguments.of("no annotators: -1", List.of(), -1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void modeMergeTiesToTheLowestIndexAndEmptyIsMinusOne(
      String name, List<Integer> codes, int expected) {
    assertThat(ImageCategories.mode(codes)).isEqualTo(expected);
  }

  static Stream<Arguments> unionAndIntersectionAreMultiHot() {
    return Stream.of(
        Arguments.of("union", MergeStrategy.UNION, List.of(0, 2, 0), new int[] {1, 0, 1, 0}),
        Arguments.of(
            "intersection, disagreeing",
            MergeStrategy.INTERSECTION,
            List.of(0, 2),
            new int[] {0, 0, 0, 0}),
        Arguments.of(
            "intersection, agreeing",
            MergeStrategy.INTERSECTION,
            List.of(3, 3),
            new int[] {0, 0, 0, 1}),
        Arguments.of(
            "union, no annotators: zeros", MergeStrategy.UNION, List.of(), new int[] {0, 0, 0, 0}),
        Arguments.of(
            "intersection, no annotators: zeros",
            MergeStrategy.INTERSECTION,
            List.of(),
            new int[] {0, 0, 0, 0}));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void unionAndIntersectionAreMultiHot(
      String name, MergeStrategy strategy, List<Integer> codes, int[] expected) {
    assertThat(ImageCategories.multiHot(codes, strategy, 4)).containsExactly(expected);
  }

  @Test
  void multiHotRejectsModeAndOutOfRangeCodes() {
    assertThatThrownBy(() -> ImageCategories.multiHot(List.of(0), MergeStrategy.MODE, 4))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> ImageCategories.multiHot(List.of(4), MergeStrategy.UNION, 4))
        .hasMessageContaining("code 4");
  }
}
