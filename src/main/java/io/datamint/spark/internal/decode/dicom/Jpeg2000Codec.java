package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;

/**
 * DICOM JPEG 2000 (.4.90 and .4.91): each frame by OpenJPEG when it is on the class path and takes
 * the codestream ({@link OpenJpegRuntime}, {@link OpenJpegFrames}), else, or when OpenJPEG fails on
 * it, by JJ2000 ({@link Jj2000Frames}), whose result or error is then the frame's. The codestream
 * is parsed and checked against the DICOM header once, before either decoder.
 */
final class Jpeg2000Codec implements EncapsulatedCodec {

  private final boolean openJpegFirst;

  /**
   * @param openJpegFirst whether OpenJPEG decodes the frames it takes when available (false: JJ2000
   *     decodes every frame)
   */
  Jpeg2000Codec(boolean openJpegFirst) {
    this.openJpegFirst = openJpegFirst;
  }

  @Override
  public FrameSamples decode(byte[] codestream, FrameSpec spec) throws DecodeException {
    J2kCodestream header = J2kCodestream.parse(codestream, spec.frameIndex());
    header.check(spec);
    if (openJpegFirst && openJpegTakes(header) && OpenJpegRuntime.isAvailable()) {
      FrameSamples samples = OpenJpegFrames.decode(header, spec);
      if (samples != null) {
        return samples;
      }
    }
    return Jj2000Frames.decode(header, spec);
  }

  /**
   * Whether OpenJPEG, as OpenCV calls it, takes this codestream ({@link OpenJpegFrames}): uniform,
   * with 1 or 3 components of 8 to 16 bits, and whole (ending with its EOC marker).
   */
  static boolean openJpegTakes(J2kCodestream header) {
    return (header.components() == 1 || header.components() == 3)
        && header.precision() >= 8
        && header.precision() <= 16
        && header.uniform()
        && header.endsWithEoc();
  }
}
