package io.datamint.spark.internal.util;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.testing.ExternalTool;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The expected texts are CPython 3.11's {@code json.dumps} of the same values: Java values (the
 * lineage's digest) here, JSON read with Jackson (the prefetch's version hash) by the Python on the
 * path.
 */
class PythonJsonTest {

  /**
   * Values whose text Python writes in its own way: escapes, non-ASCII, floats, key order, nesting.
   */
  private static final List<String> VALUES =
      List.of(
          "{\"size\": 81811, \"deleted_at\": null, \"created_at\": \"2026-02-10T09:00:00.000Z\"}",
          "{\"b\": [1, 2.5, true, false, null, {}, []], \"a\": {\"z\": \"\\u00e9t\\u00e9\", \"y\": \"\\ud83d\\ude00\"}}",
          "{\"s\": \"quote\\\" backslash\\\\ slash/ tab\\t nl\\n cr\\r bs\\b ff\\f nul\\u0000 del\\u007f\"}",
          "{\"f\": [1.0, 0.1, 1e16, 1e15, 0.0001, 1e-05, 123456789.125, -0.0, -2.5e-300, 1.7976931348623157e308]}",
          "{\"\\u00e9\": 1, \"Z\": 2, \"a\": 3, \"\\ud83d\\ude00\": 4, \"\\uffff\": 5, \"10\": 6, \"9\": 7}",
          "{\"big\": 123456789012345678901234567890, \"neg\": -42}");

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

  @Test
  void jsonNodesDumpLikeCPython() throws Exception {
    ExternalTool.assumeAvailable(ExternalTool.PYTHON);
    List<String> command =
        new ArrayList<>(
            List.of(
                ExternalTool.PYTHON,
                "-c",
                "import json, sys\nfor a in sys.argv[1:]:\n    print(json.dumps(json.loads(a), sort_keys=True))"));
    command.addAll(VALUES);
    List<String> python =
        ExternalTool.run(Duration.ofSeconds(30), command).assertSuccess().stdout().lines().toList();
    List<String> java = new ArrayList<>();
    for (String value : VALUES) {
      java.add(PythonJson.dumpsSorted(Json.MAPPER.readTree(value)));
    }
    assertThat(java).isEqualTo(python);
  }
}
