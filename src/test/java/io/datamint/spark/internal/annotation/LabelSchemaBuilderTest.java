package io.datamint.spark.internal.annotation;

import static io.datamint.spark.internal.annotation.Fixtures.ann;
import static io.datamint.spark.internal.annotation.Fixtures.category;
import static io.datamint.spark.internal.annotation.Fixtures.frameLabel;
import static io.datamint.spark.internal.annotation.Fixtures.label;
import static io.datamint.spark.internal.annotation.Fixtures.seg;
import static io.datamint.spark.internal.annotation.Fixtures.spec;
import static io.datamint.spark.internal.annotation.Fixtures.worklist;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Worklist;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Label sets and codes (reference §2.2; §10 behaviours 5 and 6). */
class LabelSchemaBuilderTest {

  private static final Worklist W1 =
      worklist(
          "w1",
          "first",
          List.of(
              spec("label", "image", "tumor"),
              spec("label", "frame", "artifact"),
              spec("label", "image", "cyst"),
              spec("category", "image", "quality", "good", "bad"),
              spec("category", "frame", "phase", "arterial"),
              spec("category", "image", "view", "AP", "PA")),
          "liver",
          1,
          "kidney",
          3);
  private static final Worklist W2 =
      worklist(
          "w2",
          "second",
          List.of(
              spec("label", "image", "cyst"),
              spec("label", "image", "bleed"),
              spec("category", "image", "quality", "bad", "good")),
          "kidney",
          3,
          "spleen",
          5);

  private static final List<Annotation> DATA =
      List.of(
          seg("zeta", "u1"),
          seg("alpha", "u2"),
          seg("Mid", null),
          seg("alpha", "u1"),
          label("b", "u1"),
          label("a", "u2"),
          label("B", "u1"),
          frameLabel("f", 0, "u1"),
          category("q", "x", "u1"),
          category("p", "z", "u1"),
          category("q", "a", "u2"));

  private static LabelSchema schema(
      WorklistSelection selection,
      boolean external,
      List<Worklist> worklists,
      List<Annotation> data) {
    return new LabelSchemaBuilder(selection, external).build(worklists, data);
  }

  static Stream<Arguments> segmentationCodes() {
    return Stream.of(
        Arguments.of(
            "schema: code = group index, UNKNOWN gaps, length max(index)",
            schema(WorklistSelection.all(), false, List.of(W1), DATA),
            List.of("liver", "UNKNOWN", "kidney"),
            Map.of("liver", 1, "kidney", 3, "UNKNOWN", -1, "alpha", -1)),
        Arguments.of(
            "schema: groups merged across worklists",
            schema(WorklistSelection.all(), false, List.of(W1, W2), DATA),
            List.of("liver", "UNKNOWN", "kidney", "UNKNOWN", "spleen"),
            Map.of("spleen", 5, "kidney", 3)),
        Arguments.of(
            "schema: selected by name and id, in selection order",
            schema(WorklistSelection.of(List.of("second", "w1")), false, List.of(W1, W2), DATA),
            List.of("liver", "UNKNOWN", "kidney", "UNKNOWN", "spleen"),
            Map.of("liver", 1)),
        Arguments.of(
            "schema: an empty selection has no labels",
            schema(WorklistSelection.of(List.of()), false, List.of(W1, W2), DATA),
            List.of(),
            Map.of("liver", -1)),
        Arguments.of(
            "schema: external segmentation names appended, sorted, after the list",
            schema(WorklistSelection.all(), true, List.of(W1), DATA),
            List.of("liver", "UNKNOWN", "kidney", "Mid", "alpha", "zeta"),
            Map.of("kidney", 3, "Mid", 4, "alpha", 5, "zeta", 6)),
        Arguments.of(
            "inferred (no project): sorted identifiers, 1-based codes",
            schema(WorklistSelection.all(), false, null, DATA),
            List.of("Mid", "alpha", "zeta"),
            Map.of("Mid", 1, "alpha", 2, "zeta", 3)),
        Arguments.of(
            "inferred (worklists=none) ignores the worklists",
            schema(WorklistSelection.inferred(), false, List.of(W1), DATA),
            List.of("Mid", "alpha", "zeta"),
            Map.of("liver", -1)),
        Arguments.of(
            "no project and no annotations: empty",
            schema(WorklistSelection.all(), false, null, List.of()),
            List.of(),
            Map.of()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void segmentationCodes(
      String name, LabelSchema schema, List<String> labels, Map<String, Integer> codes) {
    assertThat(schema.segmentationLabels()).containsExactlyElementsOf(labels);
    assertThat(schema.segmentationCodeCount()).isEqualTo(labels.size());
    codes.forEach(
        (label, code) -> assertThat(schema.segmentationCode(label)).as(label).isEqualTo(code));
  }

  static Stream<Arguments> labelAndCategoryCodes() {
    return Stream.of(
        Arguments.of(
            "schema: labels and categories in spec order, first occurrence wins",
            schema(WorklistSelection.all(), false, List.of(W1, W2), DATA),
            List.of("tumor", "cyst", "bleed"),
            List.of("artifact"),
            List.of(
                cv("quality", "good"), cv("quality", "bad"), cv("view", "AP"), cv("view", "PA")),
            List.of(cv("phase", "arterial"))),
        Arguments.of(
            "schema: the second worklist first changes the order",
            schema(WorklistSelection.of(List.of("w2", "w1")), false, List.of(W1, W2), DATA),
            List.of("cyst", "bleed", "tumor"),
            List.of("artifact"),
            List.of(
                cv("quality", "bad"), cv("quality", "good"), cv("view", "AP"), cv("view", "PA")),
            List.of(cv("phase", "arterial"))),
        Arguments.of(
            "schema + external: data identifiers appended, sorted among themselves",
            schema(WorklistSelection.of(List.of("w2")), true, List.of(W1, W2), DATA),
            List.of("cyst", "bleed", "B", "a", "b"),
            List.of("f"),
            List.of(
                cv("quality", "bad"),
                cv("quality", "good"),
                cv("p", "z"),
                cv("q", "a"),
                cv("q", "x")),
            List.of()),
        Arguments.of(
            "inferred: sorted by code point (upper case first), image scope = no frame index",
            schema(WorklistSelection.inferred(), false, List.of(W1), DATA),
            List.of("B", "a", "b"),
            List.of("f"),
            List.of(cv("p", "z"), cv("q", "a"), cv("q", "x")),
            List.of()),
        Arguments.of(
            "inferred: a null category value sorts first",
            schema(
                WorklistSelection.inferred(),
                false,
                null,
                List.of(
                    category("q", "x", "u"),
                    category("q", null, "u"),
                    ann("category", "f", 2, "v", "u"))),
            List.of(),
            List.of(),
            List.of(cv("q", null), cv("q", "x")),
            List.of(cv("f", "v"))));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void labelAndCategoryCodes(
      String name,
      LabelSchema schema,
      List<String> imageLabels,
      List<String> frameLabels,
      List<CategoryValue> imageCategories,
      List<CategoryValue> frameCategories) {
    assertThat(schema.imageLabels()).containsExactlyElementsOf(imageLabels);
    assertThat(schema.frameLabels()).containsExactlyElementsOf(frameLabels);
    assertThat(schema.imageCategories()).containsExactlyElementsOf(imageCategories);
    assertThat(schema.frameCategories()).containsExactlyElementsOf(frameCategories);
    for (int i = 0; i < imageLabels.size(); i++) {
      assertThat(schema.imageLabelCode(imageLabels.get(i))).isEqualTo(i);
    }
    for (int i = 0; i < imageCategories.size(); i++) {
      CategoryValue c = imageCategories.get(i);
      assertThat(schema.imageCategoryCode(c.identifier(), c.value())).isEqualTo(i);
    }
    assertThat(schema.imageLabelCode("nope")).isEqualTo(-1);
    assertThat(schema.imageCategoryCode("quality", "nope")).isEqualTo(-1);
  }

  static Stream<Arguments> schemaErrors() {
    Worklist otherLabelType =
        worklist("w3", "third", List.of(spec("category", "image", "tumor", "yes")));
    Worklist otherValues =
        worklist("w4", null, List.of(spec("category", "image", "quality", "good")));
    Worklist otherIndex = worklist("w5", "fifth", List.of(), "liver", 2);
    Worklist reusedIndex = worklist("w6", "sixth", List.of(), "heart", 1);
    return Stream.of(
        Arguments.of(
            "ambiguous: label vs category under the same key",
            List.of(W1, otherLabelType),
            "all",
            "Ambiguous annotation specs for scope 'image' and identifier 'tumor'"),
        Arguments.of(
            "ambiguous: category values differ",
            List.of(W1, otherValues),
            "all",
            "Set worklists=None to infer labels from data"),
        Arguments.of(
            "segmentation group name with two indexes",
            List.of(W1, otherIndex),
            "all",
            "segmentation group \"liver\" has index 1 in one worklist and 2"),
        Arguments.of(
            "segmentation index reused by another name",
            List.of(W1, reusedIndex),
            "all",
            "segmentation index 1 is used by group \"liver\" and by group \"heart\""),
        Arguments.of(
            "unknown worklist", List.of(W1), "nope", "\"nope\" is neither the id nor the name"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource
  void schemaErrors(String name, List<Worklist> worklists, String selection, String message) {
    WorklistSelection s =
        selection.equals("all")
            ? WorklistSelection.all()
            : WorklistSelection.of(List.of(selection));
    assertThatThrownBy(() -> schema(s, false, worklists, DATA))
        .isInstanceOf(LabelSchemaException.class)
        .hasMessageContaining(message);
  }

  @Test
  void sameSpecsInAnyValueOrderAreNotAmbiguous() {
    assertThat(schema(WorklistSelection.all(), false, List.of(W1, W2), DATA).imageCategories())
        .hasSize(4);
  }

  @Test
  void malformedSegmentationGroupGivesNoSegmentationLabelsAsTheSdk() {
    Worklist bad =
        worklist("w7", "bad", List.of(spec("label", "image", "x")), "liver", 1, "zero", 0);
    LabelSchema schema = schema(WorklistSelection.all(), false, List.of(bad), DATA);
    assertThat(schema.segmentationLabels()).isEmpty();
    assertThat(schema.imageLabels()).containsExactly("x");
  }

  @Test
  void labelSetsAreBuiltFromAllAnnotationsBeforeFiltering() {
    LabelSchema schema = Fixtures.inferred(DATA);
    AnnotationFilter filter =
        new AnnotationFilter(
            schema,
            false,
            NameFilter.of(null, List.of("u2")),
            NameFilter.NONE,
            NameFilter.NONE,
            NameFilter.NONE,
            TrustedSources.ALL);
    assertThat(filter.apply(DATA)).noneMatch(a -> "u2".equals(a.createdBy()));
    assertThat(schema.imageLabels()).contains("a"); // only u2 labeled "a"
    assertThat(schema.segmentationLabels()).contains("alpha");
  }

  @Test
  void schemaIsSerializable() throws Exception {
    LabelSchema schema = schema(WorklistSelection.all(), true, List.of(W1, W2), DATA);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(schema);
    }
    try (ObjectInputStream in =
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      LabelSchema copy = (LabelSchema) in.readObject();
      assertThat(copy).isEqualTo(schema);
      assertThat(copy.segmentationCode("spleen")).isEqualTo(5);
    }
  }

  private static CategoryValue cv(String identifier, String value) {
    return new CategoryValue(identifier, value);
  }
}
