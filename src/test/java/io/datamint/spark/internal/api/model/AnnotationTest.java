package io.datamint.spark.internal.api.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AnnotationTest {

  private static Annotation parse(String json) throws Exception {
    return Annotation.fromJson(Json.MAPPER.readTree(json));
  }

  @Test
  void shortKeysAreRenamedAndFrameScopeInferred() throws Exception {
    Annotation a =
        parse(
            "{\"id\":\"1\",\"resource_id\":\"r\",\"name\":\"Line1\",\"type\":\"line\",\"index\":2,"
                + "\"added_by\":\"u@x\",\"geometry\":{\"points\":[[0,0,2],[10,30,2]]}}");
    assertThat(a.identifier()).isEqualTo("Line1");
    assertThat(a.annotationType()).isEqualTo("line");
    assertThat(a.createdBy()).isEqualTo("u@x");
    assertThat(a.scope()).isEqualTo("frame");
    assertThat(a.frameIndex()).isEqualTo(2);
    assertThat(a.geometryJson()).isEqualTo("{\"points\":[[0,0,2],[10,30,2]]}");
  }

  @Test
  void missingScopeWithoutFrameIsImage() throws Exception {
    Annotation a =
        parse(
            "{\"id\":\"1\",\"resource_id\":\"r\",\"identifier\":\"x\",\"annotation_type\":\"label\"}");
    assertThat(a.scope()).isEqualTo("image");
    assertThat(a.frameIndex()).isNull();
  }

  @Test
  void imageScopeClearsTheFrameIndex() throws Exception {
    Annotation a =
        parse(
            "{\"id\":\"1\",\"resource_id\":\"r\",\"type\":\"label\",\"scope\":\"image\",\"index\":4}");
    assertThat(a.frameIndex()).isNull();
  }

  @Test
  void segmentationKeepsItsFrameUnlikeTheSdk() throws Exception {
    Annotation a =
        parse(
            "{\"id\":\"1\",\"resource_id\":\"r\",\"type\":\"segmentation\",\"name\":\"vessel\","
                + "\"index\":7}");
    assertThat(a.scope()).isEqualTo("frame");
    assertThat(a.frameIndex()).isEqualTo(7);
  }

  @Test
  void numericValuesGoToNumericValue() throws Exception {
    assertThat(
            parse("{\"id\":\"1\",\"resource_id\":\"r\",\"type\":\"float\",\"value\":\"2.5\"}")
                .numericValue())
        .isEqualTo(2.5);
    Annotation category =
        parse("{\"id\":\"1\",\"resource_id\":\"r\",\"type\":\"category\",\"value\":\"good\"}");
    assertThat(category.textValue()).isEqualTo("good");
    assertThat(category.numericValue()).isNull();
  }

  @Test
  void longKeysWinOverShortOnes() throws Exception {
    Annotation a =
        parse(
            "{\"id\":\"1\",\"resource_id\":\"r\",\"identifier\":\"long\",\"name\":\"short\","
                + "\"created_by\":\"a\",\"added_by\":\"b\"}");
    assertThat(a.identifier()).isEqualTo("long");
    assertThat(a.createdBy()).isEqualTo("a");
  }
}
