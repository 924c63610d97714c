package io.datamint.spark.internal.api.client;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a successful response's body. An {@link IOException} (a dropped connection, a truncated
 * body) makes the client try the request again and call the reader anew, so a reader must start
 * from scratch each time (write a temporary file anew, not append to it). A {@link
 * RuntimeException} ends the call without a retry.
 *
 * @param <T> what the reader makes of the body
 */
@FunctionalInterface
public interface BodyReader<T> {

  /**
   * @param body the body; reading past its declared length or ending before it fails with an
   *     IOException
   * @param contentLength the declared length, or -1 when the server did not declare one
   */
  T read(InputStream body, long contentLength) throws IOException;
}
