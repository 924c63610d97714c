package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.Raster;
import java.awt.image.SampleModel;

/**
 * Hands over the 8-bit samples of a decoded {@link Raster} where they are ({@link #bytes}), or
 * copies the samples of any raster into an interleaved {@code int[]}, reading the data buffer's
 * arrays directly for the component sample models decoders produce (no call per pixel), and through
 * {@link Raster#getPixels} otherwise. Unsigned buffers give unsigned values; TYPE_SHORT gives
 * signed values.
 */
final class RasterSamples {

  private RasterSamples() {}

  /**
   * The raster's samples where they are, when it holds them as bytes in one bank through a
   * component sample model; else null (then {@link #interleaved} copies them).
   *
   * @throws DecodeException when the raster is not of the frame's shape
   */
  static ByteSamples bytes(Raster raster, FrameSpec spec, String codec) throws DecodeException {
    checkShape(raster, spec, codec);
    if (!(raster.getSampleModel() instanceof ComponentSampleModel csm)
        || !(raster.getDataBuffer() instanceof DataBufferByte db)
        || db.getNumBanks() != 1) {
      return null;
    }
    int x0 = raster.getMinX() - raster.getSampleModelTranslateX();
    int y0 = raster.getMinY() - raster.getSampleModelTranslateY();
    return new ByteSamples(
        db.getData(),
        db.getOffset() + y0 * csm.getScanlineStride() + x0 * csm.getPixelStride(),
        csm.getPixelStride(),
        csm.getScanlineStride(),
        csm.getBandOffsets());
  }

  static int[] interleaved(Raster raster, FrameSpec spec, String codec) throws DecodeException {
    checkShape(raster, spec, codec);
    int width = raster.getWidth();
    int height = raster.getHeight();
    int bands = raster.getNumBands();
    int[] out = new int[width * height * bands];
    SampleModel sm = raster.getSampleModel();
    int tx = raster.getSampleModelTranslateX();
    int ty = raster.getSampleModelTranslateY();
    if (!(sm instanceof ComponentSampleModel)
        || raster.getMinX() - tx != 0
        || raster.getMinY() - ty != 0) {
      return raster.getPixels(raster.getMinX(), raster.getMinY(), width, height, out);
    }
    ComponentSampleModel csm = (ComponentSampleModel) sm;
    DataBuffer db = raster.getDataBuffer();
    int pixelStride = csm.getPixelStride();
    int scanlineStride = csm.getScanlineStride();
    int[] bandOffsets = csm.getBandOffsets();
    int[] banks = csm.getBankIndices();
    for (int b = 0; b < bands; b++) {
      int base = db.getOffsets()[banks[b]] + bandOffsets[b];
      switch (db.getDataType()) {
        case DataBuffer.TYPE_BYTE:
          {
            byte[] data = ((DataBufferByte) db).getData(banks[b]);
            for (int y = 0; y < height; y++) {
              int src = base + y * scanlineStride;
              int dst = y * width * bands + b;
              for (int x = 0; x < width; x++, src += pixelStride, dst += bands) {
                out[dst] = data[src] & 0xFF;
              }
            }
            break;
          }
        case DataBuffer.TYPE_USHORT:
          {
            short[] data = ((DataBufferUShort) db).getData(banks[b]);
            for (int y = 0; y < height; y++) {
              int src = base + y * scanlineStride;
              int dst = y * width * bands + b;
              for (int x = 0; x < width; x++, src += pixelStride, dst += bands) {
                out[dst] = data[src] & 0xFFFF;
              }
            }
            break;
          }
        case DataBuffer.TYPE_SHORT:
          {
            short[] data = ((DataBufferShort) db).getData(banks[b]);
            for (int y = 0; y < height; y++) {
              int src = base + y * scanlineStride;
              int dst = y * width * bands + b;
              for (int x = 0; x < width; x++, src += pixelStride, dst += bands) {
                out[dst] = data[src];
              }
            }
            break;
          }
        case DataBuffer.TYPE_INT:
          {
            int[] data = ((DataBufferInt) db).getData(banks[b]);
            for (int y = 0; y < height; y++) {
              int src = base + y * scanlineStride;
              int dst = y * width * bands + b;
              for (int x = 0; x < width; x++, src += pixelStride, dst += bands) {
                out[dst] = data[src];
              }
            }
            break;
          }
        default:
          return raster.getPixels(raster.getMinX(), raster.getMinY(), width, height, out);
      }
    }
    return out;
  }

  private static void checkShape(Raster raster, FrameSpec spec, String codec)
      throws DecodeException {
    int width = raster.getWidth();
    int height = raster.getHeight();
    int bands = raster.getNumBands();
    if (width != spec.columns() || height != spec.rows() || bands != spec.samplesPerPixel()) {
      throw new DecodeException(
          codec
              + " frame "
              + spec.frameIndex()
              + " decodes to "
              + width
              + " x "
              + height
              + " x "
              + bands
              + " samples, but the DICOM header declares "
              + spec.columns()
              + " x "
              + spec.rows()
              + " x "
              + spec.samplesPerPixel()
              + " (columns x rows x samples per pixel)");
    }
  }
}
