package io.datamint.spark.testing;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real-world test corpus: files written by other toolkits and scanners, kept in the repository
 * under {@code testdata/corpus} (see its MANIFEST.md), except the few whose licence keeps them out
 * of it, which {@code bin/lib/fetch-test-corpus.sh} downloads into the same folders (git ignores
 * them). The build passes the folder as the system property {@code datamint.test.corpus}; without
 * the property the repository's folder is used.
 *
 * <p>A test that needs a corpus folder or file asks for it here: when it is missing the test is
 * skipped locally with a message saying how to get it, and fails on CI ({@code CI=true}), as {@link
 * ExternalTool} does for reference programs.
 */
public final class TestCorpus {

  /** The system property naming the corpus folder. */
  public static final String PROPERTY = "datamint.test.corpus";

  /** The file-name prefix of the corpus files that are fetched rather than committed (GPL-3+). */
  public static final String FETCHED_PREFIX = "octave-dicom__";

  private TestCorpus() {}

  /** The corpus folder: the system property, else {@code testdata/corpus} of the repository. */
  public static Path root() {
    String configured = System.getProperty(PROPERTY);
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("datamint.test.basedir", "."), "testdata", "corpus");
  }

  /**
   * The corpus folder, or null when it is absent (for tests that then use less data, and say so).
   */
  public static Path rootIfPresent() {
    Path root = root();
    return Files.isDirectory(root) ? root : null;
  }

  /**
   * A sub-folder of the corpus ({@code dicom}, {@code nifti}, {@code image}, {@code video}); skips
   * (fails on CI).
   */
  public static Path dir(String name) {
    return dir(name, ExternalTool.onCi());
  }

  static Path dir(String name, boolean ci) {
    Path dir = root().resolve(name);
    if (!Files.isDirectory(dir)) {
      ExternalTool.missing(
          "the test corpus folder "
              + dir.toAbsolutePath()
              + " is absent (it is part of the"
              + " repository, testdata/corpus; -D"
              + PROPERTY
              + " points elsewhere)",
          ci);
    }
    return dir;
  }

  /**
   * A corpus file by its path inside the corpus, e.g. {@code dicom/pydicom__MR_small.dcm}; skips
   * (fails on CI).
   */
  public static Path file(String relative) {
    return file(relative, ExternalTool.onCi());
  }

  static Path file(String relative, boolean ci) {
    Path file = root().resolve(relative);
    if (!Files.isRegularFile(file)) {
      ExternalTool.missing(
          "the test corpus file "
              + file.toAbsolutePath()
              + " is absent ("
              + (isFetched(file.getFileName().toString())
                  ? "it is not committed for its licence; bin/lib/fetch-test-corpus.sh downloads it"
                  : "it is part of the repository, testdata/corpus")
              + ")",
          ci);
    }
    return file;
  }

  /**
   * Whether a corpus file name is one of those the fetch script downloads instead of the repository
   * holding it.
   */
  public static boolean isFetched(String fileName) {
    return fileName.startsWith(FETCHED_PREFIX);
  }
}
