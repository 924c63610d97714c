package io.datamint.spark.internal.decode.raster;

import io.datamint.spark.internal.decode.DecoderProvider;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;

/**
 * Registers {@link RasterDecoder} (PNG, JPEG, TIFF, BMP and GIF images) with the decoder registry.
 */
public final class RasterDecoderProvider implements DecoderProvider {

  @Override
  public FileFormat format() {
    return FileFormat.RASTER;
  }

  @Override
  public ResourceDecoder create() {
    return new RasterDecoder();
  }
}
