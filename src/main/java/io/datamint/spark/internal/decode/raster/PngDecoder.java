package io.datamint.spark.internal.decode.raster;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import io.datamint.spark.internal.decode.DecodedResource;
import io.datamint.spark.internal.decode.IsalInflate;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Decodes the common PNG files without ImageIO: non-interlaced, 8 or 16 bits per sample, grey, grey
 * + alpha, RGB, RGBA, and 8-bit palette images ({@link PngFile#parse} says which; bit depths 1, 2
 * and 4, Adam7-interlaced files and unusual chunk layouts go to the JDK's reader through {@link
 * RasterDecoder}, as before). The output is exactly what {@link RasterDecoder} gives through the
 * JDK's reader: {@code (1, C, H, W)}, uint8 or uint16 (16-bit samples converted once from the
 * file's big-endian to the array's little-endian order), the channels in stored order, palette
 * images as their indices, and for a grey or RGB image with a tRNS colour an added alpha channel (0
 * where a pixel has that colour, 255 or 65535 elsewhere), as the JDK reader adds it.
 *
 * <p>Where ISA-L loads ({@link IsalInflate}: Linux and macOS on x86_64) the image data is inflated
 * whole, in one native call, and used only when it is the complete, valid stream of exactly the
 * image's size; otherwise (other platforms, larger images, a cut, corrupt or longer stream) it is
 * inflated by the JDK's native zlib ({@link Inflater}) straight from the file's IDAT chunks (no
 * copy of the compressed bytes) into a strip of about 64 KiB of rows (filter byte and samples),
 * which gives the errors and the partial-data rules below. Either way an 8-bit row is unfiltered
 * from the inflated data straight into its planes of the output against the row above there ({@link
 * PngPlaneUnfilter}); a 16-bit row, or one with a tRNS colour, is copied into a row buffer,
 * unfiltered in place ({@link PngFilters}) and written into the planes ({@link PngPlanes}), 16-bit
 * samples swapped to little-endian and the tRNS alpha plane added on the way (for 16-bit samples
 * that path's contiguous loops, Up vectorised and the swap eight bytes at a time, measured faster
 * than the strided lanes of the direct one). No per-pixel call, no ImageIO raster, no intermediate
 * image.
 *
 * <p>Checks as the JDK reader's: chunk CRCs are not checked (neither reader does); after the last
 * row up to 8 KiB more are inflated, as far as the JDK reader reads ahead, so that a corrupt stream
 * end (zlib checks the Adler-32 there) is an error as it is there; data beyond is ignored, and so
 * are a missing stream end and (for other than palette images) a missing IEND chunk once every row
 * is there. The array's size is checked against the {@link DecodeLimits} from the header before
 * anything is allocated or inflated (the same checks, in the same order, with the same messages as
 * {@link RasterDecoder}'s). Image data that ends before the last row, is not a valid zlib stream or
 * has a row of an unknown filter type is a {@link DecodeException} naming the row.
 */
final class PngDecoder {

  /**
   * Bytes inflated after the last row: the JDK reader reads the rows through an 8 KiB buffer, so it
   * inflates up to that much further and fails on a corrupt stream end within it.
   */
  private static final int READ_AHEAD = 8192;

  /**
   * The rows inflated in one call: about 64 KiB of them, so that zlib runs its fast loop (it needs
   * 258 bytes of room) over nearly all of the output and the native call is not made per row.
   */
  private static final int STRIP_BYTES = 64 << 10;

  /**
   * The largest image data inflated whole by ISA-L (a buffer besides the output); larger images are
   * inflated by zlib in strips.
   */
  private static final int WHOLE_BYTES = 64 << 20;

  private PngDecoder() {}

  /** Decodes {@code png}, the structure of {@code file}. */
  static DecodedResource decode(PngFile png, byte[] file, DecodeLimits limits)
      throws DecodeException {
    return decode(png, file, limits, true);
  }

  /**
   * Decodes {@code png}, the structure of {@code file}, with ISA-L where it is available and {@code
   * isal} is true, otherwise with the JDK's zlib (the tests compare both).
   */
  static DecodedResource decode(PngFile png, byte[] file, DecodeLimits limits, boolean isal)
      throws DecodeException {
    return decode(png, file, limits, isal, true);
  }

  /**
   * Decodes as above, the rows unfiltered straight into the planes ({@link PngPlaneUnfilter}) when
   * {@code fused} is true, the samples have 8 bits, there are 2 to 4 channels and no tRNS colour,
   * else through a row buffer ({@link PngFilters}, {@link PngPlanes}); the decoder benchmark
   * compares both.
   */
  static DecodedResource decode(
      PngFile png, byte[] file, DecodeLimits limits, boolean isal, boolean fused)
      throws DecodeException {
    int width = png.width();
    int height = png.height();
    DType dtype = png.bitDepth() == 16 ? DType.UINT16 : DType.UINT8;
    // as RasterDecoder: the dimensions alone, then with the type and channels
    limits.checkedByteSize(DType.UINT8, 1, 1, height, width);
    limits.checkedByteSize(dtype, 1, png.channels(), height, width);
    // every byte is written, row by row, before it is read (as the row above), or the decode fails
    PixelArray pixels =
        PixelArray.allocateForOverwrite(limits, dtype, 1, png.channels(), height, width);
    byte[] out = pixels.data().array();
    Rows rows =
        fused && png.transparent() == null && png.bitDepth() == 8 && png.storedChannels() > 1
            ? new Rows(png, new PngPlaneUnfilter(out, width, height, png.storedChannels()))
            : new Rows(png, new PngPlanes(png, out));
    // the inflated data beside the output: within WHOLE_BYTES and what the budget leaves
    long room = Math.min(WHOLE_BYTES, limits.maxDecodedBytes() - pixels.data().capacity());
    byte[] whole = isal ? inflateWhole(png, file, rows.stride, room) : null;
    if (whole != null) {
      rows.write(whole, height, 0);
    } else {
      inflateInStrips(png, file, rows);
    }
    return new DecodedResource(pixels, null, null);
  }

  /**
   * The whole image data inflated at once by ISA-L ({@link IsalInflate}), or null where ISA-L is
   * not available, the image's inflated size is above {@code room}, or the stream is not a complete
   * valid one of exactly the image's size (then zlib reads it, with its errors).
   */
  private static byte[] inflateWhole(PngFile png, byte[] file, int stride, long room) {
    long size = (long) stride * png.height();
    int[] idat = png.idat();
    if (!IsalInflate.available() || size >= room || idat.length == 0) {
      return null;
    }
    byte[] in = file;
    int offset = idat[0];
    int length = idat[1];
    if (idat.length > 2) { // the chunks' data in one piece
      long total = 0;
      for (int i = 1; i < idat.length; i += 2) {
        total += idat[i];
      }
      if (total > Integer.MAX_VALUE - 16) {
        return null;
      }
      in = new byte[(int) total];
      offset = 0;
      length = 0;
      for (int i = 0; i < idat.length; i += 2) {
        System.arraycopy(file, idat[i], in, length, idat[i + 1]);
        length += idat[i + 1];
      }
    }
    byte[] out = new byte[(int) size + 1];
    return IsalInflate.inflateZlib(in, offset, length, out, (int) size) ? out : null;
  }

  /** Inflates with the JDK's zlib, a strip of rows at a time, and writes the rows. */
  private static void inflateInStrips(PngFile png, byte[] file, Rows rows) throws DecodeException {
    int height = png.height();
    int stride = rows.stride;
    int perStrip = Math.max(1, Math.min(height, STRIP_BYTES / stride));
    byte[] strip = new byte[perStrip * stride];
    ImageData data = new ImageData(file, png.idat());
    int y = 0;
    try {
      while (y < height) {
        int n = Math.min(perStrip, height - y);
        int filled = data.inflate(strip, n * stride);
        if (filled < n * stride) {
          throw new DecodeException(
              "truncated PNG image: its image data (IDAT) ends in row "
                  + (y + filled / stride)
                  + " of "
                  + height);
        }
        rows.write(strip, n, y);
        y += n;
      }
      // as far as the JDK reader reads ahead: a corrupt stream end (Adler-32) there is an error
      data.inflate(new byte[READ_AHEAD], READ_AHEAD);
    } catch (DataFormatException e) {
      throw corrupt(y, e.getMessage());
    } finally {
      data.end();
    }
  }

  /**
   * Unfilters inflated rows (filter byte, then samples) and writes them into the planes: straight
   * into them ({@link PngPlaneUnfilter}), or through a row buffer unfiltered in place against the
   * previous one ({@link PngFilters}) and then written ({@link PngPlanes}), which also adds a tRNS
   * colour's alpha plane.
   */
  private static final class Rows {
    final int stride;
    private final int rowBytes;
    private final int bpp;
    private final PngPlanes planes;
    private final PngPlaneUnfilter unfilter;
    private byte[] row;
    private byte[] prior; // zero above row 0

    Rows(PngFile png, PngPlanes planes) {
      this(png, planes, null);
      this.row = new byte[stride];
      this.prior = new byte[stride];
    }

    Rows(PngFile png, PngPlaneUnfilter unfilter) {
      this(png, null, unfilter);
    }

    private Rows(PngFile png, PngPlanes planes, PngPlaneUnfilter unfilter) {
      this.bpp = png.bytesPerPixel();
      this.rowBytes = Math.multiplyExact(png.width(), bpp);
      this.stride = rowBytes + 1; // the filter type, then the row
      this.planes = planes;
      this.unfilter = unfilter;
    }

    /** Writes rows {@code y..y+n)}, inflated into {@code inflated[0..n*stride)}. */
    void write(byte[] inflated, int n, int y) throws DecodeException {
      for (int k = 0; k < n; k++, y++) {
        if (unfilter != null) {
          if (!unfilter.write(inflated, k * stride, y)) {
            throw unknownFilter(y, inflated[k * stride]);
          }
          continue;
        }
        // into a row buffer at the prior row's indices (one small copy, in cache)
        System.arraycopy(inflated, k * stride, row, 0, stride);
        if (!PngFilters.unfilter(row[0] & 0xFF, row, prior, rowBytes, bpp)) {
          throw unknownFilter(y, row[0]);
        }
        planes.write(row, 1, y);
        byte[] swap = prior;
        prior = row;
        row = swap;
      }
    }

    private static DecodeException unknownFilter(int y, byte filter) {
      return new DecodeException(
          "corrupt PNG image: row "
              + y
              + " has filter type "
              + (filter & 0xFF)
              + "; PNG defines 0 to 4");
    }
  }

  /** The image data: the IDAT chunks' bytes, inflated on demand. */
  private static final class ImageData {
    private final Inflater inflater = new Inflater();
    private final byte[] file;
    private final int[] idat;
    private int next;

    ImageData(byte[] file, int[] idat) {
      this.file = file;
      this.idat = idat;
    }

    /**
     * Inflates up to {@code length} bytes into {@code buffer}, feeding the chunks as zlib asks.
     *
     * @return the bytes inflated, less than {@code length} when the stream or the chunks end
     */
    int inflate(byte[] buffer, int length) throws DataFormatException {
      int filled = 0;
      int idle = 0;
      while (filled < length) {
        int n = inflater.inflate(buffer, filled, length - filled);
        filled += n;
        if (n > 0) {
          idle = 0;
          continue;
        }
        if (inflater.finished()) {
          break;
        }
        if (inflater.needsDictionary()) {
          throw new DataFormatException("the zlib stream asks for a preset dictionary");
        }
        if (!inflater.needsInput()) {
          if (++idle > 2) {
            throw new DataFormatException("zlib makes no progress");
          }
          continue;
        }
        if (next == idat.length) {
          break;
        }
        inflater.setInput(file, idat[next], idat[next + 1]);
        next += 2;
      }
      return filled;
    }

    void end() {
      inflater.end();
    }
  }

  private static DecodeException corrupt(int row, String what) {
    return new DecodeException(
        "cannot decode the PNG image: its compressed image data (IDAT) is corrupt"
            + " in row "
            + row
            + ": "
            + what);
  }
}
