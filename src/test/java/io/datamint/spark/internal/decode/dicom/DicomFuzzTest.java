package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.DecodeFuzzing;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;
import io.datamint.spark.testing.BoundedFuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the DICOM decoder (docs/fuzzing.md): Part-10 parsing and pixel decoding of every transfer
 * syntax, RLE frames, and the JPEG 2000 main-header parser. Seeds and kept crash inputs are under
 * {@code src/test/resources/io/datamint/spark/internal/decode/dicom/DicomFuzzTestInputs/}.
 */
class DicomFuzzTest {

  /**
   * The registry's DICOM decoder behind the same boundary, except that a JPEG 2000 frame stops
   * after its main header ({@link J2kCodestream}): the JPEG 2000 library (jj2000) loops forever on
   * some truncated codestreams, so its pixel path is not fuzzed (docs/decoding.md).
   */
  private static final ResourceDecoder DICOM =
      DecodeFuzzing.guarded(FileFormat.DICOM, () -> new DicomDecoder(codecs()));

  private static EncapsulatedCodecs codecs() {
    EncapsulatedCodec headerOnly =
        (codestream, spec) -> {
          J2kCodestream.parse(codestream, spec.frameIndex());
          throw new DecodeException(
              "frame " + spec.frameIndex() + ": JPEG 2000 pixels are not decoded when fuzzing");
        };
    return EncapsulatedCodecs.defaults()
        .with(EncapsulatedCodecs.JPEG_2000_LOSSLESS, headerOnly)
        .with(EncapsulatedCodecs.JPEG_2000, headerOnly);
  }

  /** A whole file, decoded whole and frame by frame. */
  @BoundedFuzzTest
  void decode(byte[] file) {
    DecodeFuzzing.decodeAll(DICOM, file);
  }

  /**
   * One RLE frame: the first 4 bytes choose rows (1 to 256), columns (1 to 256), samples per pixel
   * (1 or 3) and bits allocated (8, 16, 32 or 12), the rest is the frame.
   */
  @BoundedFuzzTest
  void rle(byte[] input) {
    if (input.length < 4) {
      return;
    }
    FrameSpec spec =
        new FrameSpec(
            EncapsulatedCodecs.RLE_LOSSLESS,
            0,
            (input[0] & 0xFF) + 1,
            (input[1] & 0xFF) + 1,
            (input[2] & 1) == 0 ? 1 : 3,
            new int[] {8, 16, 32, 12}[input[3] & 3],
            8,
            0,
            (input[2] & 1) == 0 ? "MONOCHROME2" : "RGB",
            0);
    byte[] frame = Arrays.copyOfRange(input, 4, input.length);
    DecodeFuzzing.check(() -> new RleCodec().decode(frame, spec));
  }

  /** A JPEG 2000 codestream (or JP2 file) through the main-header parser. */
  @BoundedFuzzTest
  void j2kHeader(byte[] codestream) {
    DecodeFuzzing.check(() -> J2kCodestream.parse(codestream, 0));
  }
}
