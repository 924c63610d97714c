package io.datamint.spark.internal.decode.dicom;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.decode.LibraryFailure;
import io.datamint.spark.internal.decode.OptionalLibrary;
import java.awt.image.Raster;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Creates the ImageIO readers the codecs use, by class rather than through ImageIO's plugin lookup,
 * which depends on the context class loader when ImageIO first scanned for plugins (in a Spark
 * executor, plugins from the application jar may not have been seen). Readers are not thread-safe:
 * one per decode call.
 *
 * <p>Each reader comes from an {@link OptionalLibrary}, checked before its classes are touched; the
 * classes are named only in nested holders, loaded on first use, so that this class loads without
 * either library, a missing one is a {@link DecodeException} naming it, and the other reader works
 * without it.
 */
final class ImageIoReaders {

  private ImageIoReaders() {}

  /** TwelveMonkeys' JPEG reader provider, registered with ImageIO once. */
  private static final class Jpeg {
    static final ImageReaderSpi PROVIDER = registered();

    private static ImageReaderSpi registered() {
      IIORegistry registry = IIORegistry.getDefaultInstance();
      JPEGImageReaderSpi spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
      if (spi == null) {
        // Registering lets the provider find the JDK's JPEG reader, to which it delegates DCT
        // decoding.
        spi = new JPEGImageReaderSpi();
        registry.registerServiceProvider(spi, ImageReaderSpi.class);
      }
      return spi;
    }
  }

  /** jai-imageio's JPEG 2000 reader provider. */
  private static final class Jpeg2000 {
    static final ImageReaderSpi PROVIDER = new J2KImageReaderSpi();
  }

  /**
   * A new TwelveMonkeys JPEG reader (baseline, extended 8-bit, lossless).
   *
   * @param what the pixel data being decoded, completing "decoding ..." in the message when
   *     TwelveMonkeys is missing
   */
  static ImageReader jpeg(String what) throws IOException, DecodeException {
    OptionalLibrary.TWELVEMONKEYS.require(what);
    return Jpeg.PROVIDER.createReaderInstance();
  }

  /**
   * A new jai-imageio JPEG 2000 reader.
   *
   * @param what the pixel data being decoded, completing "decoding ..." in the message when
   *     jai-imageio is missing
   */
  static ImageReader jpeg2000(String what) throws IOException, DecodeException {
    OptionalLibrary.JAI_IMAGEIO_JPEG2000.require(what);
    return Jpeg2000.PROVIDER.createReaderInstance();
  }

  /** Creates a reader (one of the methods above). */
  @FunctionalInterface
  interface ReaderFactory {
    ImageReader create() throws IOException, DecodeException;
  }

  /**
   * The first raster of the codestream {@code input}, read by a new reader of {@code factory}: the
   * boundary between the DICOM codecs and the third-party ImageIO readers. Those report a corrupt
   * codestream with runtime exceptions as well as {@link IOException}s, so both are the frame's
   * {@link DecodeException}; a {@link DecodeException} of the factory (a missing library) passes
   * unchanged. Only the readers' calls are inside: the codecs' own code is not.
   *
   * @param input the codestream
   * @param frame the frame, starting the message, e.g. "JPEG frame 3"
   */
  static Raster readRaster(ReaderFactory factory, ImageInputStream input, String frame)
      throws DecodeException {
    ImageReader reader = null;
    try {
      reader = factory.create();
      reader.setInput(input, true, true);
      return reader.readRaster(0, null);
    } catch (DecodeException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new DecodeException(
          frame
              + " cannot be decoded: its codestream is corrupt or not supported"
              + LibraryFailure.said(e),
          e);
    } finally {
      if (reader != null) {
        reader.dispose();
      }
    }
  }
}
