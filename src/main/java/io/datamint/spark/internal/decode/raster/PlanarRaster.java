package io.datamint.spark.internal.decode.raster;

import java.awt.Point;
import java.awt.image.ComponentSampleModel;
import java.awt.image.DataBuffer;
import java.awt.image.DataBufferByte;
import java.awt.image.Raster;
import java.awt.image.WritableRaster;

/**
 * An 8-bit raster whose bands are the planes of one frame of the output array ({@code (C, H, W)},
 * band {@code b} at {@code offset + b * H * W}), so that an ImageIO reader handed it as its
 * destination writes the output itself: the scanlines a reader stores with {@link #setRect(int,
 * int, Raster)} (the JDK's JPEG reader stores each decoded line so) are copied from their
 * interleaved buffer straight into the planes, one pass per band over the line. Any other access
 * goes through the {@link ComponentSampleModel} over the same array, as for any raster, and is
 * correct but not fast. Which rows arrived through the fast copy is recorded: {@link
 * #allRowsCopied()} tells whether the whole frame came that way.
 */
final class PlanarRaster extends WritableRaster {

  private final byte[] data;
  private final int offset;
  private final int plane;
  private final boolean[] copied;
  private int rowsCopied;

  private PlanarRaster(ComponentSampleModel sm, DataBufferByte buffer, int offset) {
    super(sm, buffer, new Point(0, 0));
    this.data = buffer.getData();
    this.offset = offset;
    this.plane = sm.getWidth() * sm.getHeight();
    this.copied = new boolean[sm.getHeight()];
  }

  /**
   * A raster over {@code bands} planes of {@code width x height} bytes in {@code out} from {@code
   * offset}.
   */
  static PlanarRaster over(byte[] out, int offset, int bands, int width, int height) {
    int plane = Math.multiplyExact(width, height);
    int[] bandOffsets = new int[bands];
    for (int b = 0; b < bands; b++) {
      bandOffsets[b] = b * plane;
    }
    ComponentSampleModel sm =
        new ComponentSampleModel(DataBuffer.TYPE_BYTE, width, height, 1, width, bandOffsets);
    return new PlanarRaster(
        sm, new DataBufferByte(out, Math.multiplyExact(plane, bands), offset), offset);
  }

  /** Whether every row of the raster was stored through the fast copy of {@link #setRect}. */
  boolean allRowsCopied() {
    return rowsCopied == copied.length;
  }

  @Override
  public void setRect(int dx, int dy, Raster src) {
    if (!copyInterleaved(dx, dy, src)) {
      super.setRect(dx, dy, src);
    }
  }

  /** Copies an interleaved 8-bit raster of as many bands into the planes; false when it is not. */
  private boolean copyInterleaved(int dx, int dy, Raster src) {
    int bands = getNumBands();
    if (src.getNumBands() != bands
        || !(src.getSampleModel() instanceof ComponentSampleModel sm)
        || !(src.getDataBuffer() instanceof DataBufferByte buffer)
        || buffer.getNumBanks() != 1) {
      return false;
    }
    int x0 = dx + src.getMinX();
    int y0 = dy + src.getMinY();
    int w = src.getWidth();
    int h = src.getHeight();
    if (x0 < 0 || y0 < 0 || x0 + w > getWidth() || y0 + h > getHeight()) {
      return false;
    }
    byte[] in = buffer.getData();
    int pixelStride = sm.getPixelStride();
    int scanline = sm.getScanlineStride();
    int[] bandOffsets = sm.getBandOffsets();
    int first =
        buffer.getOffset()
            + (src.getMinY() - src.getSampleModelTranslateY()) * scanline
            + (src.getMinX() - src.getSampleModelTranslateX()) * pixelStride;
    int width = getWidth();
    for (int row = 0; row < h; row++) {
      int line = first + row * scanline;
      int out = offset + (y0 + row) * width + x0;
      for (int b = 0; b < bands; b++, out += plane) {
        int s = line + bandOffsets[b];
        if (pixelStride == 1) {
          System.arraycopy(in, s, data, out, w);
        } else {
          for (int x = 0; x < w; x++, s += pixelStride) {
            data[out + x] = in[s];
          }
        }
      }
      if (x0 == 0 && w == width && !copied[y0 + row]) {
        copied[y0 + row] = true;
        rowsCopied++;
      }
    }
    return true;
  }
}
