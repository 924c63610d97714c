package io.datamint.spark.internal.decode.raster;

import java.util.Arrays;

/**
 * The structure of a PNG file that {@link PngDecoder} decodes: the header (IHDR), the transparent
 * colour of a grey or RGB image (tRNS), and where its image data (the run of IDAT chunks) lies in
 * the file. {@link #parse} returns null for every file the JDK's reader should read instead, so
 * that such a file decodes exactly as before: not a PNG, a header the JDK reader rejects or that is
 * not one of the common cases (bit depths 1, 2 and 4, Adam7 interlacing), chunks cut before the
 * image data, or, for palette images, anything but a plain chunk sequence to IEND (the JDK reader
 * parses every chunk of a palette image and fails on some).
 *
 * <p>Chunk CRCs are not checked, as the JDK reader does not check them.
 *
 * @param width the width from IHDR, positive
 * @param height the height, positive
 * @param bitDepth 8 or 16
 * @param colorType 0 (grey), 2 (RGB), 3 (palette, 8-bit only), 4 (grey + alpha), 6 (RGBA)
 * @param transparent the tRNS colour of a grey (one sample) or RGB (three) image, as the JDK reader
 *     uses it: pixels of that colour get alpha 0, all others full alpha, in an added alpha channel;
 *     null when there is none
 * @param idat the image data's chunks as {offset, length} pairs into the file, in file order; the
 *     last may be cut short where the file ends
 */
record PngFile(int width, int height, int bitDepth, int colorType, int[] transparent, int[] idat) {

  private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

  static final int GREY = 0;
  static final int RGB = 2;
  static final int PALETTE = 3;
  static final int GREY_ALPHA = 4;
  static final int RGBA = 6;

  private static final int IHDR = chunkType("IHDR");
  private static final int PLTE = chunkType("PLTE");
  private static final int IDAT = chunkType("IDAT");
  private static final int IEND = chunkType("IEND");
  private static final int TRNS = chunkType("tRNS");

  /**
   * Chunks whose parsing cannot fail in the JDK reader when they have this length, for palette
   * images: gAMA, cHRM, sRGB, pHYs, tIME, bKGD (one index). Any other chunk the JDK reader knows
   * sends a palette image to it; chunks it does not know it only stores.
   */
  private static final int[][] FIXED_SIZE_CHUNKS = {
    {chunkType("gAMA"), 4},
    {chunkType("cHRM"), 32},
    {chunkType("sRGB"), 1},
    {chunkType("pHYs"), 9},
    {chunkType("tIME"), 7},
    {chunkType("bKGD"), 1},
  };

  private static final int[] KNOWN_VARIABLE_CHUNKS = {
    chunkType("hIST"),
    chunkType("iCCP"),
    chunkType("iTXt"),
    chunkType("sBIT"),
    chunkType("sPLT"),
    chunkType("tEXt"),
    chunkType("zTXt"),
  };

  /** Whether {@code file[0..length)} starts with the PNG signature. */
  static boolean isPng(byte[] file, int length) {
    return length >= SIGNATURE.length
        && Arrays.equals(file, 0, SIGNATURE.length, SIGNATURE, 0, SIGNATURE.length);
  }

  /** The samples per pixel as stored (palette: one index). */
  int storedChannels() {
    return switch (colorType) {
      case RGB -> 3;
      case GREY_ALPHA -> 2;
      case RGBA -> 4;
      default -> 1;
    };
  }

  /** The output channels: the stored ones, plus alpha for a tRNS colour. */
  int channels() {
    return storedChannels() + (transparent == null ? 0 : 1);
  }

  /** Bytes per stored pixel, the filters' unit. */
  int bytesPerPixel() {
    return storedChannels() * bitDepth / 8;
  }

  /**
   * The structure of {@code file[0..length)}, or null when it is not a PNG for this decoder (see
   * the class comment).
   */
  static PngFile parse(byte[] file, int length) {
    // signature, IHDR (length, type, 13 bytes, CRC), the next chunk's length and type
    if (!isPng(file, length) || length < 8 + 25 + 8) {
      return null;
    }
    if (readInt(file, 8) != 13 || readInt(file, 12) != IHDR) {
      return null;
    }
    int width = readInt(file, 16);
    int height = readInt(file, 20);
    int bitDepth = file[24] & 0xFF;
    int colorType = file[25] & 0xFF;
    boolean common =
        width > 0
            && height > 0
            && (bitDepth == 8 || bitDepth == 16)
            && (colorType == GREY
                || colorType == RGB
                || colorType == GREY_ALPHA
                || colorType == RGBA
                || (colorType == PALETTE && bitDepth == 8))
            && file[26] == 0 // compression method
            && file[27] == 0 // filter method
            && file[28] == 0; // no interlacing
    if (!common) {
      return null;
    }
    return colorType == PALETTE
        ? palette(file, length, width, height)
        : direct(file, length, width, height, bitDepth, colorType);
  }

  /**
   * A grey, RGB, grey + alpha or RGBA image: as the JDK reader, only tRNS is read before the first
   * IDAT; what follows the image data does not matter.
   */
  private static PngFile direct(
      byte[] file, int length, int width, int height, int bitDepth, int colorType) {
    int[] transparent = null;
    int tRNS = 0;
    int at = 33;
    while (true) {
      if (at > length - 8) {
        return null; // cut before the image data
      }
      int size = readInt(file, at);
      int type = readInt(file, at + 4);
      if (size < 0) {
        return null;
      }
      if (type == IDAT) {
        break;
      }
      if ((long) at + 12 + size > length) {
        return null;
      }
      if (type == TRNS) {
        tRNS++;
        if (colorType == GREY && size == 2) {
          transparent = new int[] {readShort(file, at + 8)};
        } else if (colorType == RGB && size == 6) {
          transparent =
              new int[] {
                readShort(file, at + 8), readShort(file, at + 10), readShort(file, at + 12)
              };
        }
      }
      at += 12 + size;
    }
    if (tRNS > 1) {
      return null; // several tRNS chunks: left to the JDK reader's rules
    }
    return new PngFile(width, height, bitDepth, colorType, transparent, idat(file, length, at));
  }

  /**
   * An 8-bit palette image: PLTE before the image data, IEND after it, every chunk whole, no chunk
   * whose parsing the JDK reader could fail on. The output is the indices, so neither PLTE nor tRNS
   * is read.
   */
  private static PngFile palette(byte[] file, int length, int width, int height) {
    boolean plte = false;
    int firstIdat = -1;
    int at = 33;
    while (true) {
      if (at > length - 8) {
        return null; // no IEND
      }
      int size = readInt(file, at);
      int type = readInt(file, at + 4);
      if (type == IEND) {
        break;
      }
      if (size < 0 || (long) at + 12 + size > length) {
        return null;
      }
      if (type == PLTE) {
        if (plte || firstIdat >= 0) {
          return null;
        }
        plte = true;
      } else if (type == IDAT) {
        if (firstIdat < 0) {
          if (!plte) {
            return null;
          }
          firstIdat = at;
        }
      } else if (type != TRNS && !harmless(type, size)) {
        return null;
      }
      at += 12 + size;
    }
    return firstIdat < 0
        ? null
        : new PngFile(width, height, 8, PALETTE, null, idat(file, length, firstIdat));
  }

  private static boolean harmless(int type, int size) {
    for (int[] fixed : FIXED_SIZE_CHUNKS) {
      if (fixed[0] == type) {
        return fixed[1] == size;
      }
    }
    for (int known : KNOWN_VARIABLE_CHUNKS) {
      if (known == type) {
        return false;
      }
    }
    return true;
  }

  /**
   * The run of IDAT chunks from {@code at}, as the JDK reader follows it: each chunk's data up to
   * the file's end, until a chunk of another type or a chunk header cut short.
   */
  private static int[] idat(byte[] file, int length, int at) {
    int[] chunks = new int[8];
    int n = 0;
    while (at <= length - 8 && readInt(file, at + 4) == IDAT) {
      int size = readInt(file, at);
      if (size < 0) {
        break;
      }
      int data = at + 8;
      int available = (int) Math.min(size, (long) length - data);
      if (n == chunks.length) {
        chunks = Arrays.copyOf(chunks, n * 2);
      }
      chunks[n++] = data;
      chunks[n++] = available;
      if (available < size) {
        break;
      }
      at = data + size + 4;
    }
    return Arrays.copyOf(chunks, n);
  }

  private static int readInt(byte[] b, int at) {
    return (b[at] & 0xFF) << 24
        | (b[at + 1] & 0xFF) << 16
        | (b[at + 2] & 0xFF) << 8
        | b[at + 3] & 0xFF;
  }

  private static int readShort(byte[] b, int at) {
    return (b[at] & 0xFF) << 8 | b[at + 1] & 0xFF;
  }

  private static int chunkType(String name) {
    return name.charAt(0) << 24 | name.charAt(1) << 16 | name.charAt(2) << 8 | name.charAt(3);
  }
}
