package io.datamint.spark.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.ExternalTool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's main job, run as a user runs it: {@code bin/datamint-quickstart} without DIR, with
 * the repository root ({@code DATAMINT_HOME}) and the JVM's temporary directory pointed at empty
 * folders so that what it leaves behind can be seen.
 */
@Tag("tool")
class QuickstartTest {

  private static final Path BASEDIR = Path.of(System.getProperty("datamint.test.basedir", "."));

  @Test
  void mainJobWritesTheSampleToTheNamedDefaultPlaceAndPrintsSchemaAndCounts(@TempDir Path tmp)
      throws IOException {
    ExternalTool.assumeAvailable("bash");
    Path home = Files.createDirectories(tmp.resolve("repo"));
    Path javaTmp = Files.createDirectories(tmp.resolve("java-tmp"));
    ExternalTool.Result result =
        ExternalTool.run(
            Duration.ofSeconds(180),
            "env",
            "DATAMINT_HOME=" + home,
            "DATAMINT_JAVA_OPTS=-Djava.io.tmpdir=" + javaTmp,
            "bash",
            BASEDIR.resolve("bin/datamint-quickstart").toString());
    result.assertSuccess();
    Path project = home.resolve(QuickstartArgs.DEFAULT_DIR);
    List<String> lines = result.stdout().lines().toList();
    assertThat(lines.get(0)).startsWith("Sample project directory: " + project + " (the default");
    assertThat(lines.get(lines.size() - 2))
        .isEqualTo("The sample project is in " + project + "; query it with SQL:");
    assertThat(lines.get(lines.size() - 1)).contains("OPTIONS (path '" + project + "')");
    assertThat(project.resolve("project.json")).isRegularFile();
    try (Stream<Path> left = Files.list(javaTmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.startsWith("datamint-quickstart"));
    }
    assertThat(result.stdout())
        .contains("13 resources, 45 annotations, 15 split rows")
        .contains(" |-- annotations: array (nullable = false)")
        .contains("|CT      |nifti        |3    |")
        .contains("|chest      |8    |")
        .containsPattern("\\|segmentation +\\|vessel +\\|7 +\\|")
        .contains("PushedTags=[chest]")
        .containsPattern(
            "\\|CT_ABD_P001\\.nii\\.gz +\\|nifti +\\|int16 +\\|\\[1, 20, 64, 64\\] *\\|NULL +\\|")
        .containsPattern(
            "\\|US_CAROTID_P004\\.mp4 +\\|video +\\|uint8 +\\|\\[3, 24, 96, 128\\] *\\|NULL +\\|");
    assertThat(result.stdout()).doesNotContain(" INFO ");
  }
}
