package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.DecodeTimeLimit;
import io.datamint.spark.internal.decode.MemoryImageInputStream;
import java.awt.image.Raster;

/**
 * JPEG 2000 (lossless and lossy) through jai-imageio's J2K reader (JJ2000, pure Java), read as a
 * {@link Raster}: every frame when OpenJPEG is absent, and the frames it does not take ({@link
 * Jpeg2000Codec}). The reader undoes the codestream's multiple component transform (RCT or ICT)
 * itself, so 3-component frames that use it come out RGB, which is what pydicom does for YBR_RCT
 * and YBR_ICT. The codestream's precision is returned with the samples, so that data whose
 * signedness disagrees with the Pixel Representation is reinterpreted as pydicom does.
 *
 * <p>JJ2000 reads a stream that throws at its end, as its own streams do (given ImageIO's -1 it
 * loops forever on a truncated codestream); a frame it read past the end of is an error, not the
 * partly grey image it makes of it. Each frame's decoding has a {@link DecodeTimeLimit}, for loops
 * that no stream can prevent.
 */
final class Jj2000Frames {

  private Jj2000Frames() {}

  /**
   * Decodes a parsed codestream already checked against the frame ({@link J2kCodestream#check}).
   */
  static FrameSamples decode(J2kCodestream header, FrameSpec spec) throws DecodeException {
    String frame = "JPEG 2000 frame " + spec.frameIndex();
    long samples = (long) header.width() * header.height() * header.components();
    MemoryImageInputStream input = MemoryImageInputStream.endingWithException(header.codestream());
    Raster raster;
    try {
      raster =
          DecodeTimeLimit.forSamples(samples)
              .run(
                  frame,
                  () ->
                      ImageIoReaders.readRaster(
                          () ->
                              ImageIoReaders.jpeg2000(
                                  TransferSyntax.of(spec.transferSyntaxUid()).describePixelData()),
                          input,
                          frame));
    } catch (RuntimeException | Error e) {
      // Past the end, whatever JJ2000 did next (a ThreadDeath, an index out of bounds) is explained
      // by the truncation.
      if (input.readPastEnd()) {
        // Not the Error as the cause: the decoder boundary would report it instead.
        throw cutShort(frame, header, e instanceof RuntimeException ? e : null);
      }
      throw e;
    }
    if (input.readPastEnd()) {
      // JJ2000 decodes a truncated codestream as far as it goes and fills the rest: an image that
      // looks whole but is not.
      throw cutShort(frame, header, null);
    }
    int[] values = RasterSamples.interleaved(raster, spec, "JPEG 2000");
    String colorSpace =
        header.components() == 3 && header.multipleComponentTransform() ? "RGB" : null;
    return FrameSamples.interleaved(
        spec.rows(),
        spec.columns(),
        spec.samplesPerPixel(),
        values,
        header.precision(),
        colorSpace);
  }

  private static DecodeException cutShort(String frame, J2kCodestream header, Throwable cause) {
    return new DecodeException(
        frame
            + " is cut short: its codestream ends after "
            + header.codestream().length
            + " bytes, before the data its header declares",
        cause);
  }
}
