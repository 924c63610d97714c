package io.datamint.spark.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.ExternalTool;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's main job, run as a user runs it: {@code bin/datamint-quickstart DIR}. */
class QuickstartTest {

  private static final Path BASEDIR = Path.of(System.getProperty("datamint.test.basedir", "."));

  @Test
  void mainJobWritesTheSampleAndPrintsSchemaAndCounts(@TempDir Path tmp) {
    ExternalTool.assumeAvailable("bash");
    ExternalTool.Result result = ExternalTool.run(Duration.ofSeconds(180), "bash",
        BASEDIR.resolve("bin/datamint-quickstart").toString(), tmp.resolve("sample").toString());
    result.assertSuccess();
    assertThat(result.stdout())
        .contains("13 resources, 41 annotations, 15 split rows")
        .contains(" |-- annotations: array (nullable = false)")
        .contains("|CT      |nifti        |3    |")
        .contains("|chest      |8    |")
        .containsPattern("\\|segmentation +\\|vessel +\\|7 +\\|")
        .contains("PushedTags=[chest]")
        .containsPattern("\\|CT_ABD_P001\\.nii\\.gz +\\|nifti +\\|int16 +\\|\\[1, 20, 64, 64\\] *\\|NULL +\\|")
        .containsPattern("\\|US_CAROTID_P004\\.mp4 +\\|video +\\|uint8 +\\|\\[3, 24, 96, 128\\] *\\|NULL +\\|");
    assertThat(result.stdout()).doesNotContain(" INFO ");
  }
}
