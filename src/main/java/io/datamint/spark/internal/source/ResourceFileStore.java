package io.datamint.spark.internal.source;

import io.datamint.spark.error.DecodeException;
import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;
import java.util.Arrays;

/**
 * Opens a project's resource and segmentation files. Serializable and small: it is shipped to
 * executors inside the reader factory, and holds an address (a mirror directory, a server URL),
 * never the driver's state.
 */
public interface ResourceFileStore extends Serializable {

  /**
   * The largest file one read holds: one Java array, below the JVM's array limit with room for the
   * end-of-stream probe of {@link #read}. Every store and the loader use this one bound.
   */
  int MAX_FILE_BYTES = Integer.MAX_VALUE - 1024;

  /** The most one {@code read} call of {@link #read} asks for. */
  int READ_CHUNK = 1 << 20;

  /** Opens the bytes of a resource's file. */
  InputStream openResource(String resourceId) throws IOException;

  /** A file's bytes: {@code bytes[0, length)}, the read buffer itself (shared, not copied). */
  record FileBytes(byte[] bytes, int length) {}

  /**
   * Reads a resource's whole file, of at most {@code maxBytes} bytes, into one array. By default
   * from {@link #openResource} into a buffer that grows by doubling from 64 KiB; a store that knows
   * the file's real length (a file system's, a response's {@code Content-Length}) reads it into an
   * array of that length. Never sized from the resource's metadata {@code size}.
   *
   * @throws DecodeException when the file is larger than {@code maxBytes}
   */
  default FileBytes readResource(String resourceId, int maxBytes) throws IOException {
    try (InputStream in = openResource(resourceId)) {
      return read(in, -1, maxBytes);
    }
  }

  /**
   * Reads {@code in} to its end into one array: of {@code knownLength + 1} bytes when the real
   * length is known (-1 when not), so that a stream of that length needs no second buffer; else
   * growing by doubling from 64 KiB; never above {@code maxBytes}.
   *
   * @throws DecodeException when the stream is longer than {@code maxBytes}
   */
  static FileBytes read(InputStream in, long knownLength, int maxBytes) throws IOException {
    if (knownLength > maxBytes) {
      throw tooLarge(maxBytes);
    }
    byte[] bytes = new byte[(int) Math.min(maxBytes, knownLength >= 0 ? knownLength + 1 : 1 << 16)];
    int length = 0;
    while (true) {
      if (length == bytes.length) {
        if (bytes.length >= maxBytes) {
          if (in.read() < 0) {
            break;
          }
          throw tooLarge(maxBytes);
        }
        bytes = Arrays.copyOf(bytes, (int) Math.min(maxBytes, bytes.length * 2L));
      }
      // at most a chunk per call: a stream over a file hands one call's length to a native buffer
      // of that size (the JDK's FileInputStream mallocs it), a second copy of the file otherwise
      int r = in.read(bytes, length, Math.min(bytes.length - length, READ_CHUNK));
      if (r < 0) {
        break;
      }
      length += r;
    }
    return new FileBytes(bytes, length);
  }

  private static DecodeException tooLarge(int maxBytes) {
    return new DecodeException("the resource file is larger than " + maxBytes + " bytes");
  }

  /**
   * Opens at least the first {@code maxBytes} bytes of a resource's file (more is allowed), for
   * header probes on the driver; a remote store asks for just that range.
   */
  default InputStream openResourcePrefix(String resourceId, int maxBytes) throws IOException {
    return openResource(resourceId);
  }

  /** Opens the bytes of a segmentation annotation's mask file. */
  InputStream openAnnotation(String resourceId, String annotationId) throws IOException;

  /**
   * Keeps what this store shares with the JVM's other users (the API's shared client and its
   * connections) open until the returned handle is closed. A partition reader retains its store for
   * its whole life, so the client is not closed between two files. The default holds nothing.
   */
  default Retained retain() {
    return () -> {};
  }

  /** What {@link #retain} holds; closing it releases it. */
  @FunctionalInterface
  interface Retained extends AutoCloseable {
    @Override
    void close();
  }

  /** Where the files are, for messages; never contains a secret. */
  String describe();
}
