package io.datamint.spark.internal.decode.raster;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import java.awt.Rectangle;
import java.awt.Transparency;
import java.awt.image.BufferedImage;
import java.awt.image.ColorModel;
import java.awt.image.ComponentColorModel;
import java.awt.image.DataBuffer;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.plugins.jpeg.JPEGImageReadParam;

/**
 * Reads a JPEG's one image straight into the planes of the output array: the reader is given a
 * {@link PlanarRaster} over the output as its destination, so each decoded scanline is copied once,
 * from the JDK decoder's line buffer into the planes, instead of into an interleaved {@code
 * BufferedImage} (with a per-sample reordering into BGR) and then out of it into the planes.
 *
 * <p>The values are the reader's own for its default destination: the destination has the colour
 * space of the reader's first image type (the one it would create), so the reader converts exactly
 * as it would (libjpeg's YCbCr to RGB, or none for grey). Only the reader's direct path is taken:
 * for the files TwelveMonkeys decodes as a raster and converts itself (CMYK, YCCK, ICC profiles
 * other than sRGB), it sets a source region on the parameters first, which ends this attempt before
 * any decoding; lossless files, which TwelveMonkeys decodes itself, are not tried ({@link
 * #dctFrame}); and a frame any row of which did not arrive through the fast copy is not used
 * either. In both cases {@link #read} returns null and the caller reads the file as before.
 */
final class PlanarJpegRead {

  private PlanarJpegRead() {}

  /** Thrown by the parameters when TwelveMonkeys is about to take its raster path. */
  private static final class NotDirect extends RuntimeException {
    private static final long serialVersionUID = 1L;

    NotDirect() {
      super("not the reader's direct path", null, false, false);
    }
  }

  /** Parameters that end the attempt when a source region is set (TwelveMonkeys' raster path). */
  private static final class DirectOnlyParam extends JPEGImageReadParam {
    @Override
    public void setSourceRegion(Rectangle sourceRegion) {
      throw new NotDirect();
    }
  }

  /**
   * Whether the JPEG's frame header (the first SOF marker) is a Huffman or arithmetic DCT frame
   * (baseline, extended or progressive: SOF0-2, SOF9-10), the frames the JDK's decoder reads; false
   * for lossless and hierarchical frames (TwelveMonkeys reads lossless ones itself and copies them
   * into a destination its own way) and for anything it cannot find.
   */
  static boolean dctFrame(byte[] file, int length) {
    if (length < 4 || (file[0] & 0xFF) != 0xFF || (file[1] & 0xFF) != 0xD8) {
      return false;
    }
    int p = 2;
    while (p + 4 <= length) {
      if ((file[p] & 0xFF) != 0xFF) {
        return false;
      }
      int marker = file[p + 1] & 0xFF;
      if (marker == 0xFF) {
        p++; // fill byte
      } else if (marker == 0x01 || marker >= 0xD0 && marker <= 0xD8) {
        p += 2; // no length: TEM, RSTn, SOI
      } else if (marker >= 0xC0
          && marker <= 0xCF
          && marker != 0xC4
          && marker != 0xC8
          && marker != 0xCC) {
        return marker <= 0xC2 || marker == 0xC9 || marker == 0xCA;
      } else if (marker == 0xDA || marker == 0xD9) {
        return false; // a scan or the end before any frame header
      } else {
        int segment = (file[p + 2] & 0xFF) << 8 | file[p + 3] & 0xFF;
        if (segment < 2) {
          return false;
        }
        p += 2 + segment;
      }
    }
    return false;
  }

  /**
   * Frame 0 of the JPEG {@code reader} reads, of {@code width x height}, as {@code (1, C, H, W)}
   * uint8; or null when this way does not apply to the file (the caller then reads it as before).
   *
   * @throws IOException when the reader fails to decode the file
   * @throws DecodeException when the output exceeds the limits
   */
  static PixelArray read(ImageReader reader, int width, int height, DecodeLimits limits)
      throws IOException, DecodeException {
    Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
    if (!types.hasNext()) {
      return null;
    }
    ImageTypeSpecifier type = types.next();
    int imageType = type.getBufferedImageType();
    if (imageType != BufferedImage.TYPE_3BYTE_BGR && imageType != BufferedImage.TYPE_BYTE_GRAY) {
      return null;
    }
    int bands = imageType == BufferedImage.TYPE_BYTE_GRAY ? 1 : 3;
    // used only when every row was written (allRowsCopied)
    PixelArray pixels =
        PixelArray.allocateForOverwrite(limits, DType.UINT8, 1, bands, height, width);
    PlanarRaster raster = PlanarRaster.over(pixels.data().array(), 0, bands, width, height);
    ColorModel cm =
        new ComponentColorModel(
            type.getColorModel().getColorSpace(),
            false,
            false,
            Transparency.OPAQUE,
            DataBuffer.TYPE_BYTE);
    BufferedImage destination = new BufferedImage(cm, raster, false, null);
    JPEGImageReadParam param = new DirectOnlyParam();
    param.setDestination(destination);
    BufferedImage read;
    try {
      read = reader.read(0, param);
    } catch (NotDirect e) {
      return null;
    }
    return read == destination && raster.allRowsCopied() ? pixels : null;
  }
}
