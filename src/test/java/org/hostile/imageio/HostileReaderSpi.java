package org.hostile.imageio;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import javax.imageio.ImageReader;
import javax.imageio.spi.ImageReaderSpi;
import javax.imageio.stream.ImageInputStream;

/**
 * Test only: an ImageIO plugin standing for a hostile third-party library, registered as a service
 * of the test class path, in a package of its own so that the connector sees it as a library. It
 * claims only files starting with {@link #MAGIC} (a GIF signature no real GIF has, so the JDK's GIF
 * reader leaves them) and misbehaves as the byte after it says: {@code T} throws {@link
 * ThreadDeath} (as jj2000 does on a corrupt JPEG 2000 codestream), {@code S} recurses until the
 * stack overflows, {@code A} throws an {@link ArrayIndexOutOfBoundsException}.
 */
public final class HostileReaderSpi extends ImageReaderSpi {

  /** The first bytes of a file this reader claims; the next byte chooses the misbehaviour. */
  public static final byte[] MAGIC = "GIF8HOSTILE:".getBytes(StandardCharsets.US_ASCII);

  public HostileReaderSpi() {
    super(
        "datamint tests",
        "1",
        new String[] {"gif"},
        new String[] {"hostile"},
        new String[] {"image/x-hostile"},
        HostileReader.class.getName(),
        new Class<?>[] {ImageInputStream.class},
        null,
        false,
        null,
        null,
        null,
        null,
        false,
        null,
        null,
        null,
        null);
  }

  /** A file whose reading misbehaves as {@code mode} says ({@code T}, {@code S} or {@code A}). */
  public static byte[] file(char mode) {
    byte[] file = Arrays.copyOf(MAGIC, MAGIC.length + 64);
    file[MAGIC.length] = (byte) mode;
    return file;
  }

  @Override
  public boolean canDecodeInput(Object source) throws IOException {
    if (!(source instanceof ImageInputStream in)) {
      return false;
    }
    byte[] head = new byte[MAGIC.length];
    in.mark();
    try {
      return in.read(head) == head.length && Arrays.equals(head, MAGIC);
    } finally {
      in.reset();
    }
  }

  @Override
  public ImageReader createReaderInstance(Object extension) {
    return new HostileReader(this);
  }

  @Override
  public String getDescription(Locale locale) {
    return "a reader that misbehaves, for tests";
  }
}
