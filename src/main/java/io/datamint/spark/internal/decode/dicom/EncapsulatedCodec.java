package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;

/**
 * Decodes the codestream of one encapsulated frame (one compressed image: a JPEG, JPEG-LS or JPEG
 * 2000 codestream, an RLE frame) into samples. Implementations are stateless and thread-safe. They
 * are looked up by transfer syntax UID in {@link EncapsulatedCodecs}.
 */
@FunctionalInterface
interface EncapsulatedCodec {

  /**
   * Decodes one frame.
   *
   * @param codestream the frame's bytes, fragments already joined
   * @param spec what the DICOM header says the frame is
   * @return the samples, {@code spec.rows() x spec.columns() x spec.samplesPerPixel()} of them
   * @throws DecodeException naming what was wrong with the codestream
   */
  FrameSamples decode(byte[] codestream, FrameSpec spec) throws DecodeException;
}
