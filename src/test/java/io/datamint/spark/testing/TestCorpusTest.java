package io.datamint.spark.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class TestCorpusTest {

  @Test
  void theBuildPointsAtTheRepositorysCorpus() {
    Path root = TestCorpus.root().toAbsolutePath().normalize();
    Path basedir =
        Path.of(System.getProperty("datamint.test.basedir", ".")).toAbsolutePath().normalize();
    assertThat(root).isEqualTo(basedir.resolve("testdata/corpus"));
    assertThat(root.resolve("MANIFEST.md")).isRegularFile();
  }

  @Test
  void committedFilesArePresentAndListedByPrefixInTheManifest() throws Exception {
    String manifest = Files.readString(TestCorpus.root().resolve("MANIFEST.md"));
    for (String folder : new String[] {"dicom", "nifti", "image", "video"}) {
      try (Stream<Path> files = Files.list(TestCorpus.dir(folder))) {
        var names = files.map(f -> f.getFileName().toString()).toList();
        assertThat(names).as(folder).isNotEmpty();
        for (String name : names) {
          assertThat(name).as("corpus file names start with the origin package").contains("__");
          assertThat(manifest)
              .as("MANIFEST.md names the origin of " + name)
              .contains("`" + name.substring(0, name.indexOf("__") + 2) + "`");
        }
      }
    }
  }

  @Test
  void aMissingFileSkipsLocallyAndFailsOnCi() {
    String absent = "dicom/pydicom__no-such-file-4711.dcm";
    assertThatThrownBy(() -> TestCorpus.file(absent, false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("no-such-file-4711")
        .hasMessageContaining("part of the repository");
    assertThatThrownBy(() -> TestCorpus.file(absent, true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true");
    assertThatThrownBy(() -> TestCorpus.file("dicom/octave-dicom__no-such-file.dcm", false))
        .isInstanceOf(TestAbortedException.class)
        .hasMessageContaining("bin/lib/fetch-test-corpus.sh");
    assertThatThrownBy(() -> TestCorpus.dir("no-such-folder", true))
        .isInstanceOf(AssertionFailedError.class)
        .hasMessageContaining("CI=true");
  }

  @Test
  void presentFilesAreReturned() {
    assertThat(TestCorpus.file("dicom/pydicom__MR_small.dcm", true)).isRegularFile();
  }
}
