package io.datamint.spark.internal.decode;

/**
 * A format package's entry in the decoder registry: which {@link FileFormat} it decodes and how to
 * make its decoder. Providers are found with {@link java.util.ServiceLoader} (listed in {@code
 * META-INF/services/io.datamint.spark.internal.decode.DecoderProvider}), so that {@link Decoders}
 * depends on no format package and each format package depends on {@code decode} only. A provider
 * must not touch an optional library (see {@link OptionalLibrary}) until {@link #create()} is
 * called: the registry loads every provider, but creates a decoder only when a file of its format
 * is first decoded.
 */
public interface DecoderProvider {

  /** The format this provider's decoder reads. */
  FileFormat format();

  /** A new decoder; decoders are stateless and thread-safe, so the registry keeps the first one. */
  ResourceDecoder create();
}
