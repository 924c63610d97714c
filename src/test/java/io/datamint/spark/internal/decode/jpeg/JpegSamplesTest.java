package io.datamint.spark.internal.decode.jpeg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark-independent")
class JpegSamplesTest {

  @Test
  void samplesAreInterleavedRowMajorAndUnsigned() {
    short[] v = {1, 2, 3, 4, 5, 6, (short) 65535, 8, 9, 10, 11, 12};
    JpegSamples s = new JpegSamples(2, 2, 3, 16, v);

    assertThat(s.sample(0, 0, 0)).isEqualTo(1);
    assertThat(s.sample(1, 0, 2)).isEqualTo(6);
    assertThat(s.sample(0, 1, 0)).isEqualTo(65535);
    assertThat(s.sample(1, 1, 2)).isEqualTo(12);
    assertThat(s.maxValue()).isEqualTo(65535);
    assertThat(s)
        .isEqualTo(new JpegSamples(2, 2, 3, 16, v.clone()))
        .hasSameHashCodeAs(new JpegSamples(2, 2, 3, 16, v.clone()));
    assertThat(s.toString()).isEqualTo("JpegSamples[2x2, 3 component(s), 16-bit]");
    assertThatThrownBy(() -> s.sample(2, 0, 0)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void theArrayMustMatchTheDimensions() {
    assertThatThrownBy(() -> new JpegSamples(2, 2, 1, 8, new short[3]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("need 4");
    assertThatThrownBy(() -> new JpegSamples(0, 2, 1, 8, new short[0]))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
