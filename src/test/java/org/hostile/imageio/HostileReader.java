package org.hostile.imageio;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.util.Iterator;
import javax.imageio.ImageReadParam;
import javax.imageio.ImageReader;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;

/** Test only: the reader of {@link HostileReaderSpi}; every question about the image misbehaves. */
final class HostileReader extends ImageReader {

  HostileReader(HostileReaderSpi spi) {
    super(spi);
  }

  private int misbehave() throws IOException {
    ImageInputStream in = (ImageInputStream) getInput();
    in.seek(HostileReaderSpi.MAGIC.length);
    int mode = in.read();
    switch (mode) {
      case 'T':
        throw new ThreadDeath();
      case 'S':
        return recurse(0);
      default:
        throw new ArrayIndexOutOfBoundsException("Index " + mode + " out of bounds for length 3");
    }
  }

  private static int recurse(int depth) {
    return recurse(depth + 1) + 1;
  }

  @Override
  public int getNumImages(boolean allowSearch) throws IOException {
    return misbehave();
  }

  @Override
  public int getWidth(int imageIndex) throws IOException {
    return misbehave();
  }

  @Override
  public int getHeight(int imageIndex) throws IOException {
    return misbehave();
  }

  @Override
  public Iterator<ImageTypeSpecifier> getImageTypes(int imageIndex) throws IOException {
    misbehave();
    return null;
  }

  @Override
  public IIOMetadata getStreamMetadata() {
    return null;
  }

  @Override
  public IIOMetadata getImageMetadata(int imageIndex) {
    return null;
  }

  @Override
  public BufferedImage read(int imageIndex, ImageReadParam param) throws IOException {
    misbehave();
    return null;
  }
}
