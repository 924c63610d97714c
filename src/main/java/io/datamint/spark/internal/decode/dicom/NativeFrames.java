package io.datamint.spark.internal.decode.dicom;

import io.datamint.spark.error.DecodeException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Reads frames of native (uncompressed) pixel data (PS3.5 8.1 and 8.2): little or big endian, 1
 * (packed, least significant bit first, frames not byte-aligned), 8, 16 or 32 bits allocated,
 * interleaved or planar, and YBR_FULL_422 with its horizontally subsampled chroma (expanded to full
 * resolution). 8-bit data encoded as OW in big endian has its bytes swapped in pairs, as PS3.5
 * requires.
 */
final class NativeFrames {

  private static final VarHandle SHORT_LE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle SHORT_BE =
      MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
  private static final VarHandle INT_LE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INT_BE =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);

  private final byte[] buf;
  private final int offset;
  private final int available;
  private final long declaredLength;
  private final boolean bigEndian;
  private final boolean swapBytePairs;
  private final boolean ybr422;
  private final PixelModule pm;
  private final long bitsPerFrame;
  private final int frames;

  private NativeFrames(
      DicomElement pixelData, PixelModule pm, boolean ybr422, long bitsPerFrame, int frames) {
    this.buf = pixelData.buffer();
    this.offset = pixelData.offset();
    this.available = pixelData.length();
    this.declaredLength = pixelData.declaredLength();
    this.bigEndian = pixelData.bigEndian();
    this.swapBytePairs =
        pixelData.bigEndian() && pm.bitsAllocated() <= 8 && pixelData.vr() == Vr.OW;
    this.ybr422 = ybr422;
    this.pm = pm;
    this.bitsPerFrame = bitsPerFrame;
    this.frames = frames;
  }

  static NativeFrames of(DicomElement pixelData, PixelModule pm) throws DecodeException {
    boolean ybr422 =
        "YBR_FULL_422".equals(pm.photometric())
            && pm.samplesPerPixel() == 3
            && pm.bitsAllocated() >= 8;
    if (ybr422 && pm.columns() % 2 != 0) {
      throw new DecodeException(
          "YBR_FULL_422 pixel data needs an even number of columns, not " + pm.columns());
    }
    long samplesPerFrame =
        ybr422 ? pm.pixelsPerFrame() * 2 : pm.pixelsPerFrame() * pm.samplesPerPixel();
    long bitsPerFrame = samplesPerFrame * pm.bitsAllocated();
    int frames =
        pm.framesInferred() ? inferredFrames(pixelData.length(), bitsPerFrame) : pm.frames();
    return new NativeFrames(pixelData, pm, ybr422, bitsPerFrame, frames);
  }

  /**
   * The frames in {@code length} bytes of pixel data when Number of Frames is absent or empty: as
   * many as fill it exactly (allowing the one byte of padding to an even length), else 1 (pydicom's
   * default; a shorter or longer length is then judged by {@link #checkLength()}).
   */
  private static int inferredFrames(long length, long bitsPerFrame) {
    long whole = length * 8 / bitsPerFrame;
    if (whole <= 1 || whole > Integer.MAX_VALUE) {
      return 1;
    }
    long needed = (whole * bitsPerFrame + 7) / 8;
    boolean exact = needed == length || (needed % 2 == 1 && needed + 1 == length);
    return exact ? (int) whole : 1;
  }

  int frameCount() {
    return frames;
  }

  /** The bytes the frames need. */
  long expectedBytes() {
    return (frames * bitsPerFrame + 7) / 8;
  }

  /**
   * Fails when the pixel data is shorter than the frames need, naming both sizes (and the declared
   * length when the file itself is truncated). Longer pixel data (padding) is accepted.
   */
  void checkLength() throws DecodeException {
    long expected = expectedBytes();
    if (available >= expected) {
      return;
    }
    if (declaredLength > available) {
      throw new DecodeException(
          "the DICOM file is truncated: Pixel Data (7FE0,0010) declares "
              + declaredLength
              + " bytes but the file holds only "
              + available
              + "; "
              + pm.describe(frames)
              + " need "
              + expected
              + " bytes");
    }
    throw new DecodeException(
        "the Pixel Data (7FE0,0010) has "
            + available
            + " bytes, fewer than the "
            + expected
            + " bytes that "
            + pm.describe(frames)
            + " need");
  }

  /** Whether frames can be copied as they are into an array of their own type. */
  boolean copiesDirectly() {
    return !ybr422
        && !swapBytePairs
        && pm.bitsAllocated() >= 8
        && pm.bitsStored() == pm.bitsAllocated()
        && (pm.samplesPerPixel() == 1 || pm.planarConfiguration() == 1);
  }

  /**
   * Copies frame {@code index} as little-endian values of Bits Allocated into {@code out} at {@code
   * outOffset}.
   */
  void copyTo(int index, byte[] out, int outOffset) {
    int bytes = (int) (bitsPerFrame / 8);
    int src = offset + (int) (index * (bitsPerFrame / 8));
    if (!bigEndian || pm.bitsAllocated() == 8) {
      System.arraycopy(buf, src, out, outOffset, bytes);
    } else if (pm.bitsAllocated() == 16) {
      for (int i = 0; i < bytes; i += 2) {
        SHORT_LE.set(out, outOffset + i, (short) SHORT_BE.get(buf, src + i));
      }
    } else {
      for (int i = 0; i < bytes; i += 4) {
        INT_LE.set(out, outOffset + i, (int) INT_BE.get(buf, src + i));
      }
    }
  }

  /**
   * Whether frames are one 16-bit little-endian sample per pixel, which {@link
   * FrameWriter#writeRescaled16} and {@link FrameWriter#writeStored16} read straight from {@link
   * #buffer()}.
   */
  boolean isMonochrome16Le() {
    return !bigEndian && pm.bitsAllocated() == 16 && pm.samplesPerPixel() == 1 && !ybr422;
  }

  /** The file's bytes, which hold the pixel data. */
  byte[] buffer() {
    return buf;
  }

  /** The offset of frame {@code index}'s first byte in {@link #buffer()}. */
  int frameStart(int index) {
    return offset + (int) (index * (bitsPerFrame / 8));
  }

  /**
   * Reads frame {@code index} into {@code out} as planar samples ({@code [sample][row][column]}),
   * unsigned values of Bits Allocated (the raw bit pattern for 32 bits); the caller applies Bits
   * Stored and the Pixel Representation.
   */
  void read(int index, int[] out) {
    int pixels = pm.rows() * pm.columns();
    int spp = pm.samplesPerPixel();
    if (pm.bitsAllocated() == 1) {
      readBits(index, out, pixels * spp);
      return;
    }
    int bytesPerSample = pm.bitsAllocated() / 8;
    int frameStart = offset + (int) (index * (bitsPerFrame / 8));
    if (ybr422) {
      readYbr422(frameStart, bytesPerSample, out, pixels);
      return;
    }
    if (spp == 1 || pm.planarConfiguration() == 1) {
      readSamples(frameStart, bytesPerSample, out, 0, pixels * spp);
      return;
    }
    for (int sample = 0; sample < spp; sample++) {
      readSamples(
          frameStart + sample * bytesPerSample, spp * bytesPerSample, out, sample * pixels, pixels);
    }
  }

  /**
   * Reads {@code count} samples, {@code step} bytes apart from byte {@code at} on, into {@code
   * out[from..]}: one loop per sample size and byte order, chosen once.
   */
  private void readSamples(int at, int step, int[] out, int from, int count) {
    int bytesPerSample = pm.bitsAllocated() / 8;
    int end = from + count;
    if (bytesPerSample == 1) {
      int swap = swapBytePairs ? 1 : 0;
      for (int i = from, p = at; i < end; i++, p += step) {
        out[i] = buf[p ^ swap] & 0xFF;
      }
    } else if (bytesPerSample == 2 && bigEndian) {
      for (int i = from, p = at; i < end; i++, p += step) {
        out[i] = (short) SHORT_BE.get(buf, p) & 0xFFFF;
      }
    } else if (bytesPerSample == 2) {
      for (int i = from, p = at; i < end; i++, p += step) {
        out[i] = (short) SHORT_LE.get(buf, p) & 0xFFFF;
      }
    } else if (bigEndian) {
      for (int i = from, p = at; i < end; i++, p += step) {
        out[i] = (int) INT_BE.get(buf, p);
      }
    } else {
      for (int i = from, p = at; i < end; i++, p += step) {
        out[i] = (int) INT_LE.get(buf, p);
      }
    }
  }

  /** One sample of {@code bytesPerSample} bytes at byte {@code at}, unsigned (32 bits: raw). */
  private int sample(int at, int bytesPerSample) {
    switch (bytesPerSample) {
      case 1:
        return buf[swapBytePairs ? at ^ 1 : at] & 0xFF;
      case 2:
        // Each get cast on its own: a cast around the conditional would make both calls return
        // Object, an inexact VarHandle call that boxes every sample.
        return (bigEndian ? (short) SHORT_BE.get(buf, at) : (short) SHORT_LE.get(buf, at)) & 0xFFFF;
      default:
        return bigEndian ? (int) INT_BE.get(buf, at) : (int) INT_LE.get(buf, at);
    }
  }

  private void readBits(int index, int[] out, int count) {
    long firstBit = index * bitsPerFrame;
    int spp = pm.samplesPerPixel();
    int pixels = count / spp;
    for (int i = 0; i < count; i++) {
      long bit = firstBit + i;
      int byteIndex = (int) (bit >>> 3);
      if (swapBytePairs) {
        byteIndex ^= 1;
      }
      int value = (buf[offset + byteIndex] >> (int) (bit & 7)) & 1;
      out[spp == 1 ? i : (i % spp) * pixels + i / spp] = value;
    }
  }

  private void readYbr422(int frameStart, int bytesPerSample, int[] out, int pixels) {
    int at = frameStart;
    for (int p = 0; p < pixels; p += 2) {
      int y0 = sample(at, bytesPerSample);
      int y1 = sample(at + bytesPerSample, bytesPerSample);
      int cb = sample(at + 2 * bytesPerSample, bytesPerSample);
      int cr = sample(at + 3 * bytesPerSample, bytesPerSample);
      at += 4 * bytesPerSample;
      out[p] = y0;
      out[p + 1] = y1;
      out[pixels + p] = cb;
      out[pixels + p + 1] = cb;
      out[2 * pixels + p] = cr;
      out[2 * pixels + p + 1] = cr;
    }
  }
}
