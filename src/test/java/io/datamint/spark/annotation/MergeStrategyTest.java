package io.datamint.spark.annotation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.config.InvalidOptionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class MergeStrategyTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({"union,UNION", "Intersection,INTERSECTION", " MODE ,MODE"})
  void parsesCaseInsensitively(String value, MergeStrategy expected) {
    assertThat(MergeStrategy.parse("image_labels_merge_strategy", value)).isEqualTo(expected);
  }

  @ParameterizedTest
  @NullSource
  @ValueSource(strings = {"", "none", "None"})
  void noneIsNoStrategy(String value) {
    assertThat(MergeStrategy.parse("image_labels_merge_strategy", value)).isNull();
  }

  @ParameterizedTest
  @ValueSource(strings = {"majority", "avg"})
  void otherValuesNameTheOptionAndTheAcceptedValues(String value) {
    assertThatThrownBy(() -> MergeStrategy.parse("image_categories_merge_strategy", value))
        .isInstanceOf(InvalidOptionException.class)
        .hasMessageContaining("image_categories_merge_strategy").hasMessageContaining(value)
        .hasMessageContaining("union, intersection, mode");
  }
}
