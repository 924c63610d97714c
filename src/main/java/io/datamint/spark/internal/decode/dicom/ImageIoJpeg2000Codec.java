package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.awt.image.Raster;

/**
 * JPEG 2000 (lossless and lossy) through jai-imageio's J2K reader, read as a {@link Raster}. The
 * reader undoes the codestream's multiple component transform (RCT or ICT) itself, so 3-component
 * frames that use it come out RGB, which is what pydicom does for YBR_RCT and YBR_ICT. The
 * codestream's precision is returned with the samples, so that data whose signedness disagrees with
 * the Pixel Representation is reinterpreted as pydicom does.
 */
final class ImageIoJpeg2000Codec implements EncapsulatedCodec {

  @Override
  public FrameSamples decode(byte[] codestream, FrameSpec spec) throws DecodeException {
    J2kCodestream header = J2kCodestream.parse(codestream, spec.frameIndex());
    if (header.width() != spec.columns()
        || header.height() != spec.rows()
        || header.components() != spec.samplesPerPixel()) {
      throw new DecodeException(
          "JPEG 2000 frame "
              + spec.frameIndex()
              + " is "
              + header.width()
              + " x "
              + header.height()
              + " with "
              + header.components()
              + " components, but the DICOM header declares "
              + spec.columns()
              + " x "
              + spec.rows()
              + " with "
              + spec.samplesPerPixel()
              + " samples per pixel");
    }
    if (header.precision() > 16) {
      throw new DecodeException(
          "JPEG 2000 frame "
              + spec.frameIndex()
              + " has "
              + header.precision()
              + "-bit samples; at most 16 are supported");
    }
    Raster raster =
        ImageIoReaders.readRaster(
            () ->
                ImageIoReaders.jpeg2000(
                    TransferSyntax.of(spec.transferSyntaxUid()).describePixelData()),
            header.codestream(),
            "JPEG 2000 frame " + spec.frameIndex());
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
}
