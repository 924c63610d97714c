package io.datamint.spark.decode.dicom;

import com.github.jaiimageio.jpeg2000.impl.J2KImageReaderSpi;
import com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi;
import java.io.IOException;
import javax.imageio.ImageReader;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;

/**
 * Creates the ImageIO readers the codecs use, by class rather than through ImageIO's plugin lookup, which depends on
 * the context class loader when ImageIO first scanned for plugins (in a Spark executor, plugins from the
 * application jar may not have been seen). Readers are not thread-safe: one per decode call.
 */
final class ImageIoReaders {

  private static final J2KImageReaderSpi J2K = new J2KImageReaderSpi();
  private static volatile ImageReaderSpi jpegProvider;

  private ImageIoReaders() {}

  /** A new TwelveMonkeys JPEG reader (baseline, extended 8-bit, lossless). */
  static ImageReader jpeg() throws IOException {
    return twelveMonkeysJpeg().createReaderInstance();
  }

  /** A new jai-imageio JPEG 2000 reader. */
  static ImageReader jpeg2000() throws IOException {
    return J2K.createReaderInstance();
  }

  private static ImageReaderSpi twelveMonkeysJpeg() {
    ImageReaderSpi provider = jpegProvider;
    if (provider == null) {
      provider = registeredJpegProvider();
      jpegProvider = provider;
    }
    return provider;
  }

  private static synchronized ImageReaderSpi registeredJpegProvider() {
    IIORegistry registry = IIORegistry.getDefaultInstance();
    JPEGImageReaderSpi spi = registry.getServiceProviderByClass(JPEGImageReaderSpi.class);
    if (spi == null) {
      // Registering lets the provider find the JDK's JPEG reader, to which it delegates DCT decoding.
      spi = new JPEGImageReaderSpi();
      registry.registerServiceProvider(spi, ImageReaderSpi.class);
    }
    return spi;
  }
}
