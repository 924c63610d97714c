package io.datamint.spark.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One answer: a status, headers, and a body that is bytes in memory, a region of a file or a body
 * of known length written by a {@link BodyWriter} (the last two streamed, so large files and
 * listings are never held whole).
 */
final class ApiResponse {

  private static final String JSON = "application/json";

  private final int status;
  private final Map<String, String> headers = new LinkedHashMap<>();
  private final byte[] bytes;
  private final Path file;
  private final long offset;
  private final long length;
  private final BodyWriter writer;

  /** Writes a streamed body of the length it was declared with. */
  @FunctionalInterface
  interface BodyWriter {
    void write(OutputStream out) throws IOException;
  }

  /** Thrown by {@link Cut} when a truncated body has had its bytes. */
  private static final class CutShort extends IOException {
    private static final long serialVersionUID = 1L;

    CutShort() {
      super("body cut short");
    }
  }

  /** Passes the first {@code left} bytes on, then stops the writer. */
  private static final class Cut extends java.io.FilterOutputStream {
    private long left;

    Cut(OutputStream out, long left) {
      super(out);
      this.left = left;
    }

    @Override
    public void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      int n = (int) Math.min(len, left);
      out.write(b, off, n);
      left -= n;
      if (n < len) {
        throw new CutShort();
      }
    }
  }

  private ApiResponse(
      int status,
      String contentType,
      byte[] bytes,
      Path file,
      long offset,
      long length,
      BodyWriter writer) {
    this.writer = writer;
    this.status = status;
    this.bytes = bytes;
    this.file = file;
    this.offset = offset;
    this.length = length;
    headers.put("Content-Type", contentType);
  }

  /** A JSON body. */
  static ApiResponse json(int status, JsonNode body) {
    try {
      return bytes(status, JSON, Json.MAPPER.writeValueAsBytes(body));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code {"error": message}}. */
  static ApiResponse error(int status, String message) {
    ObjectNode body = Json.MAPPER.createObjectNode();
    body.put("error", message);
    return json(status, body);
  }

  static ApiResponse bytes(int status, String contentType, byte[] bytes) {
    return new ApiResponse(status, contentType, bytes, null, 0, bytes.length, null);
  }

  /** {@code length} bytes of {@code file} from {@code offset}. */
  static ApiResponse file(int status, String contentType, Path file, long offset, long length) {
    return new ApiResponse(status, contentType, null, file, offset, length, null);
  }

  /** A JSON body of exactly {@code length} bytes that {@code writer} writes when it is sent. */
  static ApiResponse jsonStream(int status, long length, BodyWriter writer) {
    return new ApiResponse(status, JSON, null, null, 0, length, writer);
  }

  ApiResponse header(String name, String value) {
    headers.put(name, value);
    return this;
  }

  int status() {
    return status;
  }

  Map<String, String> headers() {
    return headers;
  }

  long length() {
    return length;
  }

  /**
   * Writes the first {@code limit} bytes of the body (all of it when {@code limit >= length()}).
   */
  void writeTo(OutputStream out, long limit) throws IOException {
    long n = Math.min(limit, length);
    if (bytes != null) {
      out.write(bytes, 0, (int) n);
      return;
    }
    if (writer != null) {
      java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out, 1 << 16);
      try {
        writer.write(n < length ? new Cut(buffered, n) : buffered);
      } catch (CutShort e) {
        // a truncated answer: its first n bytes are out
      }
      buffered.flush();
      return;
    }
    try (InputStream in = Files.newInputStream(file)) {
      long toSkip = offset;
      while (toSkip > 0) {
        long skipped = in.skip(toSkip);
        if (skipped <= 0) {
          throw new IOException("file " + file + " is shorter than " + offset + " bytes");
        }
        toSkip -= skipped;
      }
      byte[] buffer = new byte[64 * 1024];
      while (n > 0) {
        int read = in.read(buffer, 0, (int) Math.min(buffer.length, n));
        if (read < 0) {
          throw new IOException("file " + file + " ended early");
        }
        out.write(buffer, 0, read);
        n -= read;
      }
    }
  }
}
