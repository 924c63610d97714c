package io.datamint.spark.internal.decode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.testing.TestCorpus;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("spark-independent")
class FormatDetectorTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource({
    "dicom/pydicom__MR_small.dcm, DICOM",
    "dicom/pydicom__zipMR.gz, DICOM",
    "nifti/python3-nibabel__anatomical.nii, NIFTI",
    "nifti/python3-nibabel__example4d.nii.gz, NIFTI",
    "nifti/python3-nibabel__example_nifti2.nii.gz, NIFTI",
    "image/skimage__camera.png, RASTER",
    "image/skimage__chessboard_GRAY_U16.tif, RASTER",
    "video/imageio__realshort.mp4, VIDEO",
    "video/opencv-doc__tree.avi, VIDEO",
  })
  void detectsCorpusFilesByContentAlone(String file, FileFormat expected) throws Exception {
    Path path = TestCorpus.file(file);
    byte[] bytes = Files.readAllBytes(path);
    assertThat(FormatDetector.detect(bytes, bytes.length, null, null)).isEqualTo(expected);
  }

  @Test
  void fallsBackToMimetypeThenFilename() throws Exception {
    byte[] unknown = "not a known magic".getBytes();
    assertThat(FormatDetector.detect(unknown, unknown.length, "application/dicom", "x.png"))
        .isEqualTo(FileFormat.DICOM);
    assertThat(
            FormatDetector.detect(
                unknown, unknown.length, "application/octet-stream", "scan.NII.GZ"))
        .isEqualTo(FileFormat.NIFTI);
    assertThat(FormatDetector.detect(unknown, unknown.length, null, "clip.mov"))
        .isEqualTo(FileFormat.VIDEO);
  }

  @Test
  void gzipOfSomethingElseIsNotNifti() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write("hello".getBytes());
    }
    byte[] bytes = out.toByteArray();
    assertThatThrownBy(
            () -> FormatDetector.detect(bytes, bytes.length, "application/gzip", "notes.gz"))
        .isInstanceOf(DecodeException.class)
        .hasMessageContaining("unrecognized file format")
        .hasMessageContaining("supported: DICOM");
  }
}
