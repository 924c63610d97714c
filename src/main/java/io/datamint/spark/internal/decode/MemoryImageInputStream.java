package io.datamint.spark.internal.decode;

import java.io.EOFException;
import java.io.IOException;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over a range of a byte array, read in place: seekable anywhere, its
 * length known, nothing cached or copied. The ImageIO readers of the raster decoder and the DICOM
 * codecs read from it. It needs only the JDK, so that PNG, BMP and GIF files decode when no
 * optional library is on the class path (the JDK's own {@code MemoryCacheImageInputStream} would
 * copy every byte it reads into a cache).
 *
 * <p>{@link #endingWithException} makes a stream whose single-byte {@link #read()} throws at the
 * end instead of returning -1, for readers written against that contract.
 */
public final class MemoryImageInputStream extends ImageInputStreamImpl {

  private final byte[] data;
  private final int offset;
  private final int length;
  private final boolean throwsAtEnd;
  private boolean readPastEnd;

  /** A stream over {@code data[offset, offset + length)}. */
  public MemoryImageInputStream(byte[] data, int offset, int length) {
    this(data, offset, length, false);
  }

  /** A stream over the whole of {@code data}. */
  public MemoryImageInputStream(byte[] data) {
    this(data, 0, data.length, false);
  }

  private MemoryImageInputStream(byte[] data, int offset, int length, boolean throwsAtEnd) {
    Objects.checkFromIndexSize(offset, length, data.length);
    this.data = data;
    this.offset = offset;
    this.length = length;
    this.throwsAtEnd = throwsAtEnd;
  }

  /**
   * A stream over the whole of {@code data} whose {@link #read()} throws an {@link EOFException} at
   * the end. JJ2000 (jai-imageio's JPEG 2000 decoder) reads single bytes through an adapter that
   * passes ImageIO's -1 on, where its own contract is an exception: its packet-header bit reader
   * then reads endless one-bits from a truncated codestream and never returns. Given the exception,
   * it stops at the end of the data as it was written to, and decodes what came before.
   */
  public static MemoryImageInputStream endingWithException(byte[] data) {
    return new MemoryImageInputStream(data, 0, data.length, true);
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    if (streamPos >= length) {
      readPastEnd = true;
      if (throwsAtEnd) {
        throw new EOFException("the data ends at byte " + length);
      }
      return -1;
    }
    return data[offset + (int) streamPos++] & 0xFF;
  }

  @Override
  public int read(byte[] b, int off, int len) throws IOException {
    checkClosed();
    Objects.checkFromIndexSize(off, len, b.length);
    bitOffset = 0;
    if (len == 0) {
      return 0;
    }
    if (streamPos >= length) {
      readPastEnd = true;
      return -1;
    }
    int n = (int) Math.min(len, length - streamPos);
    readPastEnd |= n < len;
    System.arraycopy(data, offset + (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  /** Whether a read asked for bytes past the end: the reader expected more data than there is. */
  public boolean readPastEnd() {
    return readPastEnd;
  }

  @Override
  public long length() {
    return length;
  }
}
