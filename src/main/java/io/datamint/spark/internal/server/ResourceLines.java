package io.datamint.spark.internal.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.api.model.JsonFields;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * A project's {@code resources.jsonl}, indexed once by line: where each resource's line starts, how
 * long it is, and which line holds each id. The resources themselves stay in the file: a listing, a
 * page of it or one resource is read from the file when asked, so a mirror of a million resources
 * costs the server two longs and an id entry per resource, not its JSON. Assumes the file does not
 * change while the server runs (the mirror's resources are read-only).
 */
final class ResourceLines {

  private final Path file;
  private final long[] starts;
  private final long[] cumulative; // cumulative[i]: bytes of lines 0..i-1 (line ends excluded)
  private final Map<String, Integer> lineById;

  private ResourceLines(
      Path file, long[] starts, long[] cumulative, Map<String, Integer> lineById) {
    this.file = file;
    this.starts = starts;
    this.cumulative = cumulative;
    this.lineById = lineById;
  }

  /**
   * Reads {@code file} once: every non-blank line must be a JSON object with a text {@code id}.
   *
   * @throws IllegalArgumentException naming the file and the 1-based line when a line is not
   */
  static ResourceLines index(Path file) {
    LongList starts = new LongList();
    LongList cumulative = new LongList();
    cumulative.add(0);
    Map<String, Integer> byId = new HashMap<>();
    try (InputStream in = open(file)) {
      byte[] chunk = new byte[1 << 16];
      byte[] line = new byte[1 << 12];
      int length = 0;
      long lineStart = 0;
      long position = 0;
      int number = 0;
      int n;
      while ((n = in.read(chunk)) >= 0) {
        for (int k = 0; k < n; k++) {
          byte b = chunk[k];
          position++;
          if (b != '\n') {
            if (length == line.length) {
              line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = b;
            continue;
          }
          number++;
          addLine(file, number, line, length, lineStart, starts, cumulative, byId);
          length = 0;
          lineStart = position;
        }
      }
      if (length > 0) {
        addLine(file, number + 1, line, length, lineStart, starts, cumulative, byId);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    return new ResourceLines(file, starts.toArray(), cumulative.toArray(), byId);
  }

  private static void addLine(
      Path file,
      int number,
      byte[] line,
      int length,
      long start,
      LongList starts,
      LongList cumulative,
      Map<String, Integer> byId) {
    if (length > 0 && line[length - 1] == '\r') {
      length--;
    }
    if (blank(line, length)) {
      return;
    }
    byId.putIfAbsent(id(file, number, line, length), starts.size());
    starts.add(start);
    cumulative.add(cumulative.last() + length);
  }

  private static InputStream open(Path file) throws IOException {
    try {
      return java.nio.file.Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException("missing mirror file " + file, e);
    }
  }

  private static boolean blank(byte[] line, int length) {
    for (int i = 0; i < length; i++) {
      if (!Character.isWhitespace(line[i])) {
        return false;
      }
    }
    return true;
  }

  private static String id(Path file, int number, byte[] line, int length) {
    JsonNode node;
    try {
      node = Json.readValue(line, 0, length);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          file + " line " + number + ": malformed JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!node.isObject()) {
      throw new IllegalArgumentException(
          file
              + " line "
              + number
              + ": expected a JSON object, found "
              + node.getNodeType().name().toLowerCase(java.util.Locale.ROOT));
    }
    JsonNode id = node.get("id");
    if (id == null || !id.isTextual()) {
      throw new IllegalArgumentException(
          file
              + " line "
              + number
              + ": a resource needs a text \"id\""
              + (id == null || id.isNull() ? "" : " (found " + JsonFields.describe(id) + ")"));
    }
    return id.textValue();
  }

  /** How many resources. */
  int size() {
    return starts.length;
  }

  /** Whether a resource of this project has the id. */
  boolean contains(String id) {
    return lineById.containsKey(id);
  }

  /** The line (0-based, blank lines not counted) of the resource with the id, or -1. */
  int lineOf(String id) {
    return lineById.getOrDefault(id, -1);
  }

  /** The resource on line {@code i}, read from the file. */
  ObjectNode node(int i) {
    byte[] bytes = new byte[(int) (cumulative[i + 1] - cumulative[i])];
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      java.nio.ByteBuffer buffer = java.nio.ByteBuffer.wrap(bytes);
      long at = starts[i];
      while (buffer.hasRemaining()) {
        int n = channel.read(buffer, at);
        if (n < 0) {
          throw new IOException("file " + file + " ended early");
        }
        at += n;
      }
      return (ObjectNode) Json.MAPPER.readTree(bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The length in bytes of the JSON list of lines {@code [from, to)}: brackets, the lines and a
   * comma between each two.
   */
  long listLength(int from, int to) {
    int n = to - from;
    return 2 + (cumulative[to] - cumulative[from]) + Math.max(0, n - 1);
  }

  /**
   * Writes the JSON list of lines {@code [from, to)} ({@link #listLength} bytes), copying each
   * line's bytes from the file as they are, one buffer at a time.
   */
  void writeList(OutputStream out, int from, int to) throws IOException {
    out.write('[');
    if (from < to) {
      try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
        channel.position(starts[from]);
        InputStream in = new BufferedInputStream(Channels.newInputStream(channel), 1 << 16);
        long at = starts[from];
        byte[] buffer = new byte[1 << 16];
        for (int i = from; i < to; i++) {
          skip(in, starts[i] - at);
          long left = cumulative[i + 1] - cumulative[i];
          at = starts[i] + left;
          if (i > from) {
            out.write(',');
          }
          while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
              throw new IOException("file " + file + " ended early");
            }
            out.write(buffer, 0, n);
            left -= n;
          }
        }
      }
    }
    out.write(']');
  }

  private void skip(InputStream in, long bytes) throws IOException {
    while (bytes > 0) {
      long n = in.skip(bytes);
      if (n <= 0) {
        throw new IOException("file " + file + " ended early");
      }
      bytes -= n;
    }
  }

  /** A growable list of longs. */
  private static final class LongList {
    private long[] values = new long[1024];
    private int size;

    void add(long v) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = v;
    }

    long last() {
      return values[size - 1];
    }

    int size() {
      return size;
    }

    long[] toArray() {
      return Arrays.copyOf(values, size);
    }
  }
}
