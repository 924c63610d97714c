package io.datamint.spark.internal.annotation;

import static io.datamint.spark.internal.annotation.Fixtures.ann;
import static io.datamint.spark.internal.annotation.Fixtures.category;
import static io.datamint.spark.internal.annotation.Fixtures.frameLabel;
import static io.datamint.spark.internal.annotation.Fixtures.label;
import static io.datamint.spark.internal.annotation.Fixtures.seg;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The SDK's annotation filters (reference §2.3; §10 behaviours 7, 8 and 9). */
class AnnotationFilterTest {

  /**
   * Image labels {tumor}, frame labels {artifact}, image category quality, frame category phase,
   * seg liver.
   */
  private static final LabelSchema SCHEMA =
      new LabelSchema(
          List.of("tumor"),
          List.of("artifact"),
          List.of(new CategoryValue("quality", "good")),
          List.of(new CategoryValue("phase", "arterial")),
          List.of("liver"));

  private static AnnotationFilter schemaCheck(boolean external) {
    return new AnnotationFilter(
        SCHEMA,
        external,
        NameFilter.NONE,
        NameFilter.NONE,
        NameFilter.NONE,
        NameFilter.NONE,
        TrustedSources.ALL);
  }

  static Stream<Arguments> schemaCheckDropsOnlyUnknownSegmentationsLabelsAndCategoryIdentifiers() {
    return Stream.of(
        Arguments.of("known segmentation", seg("liver", "u"), true, true),
        Arguments.of("unknown segmentation", seg("heart", "u"), false, true),
        Arguments.of("segmentation without identifier", seg(null, "u"), false, true),
        Arguments.of("known image label", label("tumor", "u"), true, true),
        Arguments.of(
            "image label known only as a frame label", label("artifact", "u"), false, true),
        Arguments.of("known frame label", frameLabel("artifact", 3, "u"), true, true),
        Arguments.of(
            "frame label known only as an image label", frameLabel("tumor", 3, "u"), false, true),
        Arguments.of("known category pair", category("quality", "good", "u"), true, true),
        Arguments.of("category value not checked", category("quality", "awful", "u"), true, true),
        Arguments.of("category with a null value", category("quality", null, "u"), true, true),
        Arguments.of("unknown category identifier", category("view", "AP", "u"), false, true),
        Arguments.of(
            "image category identifier on a frame",
            ann("category", "quality", 1, "good", "u"),
            false,
            true),
        Arguments.of(
            "frame category identifier on a frame",
            ann("category", "phase", 1, "venous", "u"),
            true,
            true),
        Arguments.of(
            "other type with unknown identifier (square)",
            ann("square", "box", null, null, "u"),
            true,
            true),
        Arguments.of(
            "other type (float) on a frame", ann("float", "size", 2, null, "u"), true, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void schemaCheckDropsOnlyUnknownSegmentationsLabelsAndCategoryIdentifiers(
      String name, Annotation annotation, boolean keptWithoutExternal, boolean keptWithExternal) {
    assertThat(schemaCheck(false).includes(annotation)).isEqualTo(keptWithoutExternal);
    assertThat(schemaCheck(true).includes(annotation)).isEqualTo(keptWithExternal);
  }

  static Stream<Arguments> includeExcludeFiltersCompareExactNamesAndKeepNullAuthors() {
    NameFilter onlyU1 = NameFilter.of(List.of("u1"), null);
    NameFilter notU1 = NameFilter.of(null, List.of("u1"));
    NameFilter none = NameFilter.NONE;
    return Stream.of(
        Arguments.of(
            "include_annotators keeps a listed author",
            filter(onlyU1, none, none, none),
            label("tumor", "u1"),
            true),
        Arguments.of(
            "include_annotators drops another author",
            filter(onlyU1, none, none, none),
            label("tumor", "u2"),
            false),
        Arguments.of(
            "include_annotators compares exact strings",
            filter(onlyU1, none, none, none),
            label("tumor", "U1"),
            false),
        Arguments.of(
            "include_annotators keeps a null author",
            filter(onlyU1, none, none, none),
            seg("liver", null),
            true),
        Arguments.of(
            "exclude_annotators drops a listed author",
            filter(notU1, none, none, none),
            ann("square", "b", null, null, "u1"),
            false),
        Arguments.of(
            "exclude_annotators keeps a null author",
            filter(notU1, none, none, none),
            label("tumor", null),
            true),
        Arguments.of(
            "empty include_annotators keeps only null authors",
            filter(NameFilter.of(List.of(), null), none, none, none),
            label("tumor", "u1"),
            false),
        Arguments.of(
            "include_segmentation_names",
            filter(none, NameFilter.of(List.of("liver"), null), none, none),
            seg("liver", "u"),
            true),
        Arguments.of(
            "exclude_segmentation_names",
            filter(none, NameFilter.of(null, List.of("liver")), none, none),
            seg("liver", "u"),
            false),
        Arguments.of(
            "segmentation names do not apply to labels",
            filter(none, NameFilter.of(List.of(), null), none, none),
            label("tumor", "u"),
            true),
        Arguments.of(
            "exclude_image_label_names",
            filter(none, none, NameFilter.of(null, List.of("tumor")), none),
            label("tumor", "u"),
            false),
        Arguments.of(
            "image label names do not apply to frame labels",
            filter(none, none, NameFilter.of(List.of(), null), none),
            frameLabel("artifact", 0, "u"),
            true),
        Arguments.of(
            "include_frame_label_names",
            filter(none, none, none, NameFilter.of(List.of("other"), null)),
            frameLabel("artifact", 0, "u"),
            false),
        Arguments.of(
            "no name filter applies to categories",
            filter(
                none,
                NameFilter.of(List.of(), null),
                NameFilter.of(List.of(), null),
                NameFilter.of(List.of(), null)),
            category("quality", "good", "u"),
            true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void includeExcludeFiltersCompareExactNamesAndKeepNullAuthors(
      String name, AnnotationFilter filter, Annotation annotation, boolean kept) {
    assertThat(filter.includes(annotation)).isEqualTo(kept);
  }

  @Test
  void aFilterWithBothListsIsRefused() {
    // the options layer reports it naming the two options (DatamintOptionsTest)
    assertThatThrownBy(() -> NameFilter.of(List.of("a"), List.of()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("mutually exclusive");
  }

  static Stream<Arguments> includeUnannotatedAppliesAfterTheFilters() {
    List<Annotation> onlyU2 = List.of(label("tumor", "u2"), ann("point", "p", null, null, "u2"));
    List<Annotation> withSquare =
        List.of(label("tumor", "u2"), ann("square", "b", null, null, "u1"));
    List<Annotation> withNullAuthor = List.of(label("tumor", "u2"), seg("heart", null));
    return Stream.of(
        Arguments.of(
            "all annotations filtered out, include_unannotated=false: dropped",
            onlyU2,
            false,
            false),
        Arguments.of(
            "all annotations filtered out, include_unannotated=true: kept", onlyU2, true, true),
        Arguments.of("a kept annotation of another type counts", withSquare, false, true),
        Arguments.of(
            "an annotation dropped by the schema check does not count",
            withNullAuthor,
            false,
            false),
        Arguments.of(
            "no annotations at all, include_unannotated=false: dropped", List.of(), false, false));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void includeUnannotatedAppliesAfterTheFilters(
      String name, List<Annotation> annotations, boolean includeUnannotated, boolean kept) {
    AnnotationFilter filter =
        new AnnotationFilter(
            SCHEMA,
            false,
            NameFilter.of(List.of("u1"), null),
            NameFilter.NONE,
            NameFilter.NONE,
            NameFilter.NONE,
            TrustedSources.ALL);
    assertThat(AnnotationFilter.keepsResource(filter.apply(annotations), includeUnannotated))
        .isEqualTo(kept);
  }

  @Test
  void filterKeepsAnnotationOrder() {
    List<Annotation> in =
        List.of(seg("liver", "u"), label("x", "u"), label("tumor", "u"), seg("liver", "v"));
    assertThat(schemaCheck(false).apply(in)).containsExactly(in.get(0), in.get(2), in.get(3));
  }

  @Test
  void filterIsSerializable() throws Exception {
    AnnotationFilter filter =
        new AnnotationFilter(
            SCHEMA,
            false,
            NameFilter.of(List.of("u1"), null),
            NameFilter.NONE,
            NameFilter.of(null, List.of("x")),
            NameFilter.NONE,
            TrustedSources.ALL);
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(filter);
    }
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      AnnotationFilter copy = (AnnotationFilter) in.readObject();
      assertThat(copy.includes(label("tumor", "u1"))).isTrue();
      assertThat(copy.includes(label("tumor", "u2"))).isFalse();
    }
  }

  private static AnnotationFilter filter(
      NameFilter annotators, NameFilter segs, NameFilter images, NameFilter frames) {
    return new AnnotationFilter(
        SCHEMA, false, annotators, segs, images, frames, TrustedSources.ALL);
  }
}
