package io.datamint.spark.internal.decode.nifti;

import io.datamint.spark.internal.decode.DecoderProvider;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;

/** Registers {@link NiftiDecoder} (NIfTI-1 and NIfTI-2 volumes) with the decoder registry. */
public final class NiftiDecoderProvider implements DecoderProvider {

  @Override
  public FileFormat format() {
    return FileFormat.NIFTI;
  }

  @Override
  public ResourceDecoder create() {
    return new NiftiDecoder();
  }
}
