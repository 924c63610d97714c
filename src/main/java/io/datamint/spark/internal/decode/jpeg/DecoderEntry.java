package io.datamint.spark.internal.decode.jpeg;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.core.DecodeLimits;
import java.util.Objects;

/**
 * What the public {@code decode} methods of {@link JpegDctDecoder} and {@link JpegLsDecoder} share:
 * the argument checks. A bug of the decoder (any other {@link RuntimeException}) is not turned into
 * a {@link DecodeException}: it propagates, and the reader reports it as a bug in the connector
 * rather than as the file's error.
 */
final class DecoderEntry {

  /** Decodes one codestream; called only with non-null arguments. */
  @FunctionalInterface
  interface Decoder {
    JpegSamples decode(byte[] codestream, DecodeLimits limits) throws DecodeException;
  }

  private DecoderEntry() {}

  /**
   * Runs {@code decoder} on the arguments.
   *
   * @throws NullPointerException when {@code codestream} or {@code limits} is null
   */
  static JpegSamples decode(Decoder decoder, byte[] codestream, DecodeLimits limits)
      throws DecodeException {
    Objects.requireNonNull(codestream, "codestream");
    Objects.requireNonNull(limits, "limits");
    return decoder.decode(codestream, limits);
  }
}
