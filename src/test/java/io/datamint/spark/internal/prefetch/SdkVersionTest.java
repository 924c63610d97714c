package io.datamint.spark.internal.prefetch;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.sample.SampleProject;
import io.datamint.spark.testing.ExternalTool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The SDK's version hash: Python's {@code json.dumps(sort_keys=True)} and SHA-256, checked against
 * CPython.
 */
class SdkVersionTest {

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

  @Test
  void hashesMatchTheOnesPythonComputed() {
    JsonNode resource =
        Json.MAPPER
            .createObjectNode()
            .put("id", "r")
            .put("created_at", "2026-02-10T09:00:00.000Z")
            .putNull("deleted_at")
            .put("size", 81811)
            .put("filename", "x.nii.gz");
    assertThat(SdkVersion.ofResource(resource).hash())
        .isEqualTo("9725ef16f1c82f1be7d48c8999ac3a666365988778e2fa989e316e37e014269d");
    // a size sent as a string or a whole float is the int pydantic would make of it; a missing
    // field is None
    JsonNode stringSize =
        Json.MAPPER
            .createObjectNode()
            .put("created_at", "2026-02-10T09:00:00.000Z")
            .put("size", "81811");
    assertThat(SdkVersion.ofResource(stringSize).hash())
        .isEqualTo("9725ef16f1c82f1be7d48c8999ac3a666365988778e2fa989e316e37e014269d");
    assertThat(
            SdkVersion.ofResource(
                    Json.MAPPER
                        .createObjectNode()
                        .put("created_at", "2026-02-10T09:00:00.000Z")
                        .put("size", 81811.0))
                .hash())
        .isEqualTo("9725ef16f1c82f1be7d48c8999ac3a666365988778e2fa989e316e37e014269d");
    JsonNode annotation =
        Json.MAPPER
            .createObjectNode()
            .put("id", "a")
            .put("type", "segmentation")
            .put("created_at", "2026-02-20T10:00:00.000Z")
            .put("associated_file", "annotations/c/r/a.nii.gz");
    assertThat(SdkVersion.ofAnnotation(annotation).hash())
        .isEqualTo("6ec535f040a8ee27e8930620b4eb056a4e6712f41b9310458bace031a5a6bcdb");
    assertThat(SdkVersion.ofAnnotation(annotation).info())
        .isEqualTo(
            "{\"created_at\":\"2026-02-20T10:00:00.000Z\",\"deleted_at\":null,"
                + "\"associated_file\":\"annotations/c/r/a.nii.gz\"}");
  }

  @Test
  void dumpsLikeCPython(@TempDir Path tmp) throws Exception {
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
      java.add(PythonJson.dumps(Json.MAPPER.readTree(value)));
    }
    assertThat(java).isEqualTo(python);
  }

  @Test
  void sampleHashesMatchTheSdkFormulaInCPython(@TempDir Path tmp) throws Exception {
    ExternalTool.assumeAvailable(ExternalTool.PYTHON);
    Path mirror = SampleProject.write(tmp.resolve("s"), 7).dir();
    String script =
        String.join(
            "\n",
            "import hashlib, json, sys",
            "def h(info):",
            "    return hashlib.sha256(json.dumps(info, sort_keys=True).encode()).hexdigest()",
            "for line in open(sys.argv[1]):",
            "    r = json.loads(line)",
            "    print(h({'created_at': r.get('created_at'), 'deleted_at': r.get('deleted_at'), 'size': r.get('size')}))",
            "for line in open(sys.argv[2]):",
            "    a = json.loads(line)",
            "    print(h({'created_at': a.get('created_at'), 'deleted_at': a.get('deleted_at'),",
            "             'associated_file': a.get('associated_file')}))");
    List<String> python =
        ExternalTool.run(
                Duration.ofSeconds(30),
                ExternalTool.PYTHON,
                "-c",
                script,
                mirror.resolve("resources.jsonl").toString(),
                mirror.resolve("annotations.jsonl").toString())
            .assertSuccess()
            .stdout()
            .lines()
            .toList();
    List<String> java = new ArrayList<>();
    for (String line : Files.readAllLines(mirror.resolve("resources.jsonl"))) {
      java.add(SdkVersion.ofResource(Json.MAPPER.readTree(line)).hash());
    }
    for (String line : Files.readAllLines(mirror.resolve("annotations.jsonl"))) {
      java.add(SdkVersion.ofAnnotation(Json.MAPPER.readTree(line)).hash());
    }
    assertThat(java).hasSize(13 + 45).isEqualTo(python);
  }
}
