package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.internal.decode.DecoderProvider;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;

/**
 * Registers {@link DicomDecoder} (DICOM files of every supported transfer syntax) with the decoder
 * registry.
 */
public final class DicomDecoderProvider implements DecoderProvider {

  @Override
  public FileFormat format() {
    return FileFormat.DICOM;
  }

  @Override
  public ResourceDecoder create() {
    return new DicomDecoder();
  }
}
