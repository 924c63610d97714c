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
 * any decoding; and a frame any row of which did not arrive through the fast copy is not used
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
    PixelArray pixels = PixelArray.allocate(limits, DType.UINT8, 1, bands, height, width);
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
