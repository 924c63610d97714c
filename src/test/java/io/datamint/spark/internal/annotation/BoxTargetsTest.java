package io.datamint.spark.internal.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Json;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The SDK's box rules ({@link Boxes}, box classes of {@link LabelSchemaBuilder}), {@link
 * TrustedSources} and the unknown-type summary of {@link AnnotationTypes}.
 */
class BoxTargetsTest {

  private static Annotation parse(String json) throws Exception {
    JsonNode node = Json.MAPPER.readTree(json);
    return Annotation.fromJson(node);
  }

  private static Annotation square(String id, String name, String geometry, String source)
      throws Exception {
    return parse(
        "{\"id\":\""
            + id
            + "\",\"resource_id\":\"r\",\"type\":\"square\",\"name\":"
            + (name == null ? "null" : "\"" + name + "\"")
            + ",\"geometry\":"
            + geometry
            + ",\"source\":"
            + (source == null ? "null" : "\"" + source + "\"")
            + "}");
  }

  private static final String BOX = "{\"points\":[[1,2,0],[5,2,0],[1,7,0],[5,7,0]]}";

  @Test
  void boxClassesAreTheSortedSquareIdentifiers() throws Exception {
    List<Annotation> all =
        List.of(
            square("a", "zeta", BOX, null),
            square("b", "alpha", BOX, null),
            square("c", "", BOX, null),
            square("d", "alpha", BOX, null));
    assertThat(LabelSchemaBuilder.boxClasses(all)).containsExactly("alpha", "zeta");
    LabelSchema labels =
        new LabelSchemaBuilder(WorklistSelection.inferred(), false, true).build(null, all);
    assertThat(labels.boxLabels()).containsExactly("alpha", "zeta");
    assertThat(labels.boxLabelCode("zeta")).isEqualTo(1);
    assertThat(
            new LabelSchemaBuilder(WorklistSelection.inferred(), false)
                .build(null, all)
                .boxLabels())
        .isEmpty();
  }

  @Test
  void aBareListOfPointsIsAGeometryToo() throws Exception {
    Boxes boxes =
        Boxes.of(
            List.of(square("a", "x", "[[1,2,0],[5,2,0],[1,7,0],[5,7,0]]", null)),
            LabelSchema.empty().withBoxLabels(List.of("x")));
    assertThat(boxes.size()).isEqualTo(1);
    assertThat(boxes.coordinates().shape()).containsExactly(1, 4);
  }

  @Test
  void anUnknownClassGetsCodeZeroAsInTheSdk() throws Exception {
    Boxes boxes = Boxes.of(List.of(square("a", "other", BOX, null)), LabelSchema.empty());
    assertThat(boxes.labels().data().order(java.nio.ByteOrder.LITTLE_ENDIAN).getLong(0))
        .isEqualTo(0);
  }

  @Test
  void aGeometryThatIsNoBoxIsTheRowsError() throws Exception {
    Annotation twoPoints = square("a", "x", "{\"points\":[[1,2,0],[5,7,0]]}", null);
    assertThatThrownBy(() -> Boxes.of(List.of(twoPoints), LabelSchema.empty()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("square annotation a")
        .hasMessageContaining("four corner points");
    Annotation text = square("b", "x", "{\"points\":[[\"1\",2,0],[1,1,1],[1,1,1],[5,7,0]]}", null);
    assertThatThrownBy(() -> Boxes.of(List.of(text), LabelSchema.empty()))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("list of numbers");
  }

  @Test
  void trustedSourcesKeepAnnotationsWithoutASource() throws Exception {
    TrustedSources manual = TrustedSources.of(List.of("manual", " imported "));
    assertThat(manual.trusts(square("a", "x", BOX, "manual"))).isTrue();
    assertThat(manual.trusts(square("a", "x", BOX, "imported"))).isTrue();
    assertThat(manual.trusts(square("a", "x", BOX, "model_pipeline"))).isFalse();
    assertThat(manual.trusts(square("a", "x", BOX, null))).isTrue();
    assertThat(TrustedSources.of(null)).isEqualTo(TrustedSources.ALL);
    assertThat(TrustedSources.of(List.of("ALL"))).isEqualTo(TrustedSources.ALL);
    assertThat(TrustedSources.of(List.of()).trusts(square("a", "x", BOX, "manual"))).isFalse();
    assertThatThrownBy(() -> TrustedSources.of(List.of("all", "manual")))
        .hasMessageContaining("cannot be combined");
  }

  @Test
  void unknownTypesAreCountedAndNamed() throws Exception {
    List<Annotation> annotations =
        List.of(
            parse("{\"id\":\"1\",\"resource_id\":\"r\",\"type\":\"hologram\"}"),
            parse("{\"id\":\"2\",\"resource_id\":\"r\",\"type\":\"hologram\"}"),
            parse("{\"id\":\"3\",\"resource_id\":\"r\",\"type\":\"Float\",\"value\":1.5}"),
            parse("{\"id\":\"4\",\"resource_id\":\"r\",\"type\":\"bbox3d\"}"),
            parse("{\"id\":\"5\",\"resource_id\":\"r\"}"));
    Map<String, Integer> unknown = AnnotationTypes.unknown(annotations);
    assertThat(unknown)
        .containsExactly(Map.entry("<none>", 1), Map.entry("bbox3d", 1), Map.entry("hologram", 2));
    assertThat(AnnotationTypes.warning(unknown))
        .contains("\"hologram\" x 2", "\"bbox3d\" x 1", "annotations column");
    assertThat(AnnotationTypes.warning(Map.of())).isNull();
    assertThat(annotations.get(2).numericValue()).isEqualTo(1.5);
  }
}
