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
 * The SDK's version hash: Python's {@code json.dumps(sort_keys=True)} ({@code util.PythonJsonTest}
 * checks that text) and SHA-256, checked against CPython.
 */
class SdkVersionTest {

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
