package io.datamint.spark.internal.decode.raster;

import io.datamint.spark.internal.core.DType;
import java.awt.image.ColorModel;
import java.awt.image.DataBuffer;
import java.awt.image.IndexColorModel;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;

/**
 * How the samples of an ImageIO raster become output channels: the element type, the channel count,
 * and for grey images of 1, 2 or 4 bits the table that maps stored samples to PIL's values (1 bit:
 * 0 / 1, PIL's mode {@code 1}; 2 and 4 bits: scaled to 0..255, PIL's mode {@code L}).
 *
 * @param dtype the output element type
 * @param channels the output channels: the raster's bands in colour-model order (grey, grey+alpha,
 *     R G B, R G B A, or C M Y K), or 1 for palette indices
 * @param lut for grey images under 8 bits, stored sample -> output value; else null
 * @param packed8 for packed (one int per pixel) rasters whose bands are 8-bit wide fields or
 *     narrower
 */
record RasterLayout(DType dtype, int channels, int[] lut, boolean packed8) {

  /** Whether two frames can share one output array. */
  boolean sameShape(RasterLayout other) {
    return dtype == other.dtype && channels == other.channels;
  }

  /**
   * The layout of rasters of {@code sm} with colour model {@code cm}.
   *
   * @param format the lower-case format name (png, jpeg, tiff, bmp, gif)
   * @return the layout, or null when the sample layout is not supported
   */
  static RasterLayout of(SampleModel sm, ColorModel cm, String format) {
    int bands = sm.getNumBands();
    int dataType = sm.getDataType();
    if (cm instanceof IndexColorModel icm) {
      int bits = sm.getSampleSize(0);
      int[] lut = bits < 8 && bands == 1 ? greyRamp(icm, bits, format) : null;
      if (dataType != DataBuffer.TYPE_BYTE && dataType != DataBuffer.TYPE_USHORT) {
        return null;
      }
      // palette indices, as PIL's mode P; 16-bit indices (TIFF) stay uint16
      DType dtype = dataType == DataBuffer.TYPE_BYTE || bits <= 8 ? DType.UINT8 : DType.UINT16;
      return new RasterLayout(dtype, 1, lut, false);
    }
    if (sm instanceof SinglePixelPackedSampleModel) {
      return new RasterLayout(DType.UINT8, bands, null, true);
    }
    if (sm instanceof MultiPixelPackedSampleModel mpp) {
      int bits = mpp.getPixelBitStride();
      return bands == 1 && bits < 8
          ? new RasterLayout(DType.UINT8, 1, greyScale(bits), false)
          : null;
    }
    DType dtype =
        switch (dataType) {
          case DataBuffer.TYPE_BYTE -> DType.UINT8;
          case DataBuffer.TYPE_USHORT -> DType.UINT16;
          case DataBuffer.TYPE_SHORT -> DType.INT16;
          case DataBuffer.TYPE_INT -> DType.INT32;
          case DataBuffer.TYPE_FLOAT -> DType.FLOAT32;
          case DataBuffer.TYPE_DOUBLE -> DType.FLOAT64;
          default -> null;
        };
    if (dtype == null) {
      return null;
    }
    // ComponentSampleModel (pixel-interleaved or banded) is copied directly; other sample models
    // band by band
    return new RasterLayout(dtype, bands, null, false);
  }

  /**
   * For a grey-ramp palette of {@code bits} bits (what ImageIO makes of 1/2/4-bit grey PNG, BMP and
   * TIFF), the values PIL gives; null when the palette is a real palette (then the indices are
   * returned, as PIL's mode P). Ascending ramps count for every format but GIF (always mode P in
   * PIL); descending ramps (TIFF WhiteIsZero) only for TIFF.
   */
  private static int[] greyRamp(IndexColorModel icm, int bits, String format) {
    int size = 1 << bits;
    if (icm.getMapSize() != size || format.equals("gif")) {
      return null;
    }
    boolean ascending = true;
    boolean descending = true;
    for (int i = 0; i < size; i++) {
      int r = icm.getRed(i);
      if (r != icm.getGreen(i) || r != icm.getBlue(i)) {
        return null;
      }
      int ramp = (int) Math.round(i * 255.0 / (size - 1));
      ascending &= r == ramp;
      descending &= r == 255 - ramp;
    }
    if (!ascending && !(descending && format.equals("tiff"))) {
      return null;
    }
    int[] lut = new int[size];
    for (int i = 0; i < size; i++) {
      int grey = icm.getRed(i);
      lut[i] = bits == 1 ? grey / 255 : grey;
    }
    return lut;
  }

  /**
   * Grey samples of {@code bits} bits as PIL gives them: 0 / 1 for 1 bit, scaled to 0..255 for 2
   * and 4 bits.
   */
  private static int[] greyScale(int bits) {
    int size = 1 << bits;
    int[] lut = new int[size];
    for (int i = 0; i < size; i++) {
      lut[i] = bits == 1 ? i : (int) Math.round(i * 255.0 / (size - 1));
    }
    return lut;
  }
}
