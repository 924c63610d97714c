package io.datamint.spark.internal.annotation.mask;

import io.datamint.spark.internal.decode.DecodeFuzzing;
import io.datamint.spark.testing.BoundedFuzzTest;

/**
 * Fuzzes segmentation mask files (PNG and NIfTI masks, and whatever else the format detection
 * accepts) through {@link MaskDecoder}: detection, decoding, channel collapse and binarization
 * (docs/fuzzing.md). Seeds and kept crash inputs are under {@code
 * src/test/resources/io/datamint/spark/internal/annotation/mask/MaskFuzzTestInputs/}.
 */
class MaskFuzzTest {

  /** A mask file. */
  @BoundedFuzzTest
  void decode(byte[] file) {
    DecodeFuzzing.check(
        () -> MaskDecoder.decode("fuzz-annotation", file, file.length, DecodeFuzzing.limits()));
  }
}
