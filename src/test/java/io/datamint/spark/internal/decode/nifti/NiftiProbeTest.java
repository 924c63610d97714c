package io.datamint.spark.internal.decode.nifti;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.testing.TestCorpus;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("spark-independent")
class NiftiProbeTest {

  private static int probe(String file) throws Exception {
    Path path = TestCorpus.file("nifti/" + file);
    try (InputStream in = Files.newInputStream(path)) {
      return NiftiProbe.maxSpatialDim(in);
    }
  }

  @Test
  void readsTheDimensionsFromTheHeaderOnly() throws Exception {
    assertThat(probe("python3-nibabel__anatomical.nii")).isEqualTo(41); // 33 x 41 x 25, big-endian
    assertThat(probe("python3-nibabel__example4d.nii.gz"))
        .isEqualTo(128); // 128 x 96 x 24 x 2, gzip
    assertThat(probe("python3-nibabel__example_nifti2.nii.gz")).isPositive(); // NIfTI-2
  }

  @Test
  void somethingElseIsAClearError() {
    assertThatThrownBy(
            () -> NiftiProbe.maxSpatialDim(new ByteArrayInputStream("not nifti".getBytes())))
        .isInstanceOf(DecodeException.class);
  }

  @Test
  void theHeaderGivesTheDecodersGeometry() throws Exception {
    for (String file :
        new String[] {
          "python3-nibabel__anatomical.nii",
          "python3-nibabel__example4d.nii.gz",
          "python3-nibabel__example_nifti2.nii.gz"
        }) {
      Path path = TestCorpus.file("nifti/" + file);
      byte[] bytes = Files.readAllBytes(path);
      NiftiProbe.Header header;
      try (InputStream in = Files.newInputStream(path)) {
        header = NiftiProbe.probe(in);
      }
      DecodedResource decoded =
          new NiftiDecoder().decode(bytes, bytes.length, DecodeLimits.defaults());
      assertThat(header.geometry()).as(file).isNotNull().isEqualTo(decoded.geometry());
    }
  }
}
