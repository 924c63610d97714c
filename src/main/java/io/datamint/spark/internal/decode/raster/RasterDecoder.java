package io.datamint.spark.internal.decode.raster;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.LibraryFailure;
import io.datamint.spark.internal.decode.MemoryImageInputStream;
import io.datamint.spark.internal.decode.OptionalLibrary;
import io.datamint.spark.internal.decode.ResourceDecoder;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.regex.Pattern;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.spi.IIORegistry;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * Decodes PNG, JPEG, TIFF, BMP and GIF files through {@code javax.imageio}, reading each frame's
 * {@link Raster} (never {@code getRGB}) so that the stored bit depth stays. The format is told by
 * content (the readers' signatures), not by name.
 *
 * <h2>Output {@code (N, C, H, W)}, as the SDK's PIL reader ({@code np.array(Image.open(f))}) where
 * it can</h2>
 *
 * <ul>
 *   <li>8-bit grey: {@code (1, 1, H, W)} uint8; grey + alpha: C = 2; RGB: C = 3 in R, G, B order;
 *       RGBA: C = 4 (alpha kept), all as PIL.
 *   <li>16-bit grey: uint16. (PIL 9 gives int32 for 16-bit PNG, uint16 for 16-bit TIFF; the values
 *       are the same.)
 *   <li>16-bit colour (RGB, RGBA, grey+alpha PNG): uint16, C = 3 / 4 / 2. <b>Differs from PIL</b>,
 *       which keeps only the high byte (mode RGB / RGBA, uint8): the stored depth is kept, as the
 *       contract asks.
 *   <li>1-bit grey: uint8 0 / 1 (PIL gives bool 0 / 1, mode {@code 1}). 2 and 4-bit grey: uint8
 *       scaled to 0..255, as PIL's mode {@code L} ({@code 0, 85, 170, 255} and multiples of 17).
 *   <li>Palette images (PNG, GIF, BMP and TIFF with a colour map): the <b>indices</b>, uint8, C =
 *       1, as PIL's mode {@code P}. The palette itself is not returned. A palette that is exactly a
 *       grey ramp under 8 bits is read as grey (that is how ImageIO describes 1/2/4-bit grey PNG,
 *       BMP and TIFF).
 *   <li>32-bit integer TIFF: int32 (PIL mode {@code I}); float TIFF: float32 (mode {@code F}).
 *   <li>JPEG: as the JPEG reader decodes it (TwelveMonkeys; CMYK / YCCK JPEGs are converted to RGB,
 *       PIL would return 4 CMYK channels). Values may differ from libjpeg's (PIL's) by a few
 *       levels: IDCT and chroma upsampling are not bit-exact across decoders. Grey and RGB JPEGs
 *       the reader decodes directly are written straight into the output's planes ({@link
 *       PlanarJpegRead}), with the same values.
 *   <li>Frames: a multi-page TIFF or an animated GIF gives N = the number of frames (every frame
 *       must have the size and channel layout of the first; a GIF whose later frames are patches of
 *       another size is an error, as is a TIFF with pages of different sizes). <b>The SDK (PIL)
 *       reads only the first frame.</b> PNG (APNG), JPEG and BMP give their first image, N = 1. GIF
 *       frames are the frames as stored, not composited, each as indices into its own (local or
 *       global) palette. Interlaced GIF frames 2 to 4 rows high are an error: the JDK's GIF reader
 *       misplaces their rows.
 * </ul>
 *
 * <p>The width and height of every frame are read from the headers and checked against the {@link
 * DecodeLimits} before any pixel is decoded. {@code metainfo} and {@code affine} are null. A
 * truncated or corrupt file is a {@link DecodeException}; so is a reader warning about premature
 * end of data (the JPEG readers otherwise fill the missing part silently, where PIL raises).
 *
 * <p>The common PNG files (8 and 16 bits, not interlaced, grey, grey + alpha, RGB, RGBA, 8-bit
 * palette) are decoded by {@link PngDecoder} over the JDK's zlib, with the same output; the others
 * (1, 2 and 4 bits, Adam7 interlacing, unusual chunk layouts) by the JDK's PNG reader.
 *
 * <p>Plugins: the TwelveMonkeys JPEG and TIFF readers are registered with ImageIO from this class's
 * own class loader, once, so that they are found in a Spark executor whatever class loader first
 * initialised ImageIO; when several readers claim a file, TwelveMonkeys' is preferred, then the
 * JDK's. PNG, BMP and GIF need the JDK only; JPEG and TIFF need TwelveMonkeys ({@link
 * OptionalLibrary#TWELVEMONKEYS}), and without it are a {@link DecodeException} naming it.
 * Stateless and thread-safe.
 */
public final class RasterDecoder implements ResourceDecoder {

  private static final List<String> FORMATS = List.of("png", "jpeg", "tiff", "bmp", "gif");

  /**
   * The formats read with TwelveMonkeys only. The JDK has JPEG and TIFF readers too, but they read
   * some files differently (CMYK JPEGs, TIFF compressions): without TwelveMonkeys such files are an
   * error naming it, so that a file decodes the same wherever it decodes.
   */
  private static final List<String> TWELVEMONKEYS_FORMATS = List.of("jpeg", "tiff");

  private static final Pattern TRUNCATION =
      Pattern.compile("(?i)premature|truncat|end of (file|stream|data)|unexpected end|eof");

  /** Registers the ImageIO readers of this class's class loader, once per JVM. */
  private static final class Plugins {
    static final IIORegistry REGISTRY = register();

    private static IIORegistry register() {
      IIORegistry registry = IIORegistry.getDefaultInstance();
      Iterator<ImageReaderSpi> spis =
          ServiceLoader.load(ImageReaderSpi.class, RasterDecoder.class.getClassLoader()).iterator();
      while (true) {
        try {
          if (!spis.hasNext()) {
            break;
          }
          ImageReaderSpi spi = spis.next();
          if (registry.getServiceProviderByClass(spi.getClass()) == null) {
            registry.registerServiceProvider(spi, ImageReaderSpi.class);
          }
        } catch (ServiceConfigurationError | LinkageError e) {
          // a plugin that cannot load (missing optional dependency) is skipped; the others still
          // register
        }
      }
      return registry;
    }
  }

  @Override
  public DecodedResource decode(byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    if (length < 0 || length > file.length) {
      throw new IllegalArgumentException(
          "length " + length + " outside the array of " + file.length);
    }
    PngFile png = PngFile.parse(file, length);
    if (png != null) {
      return PngDecoder.decode(png, file, limits);
    }
    return decodeWithImageIo(file, length, limits);
  }

  /** Decodes through ImageIO: every format but the PNG files {@link PngDecoder} reads. */
  DecodedResource decodeWithImageIo(byte[] file, int length, DecodeLimits limits)
      throws DecodeException {
    ImageInputStream in = new MemoryImageInputStream(file, 0, length);
    ImageReaderSpi spi = chooseReader(in);
    String format = formatOf(spi);
    if (TWELVEMONKEYS_FORMATS.contains(format)) {
      OptionalLibrary.TWELVEMONKEYS.require("this " + format.toUpperCase(Locale.ROOT) + " image");
    }
    ImageReader reader;
    try {
      reader = spi.createReaderInstance();
    } catch (IOException e) {
      throw new DecodeException(
          "cannot create the " + format + " reader" + LibraryFailure.said(e), e);
    }
    List<String> warnings = new ArrayList<>();
    reader.addIIOReadWarningListener((source, warning) -> warnings.add(warning));
    try {
      reader.setInput(in, false, true);
      boolean planarJpeg = format.equals("jpeg") && PlanarJpegRead.dctFrame(file, length);
      return read(reader, format, limits, warnings, planarJpeg);
    } catch (DecodeException e) {
      throw e;
    } catch (IOException
        | RuntimeException e) { // the ImageIO reader (third party) choking on a corrupt file
      throw new DecodeException(
          "cannot decode the "
              + format.toUpperCase(Locale.ROOT)
              + " image: its data is corrupt, truncated or not supported"
              + LibraryFailure.said(e),
          e);
    } finally {
      reader.dispose();
    }
  }

  private static DecodedResource read(
      ImageReader reader,
      String format,
      DecodeLimits limits,
      List<String> warnings,
      boolean planarJpeg)
      throws IOException, DecodeException {
    boolean multiFrame = format.equals("tiff") || format.equals("gif");
    int frames = multiFrame ? reader.getNumImages(true) : 1;
    if (frames < 1) {
      throw new DecodeException(
          "the "
              + format.toUpperCase(Locale.ROOT)
              + " file holds no complete image"
              + " (empty or truncated)");
    }
    int width = reader.getWidth(0);
    int height = reader.getHeight(0);
    for (int i = 1; i < frames; i++) {
      int w = reader.getWidth(i);
      int h = reader.getHeight(i);
      if (w != width || h != height) {
        throw new DecodeException(
            "frame "
                + i
                + " of the "
                + format.toUpperCase(Locale.ROOT)
                + " file is "
                + w
                + "x"
                + h
                + ", frame 0 is "
                + width
                + "x"
                + height
                + ": frames of different sizes (partial GIF frames,"
                + " TIFF thumbnails) cannot be stacked as (N, C, H, W)");
      }
    }
    // the size from the headers, checked before the reader decodes (and allocates) any pixel: first
    // at one byte per pixel (the dimensions alone), then with the type the reader announces
    limits.checkedByteSize(DType.UINT8, frames, 1, height, width);
    RasterLayout predicted = predict(reader, format);
    limits.checkedByteSize(
        predicted == null ? DType.UINT8 : predicted.dtype(),
        frames,
        predicted == null ? 1 : predicted.channels(),
        height,
        width);
    if (format.equals("gif") && height >= 2 && height <= 4) {
      checkGifInterlace(reader, frames);
    }
    if (planarJpeg) {
      PixelArray planar = PlanarJpegRead.read(reader, width, height, limits);
      if (planar != null) {
        checkWarnings(warnings, format);
        return new DecodedResource(planar, null, null);
      }
      warnings.clear(); // read again below, as any other image
    }
    ImageReadParam param = reader.getDefaultReadParam();
    PixelArray pixels = null;
    RasterLayout layout = null;
    for (int i = 0; i < frames; i++) {
      BufferedImage image = reader.read(i, param);
      checkWarnings(warnings, format);
      Raster raster = image.getRaster();
      RasterLayout actual = RasterLayout.of(raster.getSampleModel(), image.getColorModel(), format);
      if (actual == null) {
        throw new DecodeException(
            "unsupported "
                + format.toUpperCase(Locale.ROOT)
                + " sample layout: "
                + raster.getSampleModel().getClass().getSimpleName()
                + " of data type "
                + raster.getSampleModel().getDataType()
                + " with "
                + image.getColorModel());
      }
      if (raster.getWidth() != width || raster.getHeight() != height) {
        throw new DecodeException(
            "frame "
                + i
                + " decodes to "
                + raster.getWidth()
                + "x"
                + raster.getHeight()
                + ", its header says "
                + width
                + "x"
                + height);
      }
      if (layout == null) {
        layout = actual;
        pixels =
            PixelArray.allocate(limits, layout.dtype(), frames, layout.channels(), height, width);
      } else if (!layout.sameShape(actual)) {
        throw new DecodeException(
            "frame "
                + i
                + " of the "
                + format.toUpperCase(Locale.ROOT)
                + " file has "
                + actual.channels()
                + " "
                + actual.dtype().numpyName()
                + " channels, frame 0 has "
                + layout.channels()
                + " "
                + layout.dtype().numpyName()
                + ": frames of different types cannot be stacked");
      }
      RasterCopier.copy(
          raster, actual, pixels.data(), (long) i * layout.channels() * height * width);
    }
    return new DecodedResource(pixels, null, null);
  }

  /**
   * The JDK's GIF reader misplaces the rows of interlaced frames 2 to 4 rows high (it does not skip
   * the empty interlace passes, so one row is lost and two are swapped): such a file is an error
   * rather than wrong pixels.
   */
  private static void checkGifInterlace(ImageReader reader, int frames)
      throws IOException, DecodeException {
    for (int i = 0; i < frames; i++) {
      IIOMetadata metadata = reader.getImageMetadata(i);
      if (metadata == null
          || !"javax_imageio_gif_image_1.0".equals(metadata.getNativeMetadataFormatName())) {
        continue;
      }
      Node tree = metadata.getAsTree("javax_imageio_gif_image_1.0");
      NodeList descriptors = ((Element) tree).getElementsByTagName("ImageDescriptor");
      if (descriptors.getLength() > 0
          && "TRUE"
              .equalsIgnoreCase(((Element) descriptors.item(0)).getAttribute("interlaceFlag"))) {
        throw new DecodeException(
            "frame "
                + i
                + " of the GIF file is interlaced and only "
                + reader.getHeight(i)
                + " rows high, which the JDK GIF reader decodes wrongly; not decoded");
      }
    }
  }

  /** The layout the reader announces for frame 0, or null when it announces none. */
  private static RasterLayout predict(ImageReader reader, String format) throws IOException {
    ImageTypeSpecifier type = reader.getRawImageType(0);
    if (type == null) {
      Iterator<ImageTypeSpecifier> types = reader.getImageTypes(0);
      type = types.hasNext() ? types.next() : null;
    }
    return type == null
        ? null
        : RasterLayout.of(type.getSampleModel(1, 1), type.getColorModel(), format);
  }

  private static void checkWarnings(List<String> warnings, String format) throws DecodeException {
    for (String warning : warnings) {
      if (TRUNCATION.matcher(warning).find()) {
        throw new DecodeException(
            "truncated " + format.toUpperCase(Locale.ROOT) + " image: " + warning);
      }
    }
  }

  /** The most preferred reader that recognises the content among the supported formats. */
  private static ImageReaderSpi chooseReader(ImageInputStream in) throws DecodeException {
    Iterator<ImageReaderSpi> spis =
        Plugins.REGISTRY.getServiceProviders(ImageReaderSpi.class, true);
    ImageReaderSpi best = null;
    int bestRank = Integer.MAX_VALUE;
    while (spis.hasNext()) {
      ImageReaderSpi spi = spis.next();
      if (formatOf(spi) == null) {
        continue;
      }
      int rank = rank(spi);
      if (rank >= bestRank) {
        continue;
      }
      try {
        in.seek(0);
        if (spi.canDecodeInput(in)) {
          best = spi;
          bestRank = rank;
        }
      } catch (IOException | RuntimeException e) {
        // a reader that fails to sniff the content does not claim it
      }
    }
    try {
      in.seek(0);
    } catch (IOException e) {
      throw new DecodeException("cannot rewind the image bytes" + LibraryFailure.said(e), e);
    }
    if (best == null) {
      throw new DecodeException(
          "not an image in a supported format (PNG, JPEG, TIFF, BMP, GIF): no ImageIO"
              + " reader recognises the content");
    }
    return best;
  }

  /** The class of the reader provider chosen for {@code file} (for tests). */
  static String readerFor(byte[] file) throws DecodeException {
    return chooseReader(new MemoryImageInputStream(file)).getClass().getName();
  }

  private static int rank(ImageReaderSpi spi) {
    String name = spi.getClass().getName();
    if (name.startsWith("com.twelvemonkeys.")) {
      return 0;
    }
    return name.startsWith("com.sun.imageio.") ? 1 : 2;
  }

  /** The supported format a reader reads (png, jpeg, tiff, bmp or gif), or null. */
  private static String formatOf(ImageReaderSpi spi) {
    for (String name : spi.getFormatNames()) {
      String n = name.toLowerCase(Locale.ROOT);
      if (n.equals("jpg")) {
        n = "jpeg";
      } else if (n.equals("tif")) {
        n = "tiff";
      }
      if (FORMATS.contains(n)) {
        return n;
      }
    }
    return null;
  }
}
