package io.datamint.spark.internal.decode.dicom;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.DecodeFuzzing;
import io.datamint.spark.internal.decode.FileFormat;
import io.datamint.spark.internal.decode.ResourceDecoder;
import io.datamint.spark.testing.BoundedFuzzTest;
import java.util.Arrays;

/**
 * Fuzzes the DICOM decoder (docs/fuzzing.md): Part-10 parsing and pixel decoding of every transfer
 * syntax, RLE frames, the JPEG 2000 main-header parser, and JPEG 2000 codestreams through OpenJPEG
 * (OpenCV's native code). Seeds and kept crash inputs are under {@code
 * src/test/resources/io/datamint/spark/internal/decode/dicom/DicomFuzzTestInputs/}.
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

  /**
   * A JPEG 2000 codestream through OpenJPEG alone ({@link OpenJpegFrames}: the JP2 wrapping,
   * OpenCV's {@code imdecode}, the samples' conversion), as {@link Jpeg2000Codec} hands it a frame:
   * one that OpenJPEG takes ({@link Jpeg2000Codec#openJpegTakes}), checked against a DICOM header
   * of the codestream's own size, within the fuzz budget as the reader's array would be. The result
   * is samples, or null when OpenJPEG fails (JJ2000 then decodes the frame); a crash in the native
   * code would end the fuzzing JVM, failing the target with the JVM's crash report. Jazzer's
   * coverage reaches the Java side only: OpenJPEG's C code is mutated against blind.
   */
  @BoundedFuzzTest
  void openJpeg(byte[] codestream) {
    assertTrue(OpenJpegRuntime.isAvailable(), "OpenCV's OpenJPEG is on the test class path");
    DecodeFuzzing.check(
        () -> {
          J2kCodestream header = J2kCodestream.parse(codestream, 0);
          long bytes = 2L * header.width() * header.height() * header.components();
          if (!Jpeg2000Codec.openJpegTakes(header) || bytes > DecodeFuzzing.BUDGET) {
            return null;
          }
          FrameSpec spec =
              new FrameSpec(
                  EncapsulatedCodecs.JPEG_2000_LOSSLESS,
                  0,
                  header.height(),
                  header.width(),
                  header.components(),
                  header.precision() > 8 ? 16 : 8,
                  header.precision(),
                  header.signed() ? 1 : 0,
                  header.components() == 3 ? "RGB" : "MONOCHROME2",
                  0);
          header.check(spec);
          return OpenJpegFrames.decode(header, spec);
        });
  }

  /** A JPEG 2000 codestream (or JP2 file) through the main-header parser. */
  @BoundedFuzzTest
  void j2kHeader(byte[] codestream) {
    DecodeFuzzing.check(() -> J2kCodestream.parse(codestream, 0));
  }
}
