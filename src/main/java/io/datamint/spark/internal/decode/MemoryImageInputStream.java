package io.datamint.spark.internal.decode;

import java.io.IOException;
import java.util.Objects;
import javax.imageio.stream.ImageInputStreamImpl;

/**
 * An ImageIO input stream over a range of a byte array, read in place: seekable anywhere, its
 * length known, nothing cached or copied. The ImageIO readers of the raster decoder and the DICOM
 * codecs read from it. It needs only the JDK, so that PNG, BMP and GIF files decode when no
 * optional library is on the class path (the JDK's own {@code MemoryCacheImageInputStream} would
 * copy every byte it reads into a cache).
 */
public final class MemoryImageInputStream extends ImageInputStreamImpl {

  private final byte[] data;
  private final int offset;
  private final int length;

  /** A stream over {@code data[offset, offset + length)}. */
  public MemoryImageInputStream(byte[] data, int offset, int length) {
    Objects.checkFromIndexSize(offset, length, data.length);
    this.data = data;
    this.offset = offset;
    this.length = length;
  }

  /** A stream over the whole of {@code data}. */
  public MemoryImageInputStream(byte[] data) {
    this(data, 0, data.length);
  }

  @Override
  public int read() throws IOException {
    checkClosed();
    bitOffset = 0;
    if (streamPos >= length) {
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
      return -1;
    }
    int n = (int) Math.min(len, length - streamPos);
    System.arraycopy(data, offset + (int) streamPos, b, off, n);
    streamPos += n;
    return n;
  }

  @Override
  public long length() {
    return length;
  }
}
