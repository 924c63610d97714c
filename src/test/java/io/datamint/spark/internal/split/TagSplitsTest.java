package io.datamint.spark.internal.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.datamint.spark.internal.api.model.Resource;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reference §10 behaviour 4 (legacy {@code split:*} tags). */
class TagSplitsTest {

  private static Resource resource(String json) throws Exception {
    return Resource.fromJson(new ObjectMapper().readTree(json));
  }

  @Test
  void tagsMapResourcesToSplitsSeveralAllowed() throws Exception {
    List<Resource> resources =
        List.of(
            resource("{\"id\":\"r1\",\"tags\":[\"ultrasound\",\"split:val\"]}"),
            resource("{\"id\":\"r2\",\"tags\":[\"ultrasound\"]}"),
            resource("{\"id\":\"r3\",\"tags\":[\"split:train\",\"split:test\",\"split:train\"]}"),
            resource("{\"id\":\"r4\"}"),
            resource("{\"id\":\"r5\",\"tags\":[\"split:train\"]}"));
    Map<String, List<String>> got = TagSplits.assign(resources);
    assertThat(got.keySet()).containsExactly("r1", "r3", "r5");
    assertThat(got.get("r1")).containsExactly("val");
    assertThat(got.get("r3")).containsExactly("train", "test");
    assertThat(got).doesNotContainKeys("r2", "r4");
    assertThat(TagSplits.splitNames(got)).containsExactly("val", "train", "test");
  }

  @Test
  void noTaggedResourceRaisesTheSdkError() throws Exception {
    assertThatThrownBy(
            () -> TagSplits.assign(List.of(resource("{\"id\":\"r1\",\"tags\":[\"splits:x\"]}"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "No resources have 'split:*' tags. Tag resources on the server first or use local splitting"
                + " (use_server_splits=False).");
    assertThatThrownBy(() -> TagSplits.assign(List.of()))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
