package io.datamint.spark.internal.source;

import java.io.IOException;
import java.io.InputStream;
import java.io.Serializable;

/**
 * Opens a project's resource and segmentation files. Serializable and small: it is shipped to
 * executors inside the reader factory, and holds an address (a mirror directory, a server URL),
 * never the driver's state.
 */
public interface ResourceFileStore extends Serializable {

  /** Opens the bytes of a resource's file. */
  InputStream openResource(String resourceId) throws IOException;

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
