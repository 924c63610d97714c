package io.datamint.spark.internal.lineage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The expected texts are CPython 3.11's {@code json.dumps} of the same values. */
class PythonJsonTest {

  private static Map<String, Object> value() {
    Map<String, Object> inner = new LinkedHashMap<>();
    inner.put("\u00e9", "na\u00efve \u2014 \ud83d\ude00\u0001\u007f\"\\\n\t/");
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("b", Arrays.asList(1, true, null, "x"));
    v.put("a", inner);
    v.put("\u00e4", "z");
    v.put("Z", List.of());
    return v;
  }

  @Test
  void sortedKeysSeparatorsAndAsciiEscapesAreCPythons() {
    assertThat(PythonJson.dumpsSorted(value()))
        .isEqualTo(
            "{\"Z\": [], \"a\": {\"\\u00e9\": \"na\\u00efve \\u2014 \\ud83d\\ude00\\u0001\\u007f"
                + "\\\"\\\\\\n\\t/\"}, \"b\": [1, true, null, \"x\"], \"\\u00e4\": \"z\"}");
  }

  @Test
  void withoutSortKeysTheInsertionOrderIsKept() {
    assertThat(PythonJson.dumps(value()))
        .isEqualTo(
            "{\"b\": [1, true, null, \"x\"], \"a\": {\"\\u00e9\": \"na\\u00efve \\u2014"
                + " \\ud83d\\ude00\\u0001\\u007f\\\"\\\\\\n\\t/\"}, \"\\u00e4\": \"z\", \"Z\": []}");
  }

  @Test
  void theRemainingEscapesAndScalars() {
    assertThat(PythonJson.dumps(Arrays.asList("\b\f\r", 12345678901L, false, Map.of())))
        .isEqualTo("[\"\\b\\f\\r\", 12345678901, false, {}]");
  }

  @Test
  void keysSortByCodePointAsPythonsStr() {
    // U+FF21 sorts before U+1F600 by code point, after it by UTF-16 unit
    Map<String, Object> v = new LinkedHashMap<>();
    v.put("\ud83d\ude00", 1);
    v.put("\uff21", 2);
    assertThat(PythonJson.dumpsSorted(v)).isEqualTo("{\"\\uff21\": 2, \"\\ud83d\\ude00\": 1}");
  }

  @Test
  void aValueOutsideJsonIsRefused() {
    assertThatThrownBy(() -> PythonJson.dumps(new ArrayList<>(List.of(1.5))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("java.lang.Double");
  }
}
