package io.datamint.spark.decode.jpeg;

import io.datamint.spark.decode.DecodeException;
import io.datamint.spark.decode.DecodeLimits;
import java.util.Objects;

/**
 * What the public {@code decode} methods of {@link JpegDctDecoder} and {@link JpegLsDecoder} share: the argument
 * checks, and a bug of the decoder (any {@link RuntimeException}) surfacing as a {@link DecodeException} that says so.
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
   * @param name the decoder's name in the internal-error message ("JPEG", "JPEG-LS")
   * @throws NullPointerException when {@code codestream} or {@code limits} is null
   */
  static JpegSamples decode(Decoder decoder, String name, byte[] codestream, DecodeLimits limits)
      throws DecodeException {
    Objects.requireNonNull(codestream, "codestream");
    Objects.requireNonNull(limits, "limits");
    try {
      return decoder.decode(codestream, limits);
    } catch (RuntimeException e) {
      throw new DecodeException("internal error of the " + name + " decoder (please report it): " + e, e);
    }
  }
}
