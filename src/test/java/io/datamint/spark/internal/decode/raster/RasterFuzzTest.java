package io.datamint.spark.internal.decode.raster;

import io.datamint.spark.internal.decode.DecodeFuzzing;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;
import io.datamint.spark.testing.BoundedFuzzTest;

/**
 * Fuzzes the raster decoder (PNG, JPEG, TIFF, BMP, GIF through ImageIO and TwelveMonkeys;
 * docs/fuzzing.md). Seeds and kept crash inputs are under {@code
 * src/test/resources/io/datamint/spark/internal/decode/raster/RasterFuzzTestInputs/}.
 */
class RasterFuzzTest {

  private static final ResourceDecoder RASTER = DecodeFuzzing.registered(FileFormat.RASTER);

  /** An image file of any of the five formats. */
  @BoundedFuzzTest
  void decode(byte[] file) {
    DecodeFuzzing.decodeAll(RASTER, file);
  }
}
