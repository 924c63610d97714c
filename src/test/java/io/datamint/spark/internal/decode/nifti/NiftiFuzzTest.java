package io.datamint.spark.internal.decode.nifti;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.DecodeFuzzing;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;
import io.datamint.spark.testing.BoundedFuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.GZIPOutputStream;

/**
 * Fuzzes the NIfTI decoder and the header probe that plans slice reads (docs/fuzzing.md). Seeds and
 * kept crash inputs are under {@code
 * src/test/resources/io/datamint/spark/internal/decode/nifti/NiftiFuzzTestInputs/}.
 */
class NiftiFuzzTest {

  private static final ResourceDecoder NIFTI = DecodeFuzzing.registered(FileFormat.NIFTI);

  /** A {@code .nii} file (or any bytes, a gzip stream among them). */
  @BoundedFuzzTest
  void plain(byte[] file) {
    DecodeFuzzing.decodeAll(NIFTI, file);
    probe(file);
  }

  /** The input gzip-compressed, as a {@code .nii.gz}: a header and voxels behind inflation. */
  @BoundedFuzzTest
  void gzip(byte[] input) {
    byte[] file = gzipped(input);
    DecodeFuzzing.decodeAll(NIFTI, file);
    probe(file);
  }

  /** The planner's header probe: a header, or an I/O or decode failure it treats as no header. */
  private static void probe(byte[] file) {
    DecodeFuzzing.check(
        () -> {
          try {
            return NiftiProbe.probe(new ByteArrayInputStream(file));
          } catch (IOException e) {
            throw new DecodeException("not a readable header: " + e, e);
          }
        });
  }

  private static byte[] gzipped(byte[] input) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(input);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
