package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.ReadOptions;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad files through {@code spark.read}: absurd declared dimensions, a gzip bomb, a truncated DICOM,
 * a DICOM that holds no image, an image read as an image dataset with several frames, a limit set
 * by option. Each row gets a clear {@code _error}; none crashes the task or exhausts memory.
 */
class BadInputReadTest {

  private static final Path CORPUS = TestCorpus.root();

  @TempDir static Path tmp;
  static String mirror;

  @BeforeAll
  static void writeBadFiles() throws Exception {
    TestCorpus.dir("dicom");
    TestCorpus.dir("image");
    TestMirror m = TestMirror.in(tmp.resolve("bad"));
    Map<String, byte[]> files = new HashMap<>();
    files.put("huge-png", BadFiles.pngHeaderOnly(100_000, 100_000));
    files.put("nifti-bomb", BadFiles.gzip(BadFiles.niftiHeader(30_000, 30_000, 30_000), 64L << 20));
    files.put(
        "truncated-mr", Files.readAllBytes(CORPUS.resolve("dicom/pydicom__MR_truncated.dcm")));
    files.put("rt-plan", Files.readAllBytes(CORPUS.resolve("dicom/pydicom__rtplan.dcm")));
    files.put("ok-png", Files.readAllBytes(CORPUS.resolve("image/skimage__camera.png")));
    for (String id : files.keySet()) {
      m.image(id, id, "OT", null);
    }
    Path dir = m.write();
    for (Map.Entry<String, byte[]> file : files.entrySet()) {
      Files.write(dir.resolve("files/resources/" + file.getKey()), file.getValue());
    }
    mirror = dir.toString();
  }

  private static Map<String, String> errors(String... options) {
    Map<String, String> out = new HashMap<>();
    for (Row row :
        SharedSpark.session()
            .read()
            .format("datamint")
            .options(ReadOptions.of(options))
            .load(mirror)
            .select("resource_id", "image", "_error")
            .collectAsList()) {
      out.put(row.getString(0), row.getString(2));
    }
    return out;
  }

  @Test
  void everyBadFileGetsAClearError() {
    Map<String, String> errors = errors();
    assertThat(errors.get("huge-png")).contains("100000").contains("max_decoded_bytes");
    assertThat(errors.get("nifti-bomb")).contains("30000").contains("max_decoded_bytes");
    assertThat(errors.get("truncated-mr")).contains("Pixel Data").contains("8192");
    assertThat(errors.get("rt-plan")).contains("no pixel data").contains("RT Plan");
    assertThat(errors).containsEntry("ok-png", null);
  }

  @Test
  void theLimitIsAnOption() {
    Map<String, String> errors = errors("max_decoded_bytes", "100k");
    assertThat(errors.get("ok-png")).contains("max_decoded_bytes").contains("102400");
  }
}
