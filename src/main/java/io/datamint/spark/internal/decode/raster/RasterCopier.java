package io.datamint.spark.internal.decode.raster;

import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.DataBufferDouble;
import java.awt.image.DataBufferFloat;
import java.awt.image.DataBufferInt;
import java.awt.image.DataBufferShort;
import java.awt.image.DataBufferUShort;
import java.awt.image.MultiPixelPackedSampleModel;
import java.awt.image.Raster;
import java.awt.image.SampleModel;
import java.awt.image.SinglePixelPackedSampleModel;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.ShortBuffer;

/**
 * Copies one decoded frame (an ImageIO {@link Raster}) into its {@code (C, H, W)} plane of the
 * output, band by band and row by row, straight from the raster's data arrays: contiguous rows are
 * one bulk copy, strided ones a plain loop over a primitive array. The sample model is inspected
 * once per band, never per pixel; only sample models this class does not know (none of the ImageIO
 * readers used here make one) go through {@link Raster#getSamples}, one call per row.
 */
final class RasterCopier {

  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle FLOAT_LE =
      MethodHandles.byteArrayViewVarHandle(float[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle DOUBLE_LE =
      MethodHandles.byteArrayViewVarHandle(double[].class, ByteOrder.LITTLE_ENDIAN);

  private RasterCopier() {}

  /**
   * Copies {@code raster} into {@code out} (the whole output's little-endian bytes, a heap buffer
   * from {@code PixelArray.allocate}, so its array starts at offset 0) from element {@code start}.
   */
  static void copy(Raster raster, RasterLayout layout, ByteBuffer out, long start) {
    SampleModel sm = raster.getSampleModel();
    int width = raster.getWidth();
    int height = raster.getHeight();
    // raster coordinates -> sample model coordinates
    int x0 = raster.getMinX() - raster.getSampleModelTranslateX();
    int y0 = raster.getMinY() - raster.getSampleModelTranslateY();
    byte[] dst = out.array();
    int itemSize = layout.dtype().itemSize();
    long plane = (long) width * height;
    DataBuffer db = raster.getDataBuffer();
    for (int band = 0; band < layout.channels(); band++) {
      int d = Math.toIntExact((start + band * plane) * itemSize);
      if (layout.packed8() && sm instanceof SinglePixelPackedSampleModel sp) {
        packed(sp, db, band, x0, y0, width, height, dst, d);
      } else if (sm instanceof MultiPixelPackedSampleModel mp
          && db instanceof DataBufferByte bytes) {
        bits(mp, bytes, x0, y0, width, height, layout.lut(), dst, d);
      } else if (sm instanceof ComponentSampleModel cs && layout.lut() == null) {
        component(cs, db, band, x0, y0, width, height, out, dst, d);
      } else {
        generic(raster, layout, band, dst, d);
      }
    }
  }

  private static void component(
      ComponentSampleModel cs,
      DataBuffer db,
      int band,
      int x0,
      int y0,
      int width,
      int height,
      ByteBuffer out,
      byte[] dst,
      int d) {
    int bank = cs.getBankIndices()[band];
    int pixelStride = cs.getPixelStride();
    int scanline = cs.getScanlineStride();
    int first =
        db.getOffsets()[bank] + cs.getBandOffsets()[band] + y0 * scanline + x0 * pixelStride;
    ByteBuffer le = out.duplicate().position(0).order(ByteOrder.LITTLE_ENDIAN);
    switch (db.getDataType()) {
      case DataBuffer.TYPE_BYTE -> {
        byte[] src = ((DataBufferByte) db).getData(bank);
        for (int y = 0, s = first; y < height; y++, s += scanline, d += width) {
          if (pixelStride == 1) {
            System.arraycopy(src, s, dst, d, width);
          } else {
            for (int x = 0, p = s, q = d; x < width; x++, q++, p += pixelStride) {
              dst[q] = src[p];
            }
          }
        }
      }
      case DataBuffer.TYPE_USHORT, DataBuffer.TYPE_SHORT -> {
        short[] src =
            db instanceof DataBufferUShort u
                ? u.getData(bank)
                : ((DataBufferShort) db).getData(bank);
        ShortBuffer view = le.asShortBuffer();
        for (int y = 0, s = first; y < height; y++, s += scanline, d += 2 * width) {
          if (pixelStride == 1) {
            view.put(d / 2, src, s, width);
          } else {
            for (int x = 0, p = s, q = d; x < width; x++, q += 2, p += pixelStride) {
              SHORT_LE.set(dst, q, src[p]);
            }
          }
        }
      }
      case DataBuffer.TYPE_INT -> {
        int[] src = ((DataBufferInt) db).getData(bank);
        IntBuffer view = le.asIntBuffer();
        for (int y = 0, s = first; y < height; y++, s += scanline, d += 4 * width) {
          if (pixelStride == 1) {
            view.put(d / 4, src, s, width);
          } else {
            for (int x = 0, p = s, q = d; x < width; x++, q += 4, p += pixelStride) {
              INT_LE.set(dst, q, src[p]);
            }
          }
        }
      }
      case DataBuffer.TYPE_FLOAT -> {
        float[] src = ((DataBufferFloat) db).getData(bank);
        FloatBuffer view = le.asFloatBuffer();
        for (int y = 0, s = first; y < height; y++, s += scanline, d += 4 * width) {
          if (pixelStride == 1) {
            view.put(d / 4, src, s, width);
          } else {
            for (int x = 0, p = s, q = d; x < width; x++, q += 4, p += pixelStride) {
              FLOAT_LE.set(dst, q, src[p]);
            }
          }
        }
      }
      case DataBuffer.TYPE_DOUBLE -> {
        double[] src = ((DataBufferDouble) db).getData(bank);
        DoubleBuffer view = le.asDoubleBuffer();
        for (int y = 0, s = first; y < height; y++, s += scanline, d += 8 * width) {
          if (pixelStride == 1) {
            view.put(d / 8, src, s, width);
          } else {
            for (int x = 0, p = s, q = d; x < width; x++, q += 8, p += pixelStride) {
              DOUBLE_LE.set(dst, q, src[p]);
            }
          }
        }
      }
      default -> throw new IllegalStateException("data type " + db.getDataType());
    }
  }

  /**
   * 1, 2 or 4-bit samples packed in bytes, through the grey table when there is one (else palette
   * indices).
   */
  private static void bits(
      MultiPixelPackedSampleModel mp,
      DataBufferByte db,
      int x0,
      int y0,
      int width,
      int height,
      int[] lut,
      byte[] dst,
      int d) {
    byte[] src = db.getData();
    int bitsPerPixel = mp.getPixelBitStride();
    int mask = (1 << bitsPerPixel) - 1;
    int scanline = mp.getScanlineStride();
    int base = db.getOffset() + (y0 * scanline);
    int firstBit = mp.getDataBitOffset() + x0 * bitsPerPixel;
    for (int y = 0; y < height; y++) {
      int row = base + y * scanline;
      for (int x = 0, bit = firstBit; x < width; x++, bit += bitsPerPixel) {
        int sample = (src[row + (bit >>> 3)] >>> (8 - bitsPerPixel - (bit & 7))) & mask;
        dst[d++] = (byte) (lut == null ? sample : lut[sample]);
      }
    }
  }

  /**
   * One band of a packed (one element per pixel) raster, as 8-bit values: 8-bit fields as they are.
   */
  private static void packed(
      SinglePixelPackedSampleModel sp,
      DataBuffer db,
      int band,
      int x0,
      int y0,
      int width,
      int height,
      byte[] dst,
      int d) {
    int mask = sp.getBitMasks()[band];
    int shift = sp.getBitOffsets()[band];
    int max = mask >>> shift;
    int scanline = sp.getScanlineStride();
    int first = db.getOffset() + y0 * scanline + x0;
    int[] ints = db instanceof DataBufferInt i ? i.getData() : null;
    short[] shorts = db instanceof DataBufferUShort u ? u.getData() : null;
    byte[] bytes = db instanceof DataBufferByte b ? b.getData() : null;
    for (int y = 0; y < height; y++) {
      int s = first + y * scanline;
      for (int x = 0; x < width; x++, s++) {
        int pixel = ints != null ? ints[s] : shorts != null ? shorts[s] & 0xFFFF : bytes[s] & 0xFF;
        int field = (pixel & mask) >>> shift;
        dst[d++] = (byte) (max == 255 ? field : (field * 255 + max / 2) / max);
      }
    }
  }

  /** Any other raster: one {@link Raster#getSamples} call per row. */
  private static void generic(Raster raster, RasterLayout layout, int band, byte[] dst, int d) {
    int width = raster.getWidth();
    int x = raster.getMinX();
    int[] lut = layout.lut();
    switch (layout.dtype()) {
      case FLOAT32 -> {
        float[] row = new float[width];
        for (int y = 0; y < raster.getHeight(); y++) {
          raster.getSamples(x, raster.getMinY() + y, width, 1, band, row);
          for (float v : row) {
            FLOAT_LE.set(dst, d, v);
            d += 4;
          }
        }
      }
      case FLOAT64 -> {
        double[] row = new double[width];
        for (int y = 0; y < raster.getHeight(); y++) {
          raster.getSamples(x, raster.getMinY() + y, width, 1, band, row);
          for (double v : row) {
            DOUBLE_LE.set(dst, d, v);
            d += 8;
          }
        }
      }
      default -> {
        int[] row = new int[width];
        int size = layout.dtype().itemSize();
        for (int y = 0; y < raster.getHeight(); y++) {
          raster.getSamples(x, raster.getMinY() + y, width, 1, band, row);
          for (int v : row) {
            if (lut != null) {
              v = lut[v & (lut.length - 1)];
            }
            switch (size) {
              case 1 -> dst[d] = (byte) v;
              case 2 -> SHORT_LE.set(dst, d, (short) v);
              default -> INT_LE.set(dst, d, v);
            }
            d += size;
          }
        }
      }
    }
  }
}
