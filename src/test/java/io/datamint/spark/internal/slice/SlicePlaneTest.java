package io.datamint.spark.internal.slice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SlicePlaneTest {

  @Test
  void parsesNamesAndIndicesCaseInsensitively() {
    assertThat(SlicePlane.parse("axial")).isEqualTo(SlicePlane.AXIAL);
    assertThat(SlicePlane.parse("Coronal")).isEqualTo(SlicePlane.CORONAL);
    assertThat(SlicePlane.parse("SAGITTAL")).isEqualTo(SlicePlane.SAGITTAL);
    assertThat(SlicePlane.parse("0")).isEqualTo(SlicePlane.AXIAL);
    assertThat(SlicePlane.parse("1")).isEqualTo(SlicePlane.CORONAL);
    assertThat(SlicePlane.parse(" 2 ")).isEqualTo(SlicePlane.SAGITTAL);
    assertThat(SlicePlane.CORONAL.label()).isEqualTo("coronal");
  }

  @Test
  void rejectsOtherValuesNamingThemAndWhatIsAccepted() {
    for (String bad : new String[] {"3", "transverse", "", "-1", "axial2"}) {
      assertThatThrownBy(() -> SlicePlane.parse(bad))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("'" + bad + "'")
          .hasMessageContaining("axial, coronal, sagittal");
    }
    assertThatThrownBy(() -> SlicePlane.parse(null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("null");
  }
}
