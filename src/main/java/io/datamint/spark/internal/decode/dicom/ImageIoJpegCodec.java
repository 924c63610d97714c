package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.MemoryImageInputStream;
import java.awt.image.Raster;

/**
 * JPEG baseline, 8-bit extended and lossless (processes 1, 2, 14; selection values 1 to 7; 2 to 16
 * bits) through TwelveMonkeys' ImageIO JPEG reader. The frame is read as a {@link Raster}, which
 * that reader returns without color conversion (its JDK delegate's raster path does none), so
 * 16-bit lossless stays 16-bit and YCbCr samples stay YCbCr; {@link JpegHeader#colorSpace()} then
 * tells the decoder whether they are YCbCr, from the APP14 Adobe and JFIF markers and the component
 * identifiers. 12-bit DCT frames fail: neither the JDK nor TwelveMonkeys reads them.
 */
final class ImageIoJpegCodec implements EncapsulatedCodec {

  @Override
  public FrameSamples decode(byte[] codestream, FrameSpec spec) throws DecodeException {
    JpegHeader header = JpegHeader.parse(codestream, spec.frameIndex());
    if (!header.lossless() && header.precision() != 8) {
      throw EncapsulatedCodecs.noDecoder(
          spec.transferSyntaxUid(), "for " + header.precision() + "-bit DCT samples");
    }
    if (header.width() != spec.columns()
        || header.height() != 0 && header.height() != spec.rows()
        || header.components() != spec.samplesPerPixel()) {
      throw spec.shapeMismatch("JPEG", header.width(), header.height(), header.components());
    }
    Raster raster =
        ImageIoReaders.readRaster(
            () ->
                ImageIoReaders.jpeg(
                    TransferSyntax.of(spec.transferSyntaxUid()).describePixelData()),
            new MemoryImageInputStream(codestream),
            "JPEG frame " + spec.frameIndex());
    ByteSamples bytes = RasterSamples.bytes(raster, spec, "JPEG");
    if (bytes != null) {
      return FrameSamples.bytes(spec.rows(), spec.columns(), bytes, header.colorSpace());
    }
    int[] values = RasterSamples.interleaved(raster, spec, "JPEG");
    return FrameSamples.interleaved(
        spec.rows(), spec.columns(), spec.samplesPerPixel(), values, 0, header.colorSpace());
  }
}
