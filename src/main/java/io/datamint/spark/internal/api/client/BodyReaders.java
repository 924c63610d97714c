package io.datamint.spark.internal.api.client;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;

/** Common {@link BodyReader}s. */
public final class BodyReaders {

  private BodyReaders() {}

  /**
   * The whole body as an array, refusing (without a retry) a body longer than {@code maxBytes}.
   *
   * @param what the file, for the message
   */
  public static BodyReader<byte[]> bytes(long maxBytes, String what) {
    return (InputStream body, long length) -> {
      if (length > maxBytes) {
        throw tooLong(what, length, maxBytes);
      }
      if (length >= 0) { // read straight into one array of the declared size
        byte[] exact = new byte[(int) length];
        int n = body.readNBytes(exact, 0, exact.length);
        if (n < length || body.read() >= 0) {
          throw new java.io.IOException(
              what + ": the body does not have its declared " + length + " bytes");
        }
        return exact;
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream(1 << 16);
      byte[] buffer = new byte[1 << 16];
      int n;
      while ((n = body.read(buffer)) > 0) {
        if (out.size() + (long) n > maxBytes) {
          throw tooLong(what, -1, maxBytes);
        }
        out.write(buffer, 0, n);
      }
      return out.toByteArray();
    };
  }

  /** The body's first {@code maxBytes} bytes at most; the rest is not read. */
  public static BodyReader<byte[]> prefix(int maxBytes) {
    return (body, length) -> body.readNBytes(maxBytes);
  }

  private static DatamintApiException tooLong(String what, long length, long max) {
    return new DatamintApiException(
        DatamintApiException.Kind.VALIDATION,
        200,
        what
            + " is larger than "
            + max
            + " bytes"
            + (length >= 0 ? " (" + length + ")" : "")
            + ", the most one read can hold");
  }
}
