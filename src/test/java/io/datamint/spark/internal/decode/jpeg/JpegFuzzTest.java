package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.internal.decode.DecodeFuzzing;
import io.datamint.spark.testing.BoundedFuzzTest;

/**
 * Fuzzes the connector's own JPEG decoders (docs/fuzzing.md), which DICOM files of the JPEG-LS and
 * 12-bit JPEG extended transfer syntaxes reach: each codestream either decodes within the budget or
 * fails with a {@link io.datamint.spark.error.DecodeException}; these decoders are the connector's
 * own code, so any other exception is a bug. Seeds and kept crash inputs are under {@code
 * src/test/resources/io/datamint/spark/internal/decode/jpeg/JpegFuzzTestInputs/}.
 */
class JpegFuzzTest {

  /** A JPEG-LS codestream (ITU T.87), lossless or near-lossless. */
  @BoundedFuzzTest
  void jpegLs(byte[] codestream) {
    DecodeFuzzing.check(() -> JpegLsDecoder.decode(codestream, DecodeFuzzing.limits()));
  }

  /** A sequential DCT JPEG codestream, 8 or 12 bits, Huffman coded. */
  @BoundedFuzzTest
  void dct(byte[] codestream) {
    DecodeFuzzing.check(() -> JpegDctDecoder.decode(codestream, DecodeFuzzing.limits()));
  }
}
