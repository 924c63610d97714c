package io.datamint.spark.internal.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SplitRatiosTest {

  @Test
  void parseKeepsOrder() {
    SplitRatios r = SplitRatios.parse(" val=0.15, train = 0.7 ,test=0.15");
    assertThat(r.names()).containsExactly("val", "train", "test");
    assertThat(r.ratio("train")).isEqualTo(0.7);
    assertThat(r.size()).isEqualTo(3);
    assertThat(r.toString()).isEqualTo("{'val': 0.15, 'train': 0.7, 'test': 0.15}");
    assertThat(r).isEqualTo(SplitRatios.parse("val=0.15,train=0.7,test=0.15"));
    assertThat(r).isNotEqualTo(SplitRatios.parse("train=0.7,val=0.15,test=0.15"));
  }

  @Test
  void sumWithinOnePercentIsAccepted() {
    assertThat(SplitRatios.parse("a=0.5,b=0.505").size()).isEqualTo(2);
    assertThat(SplitRatios.parse("a=0.5,b=0.495").size()).isEqualTo(2);
    // IEEE doubles as in CPython: 0.5 + 0.51 = 1.0100000000000002 and |0.99 - 1| =
    // 0.010000000000000009 are
    // both more than 0.01 away, so the SDK rejects them too (checked with CPython 3.11)
    assertThatThrownBy(() -> SplitRatios.parse("a=0.5,b=0.51")).hasMessageContaining("got 1.0100");
    assertThatThrownBy(() -> SplitRatios.parse("a=0.5,b=0.49")).hasMessageContaining("got 0.9900");
  }

  /** The SDK's validation messages. */
  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = ';',
      value = {
        "train=1.0; At least 2 splits are required (e.g. train=0.7, test=0.3).",
        "train=0.7,test=0.0,val=0.3; Split ratio for 'test' must be positive, got 0.0.",
        "train=1.2,test=-0.2; Split ratio for 'test' must be positive, got -0.2.",
        "train=0.7,test=0.2; Split ratios must sum to 1.0 (got 0.9000). Provided: {'train': 0.7, 'test': 0.2}",
        "train=0.7,val=0.2,test=0.15; Split ratios must sum to 1.0 (got 1.0500). Provided: {'train': 0.7, 'val': 0.2, 'test': 0.15}",
      })
  void sdkValidationErrors(String option, String message) {
    assertThatThrownBy(() -> SplitRatios.parse(option))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(message);
  }

  @ParameterizedTest(name = "''{0}''")
  @CsvSource(
      delimiter = ';',
      value = {
        "train; not name=ratio",
        "train=0.7,,test=0.3; not name=ratio",
        "train=abc,test=0.3; 'abc'",
        "train=0.5,train=0.5; given twice",
        "train=NaN,test=0.3; not finite",
      })
  void malformedOptionsNameTheValue(String option, String fragment) {
    assertThatThrownBy(() -> SplitRatios.parse(option))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("split")
        .hasMessageContaining(fragment);
  }

  @Test
  void blankOptionIsRejected() {
    assertThatThrownBy(() -> SplitRatios.parse(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("option split");
  }
}
