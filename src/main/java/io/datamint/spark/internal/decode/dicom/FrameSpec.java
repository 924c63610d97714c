package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;

/**
 * What the DICOM header says about one encapsulated frame, handed to an {@link EncapsulatedCodec}
 * with the frame's codestream. A codec should check the codestream against it (dimensions,
 * components) and fail with a clear {@link io.datamint.spark.error.DecodeException} on a mismatch
 * rather than return samples of another shape.
 *
 * @param transferSyntaxUid the transfer syntax of the pixel data, e.g. {@code
 *     1.2.840.10008.1.2.4.80}
 * @param frameIndex the 0-based frame number
 * @param rows (0028,0010)
 * @param columns (0028,0011)
 * @param samplesPerPixel (0028,0002)
 * @param bitsAllocated (0028,0100)
 * @param bitsStored (0028,0101)
 * @param pixelRepresentation (0028,0103): 0 unsigned, 1 two's complement
 * @param photometricInterpretation (0028,0004), e.g. {@code MONOCHROME2}, {@code YBR_FULL_422}
 * @param planarConfiguration (0028,0006): 0 interleaved, 1 planar
 */
record FrameSpec(
    String transferSyntaxUid,
    int frameIndex,
    int rows,
    int columns,
    int samplesPerPixel,
    int bitsAllocated,
    int bitsStored,
    int pixelRepresentation,
    String photometricInterpretation,
    int planarConfiguration) {

  /**
   * The error for a codestream whose size or number of components is not the frame's.
   *
   * @param codestream what it is, e.g. "JPEG 2000"
   */
  DecodeException shapeMismatch(String codestream, int width, int height, int components) {
    return new DecodeException(
        codestream
            + " frame "
            + frameIndex
            + " is "
            + width
            + " x "
            + height
            + " with "
            + components
            + " components, but the DICOM header declares "
            + columns
            + " x "
            + rows
            + " with "
            + samplesPerPixel
            + " samples per pixel");
  }

  /** The number of samples of one frame: rows x columns x samples per pixel. */
  public int sampleCount() {
    return rows * columns * samplesPerPixel;
  }
}
