package io.datamint.spark.internal.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.hadoop.fs.Path;

/**
 * The record written beside a prefetched file, after the file is in place: which file, its SDK
 * version ({@code version_hash}, {@code version_info}) and its length. A file is skipped on the
 * next run only when its record says the same version and the file still has the recorded length; a
 * missing or unreadable record means the file is downloaded again.
 *
 * @param hash the SDK version hash the file was downloaded at
 * @param bytes the file's length when it was written
 */
record VersionRecord(String hash, long bytes) {

  /**
   * Whether the file of {@code task}, now {@code length} bytes long, is the version this record
   * describes.
   */
  boolean matches(PrefetchTask task, long length) {
    return hash.equals(task.version().hash())
        && bytes == length
        && (task.expectedSize() == null || task.expectedSize() == length);
  }

  /** The record at {@code file}, or null when there is none or it cannot be read. */
  static VersionRecord read(OutputFs fs, Path file) {
    try (InputStream in = fs.open(file)) {
      JsonNode node = Json.MAPPER.readTree(in);
      String hash = Json.text(node, "version_hash");
      Long bytes = Json.integer(node, "bytes");
      return hash == null || bytes == null ? null : new VersionRecord(hash, bytes);
    } catch (FileNotFoundException e) {
      return null;
    } catch (IOException | RuntimeException e) {
      return null; // a torn or foreign record: download the file again
    }
  }

  /**
   * Writes the record of a file just put in place: to a temporary name, then renamed over any older
   * one.
   */
  static void write(OutputFs fs, Path file, PrefetchTask task, long bytes) throws IOException {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("kind", task.kind().value());
    node.put("resource_id", task.resourceId());
    node.put("annotation_id", task.annotationId());
    node.put("version_hash", task.version().hash());
    node.set("version_info", Json.MAPPER.readTree(task.version().info()));
    node.put("bytes", bytes);
    node.put("prefetched_at", Instant.now().toString());
    Path temporary = PrefetchLayout.temporary(file);
    try {
      try (OutputStream out = fs.create(temporary)) {
        out.write(node.toString().getBytes(StandardCharsets.UTF_8));
      }
      fs.replace(temporary, file);
    } finally {
      fs.deleteQuietly(temporary);
    }
  }
}
