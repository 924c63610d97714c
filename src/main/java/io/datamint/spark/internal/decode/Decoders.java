package io.datamint.spark.internal.decode;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelDtype;
import java.util.EnumMap;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Supplier;

/**
 * The decoder of each file format; one shared, thread-safe instance per format, created on first
 * use. The formats' packages register themselves as {@link DecoderProvider} services, so this
 * registry imports none of them.
 *
 * <p>Every decoder is guarded by the {@link DecoderBoundary}, around creating it, decoding, and
 * opening, reading, skipping and closing its frames: a {@link LinkageError} (a class or native
 * library of an {@link OptionalLibrary} missing from the class path, an {@link
 * ExceptionInInitializerError} caused by one) becomes the file's {@link DecodeException} naming the
 * library and how to add it; {@link ThreadDeath}, {@link StackOverflowError}, {@link
 * OutOfMemoryError} and a third-party library's runtime exceptions become the file's error too, so
 * that one file is that row's {@code _error} and never ends the executor or aborts a job. Only the
 * connector's own bugs pass through.
 */
public final class Decoders {

  private static final Map<FileFormat, ResourceDecoder> DECODERS = new EnumMap<>(FileFormat.class);

  static {
    for (DecoderProvider provider :
        ServiceLoader.load(DecoderProvider.class, Decoders.class.getClassLoader())) {
      ResourceDecoder previous =
          DECODERS.putIfAbsent(provider.format(), new Guarded(provider.format(), provider::create));
      if (previous != null) {
        throw new ServiceConfigurationError(
            "two decoder providers for "
                + provider.format()
                + " files: "
                + provider.getClass().getName()
                + " and an earlier one");
      }
    }
  }

  private Decoders() {}

  /**
   * The decoder for a format.
   *
   * @throws DecodeException when this build has no decoder for it
   */
  public static ResourceDecoder forFormat(FileFormat format) throws DecodeException {
    ResourceDecoder decoder = DECODERS.get(format);
    if (decoder == null) {
      throw new DecodeException("no decoder for " + format + " files in this build");
    }
    return decoder;
  }

  /** A decoder created on first use, behind the {@link DecoderBoundary}. */
  static final class Guarded implements ResourceDecoder {
    private final FileFormat format;
    private final Supplier<ResourceDecoder> factory;
    private volatile ResourceDecoder decoder;

    Guarded(FileFormat format, Supplier<ResourceDecoder> factory) {
      this.format = format;
      this.factory = factory;
    }

    @Override
    public DecodedResource decode(byte[] file, int length, DecodeLimits limits)
        throws DecodeException {
      return decode(file, length, limits, PixelDtype.SDK);
    }

    @Override
    public DecodedResource decode(byte[] file, int length, DecodeLimits limits, PixelDtype dtype)
        throws DecodeException {
      DecodeLimits tracked = limits.tracked();
      return DecoderBoundary.call(
          format, tracked, () -> decoder().decode(file, length, tracked, dtype));
    }

    @Override
    public FrameStream frames(byte[] file, int length, DecodeLimits limits) throws DecodeException {
      return frames(file, length, limits, PixelDtype.SDK);
    }

    @Override
    public FrameStream frames(byte[] file, int length, DecodeLimits limits, PixelDtype dtype)
        throws DecodeException {
      DecodeLimits tracked = limits.tracked();
      FrameStream frames =
          DecoderBoundary.call(
              format, tracked, () -> decoder().frames(file, length, tracked, dtype));
      return frames == null ? null : new ContainedFrameStream(format, tracked, frames);
    }

    private ResourceDecoder decoder() {
      ResourceDecoder d = decoder;
      if (d == null) {
        d = factory.get(); // decoders are stateless: a second instance made by a racing thread is
        // harmless
        decoder = d;
      }
      return d;
    }
  }
}
