package io.datamint.spark.internal.source.mirror;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.source.ProjectSourceException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Records split assignments in a mirror's {@code splits.jsonl}, as {@code POST
 * /projects/{id}/splits} does on the server: each listed resource's current assignment is closed
 * ({@code deleted_at} = now) and a new one opened ({@code created_at} = now), so that a read with
 * {@code as_of_timestamp} after now replays the assignment, and one before now the old one. The
 * file is rewritten to a temporary name and renamed over the old one, without a Hadoop checksum
 * file, so that other tools may still edit it.
 */
public final class MirrorSplitWriter {

  private final Path projectDir;
  private final Configuration conf;

  public MirrorSplitWriter(Path projectDir, Configuration conf) {
    this.projectDir = projectDir;
    this.conf = conf;
  }

  /**
   * Assigns resources to splits at {@code now}.
   *
   * @param assignments resource id to split name
   * @param now the instant, ISO-8601 (the SDK's format)
   * @param createdBy recorded as {@code created_by}
   * @param projectId recorded as {@code project_id}
   * @return the new assignment rows, in the order of {@code assignments}
   */
  public List<ObjectNode> assign(
      Map<String, String> assignments, String now, String createdBy, String projectId) {
    Path file = new Path(projectDir, MirrorLayout.SPLITS);
    try {
      FileSystem fs = file.getFileSystem(conf);
      // No .crc beside the file (Hadoop's local file system would write one): it would make every
      // later edit of
      // splits.jsonl by another tool an unreadable mirror (ChecksumException).
      FileSystem writer = MirrorReplace.writer(fs);
      List<String> lines = new ArrayList<>();
      try (BufferedReader in =
          new BufferedReader(new InputStreamReader(fs.open(file), StandardCharsets.UTF_8))) {
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
          number++;
          if (line.isBlank()) {
            continue;
          }
          JsonNode node;
          try {
            node = Json.readValue(line); // a second value on the line is refused, not dropped
          } catch (JsonProcessingException e) {
            throw new ProjectSourceException(
                file + " line " + number + ": malformed JSON: " + e.getOriginalMessage(), e);
          }
          String resource = Json.text(node, "resource_id");
          if (node.isObject()
              && assignments.containsKey(resource)
              && Json.text(node, "deleted_at") == null) {
            ((ObjectNode) node).put("deleted_at", now).put("deleted_by", createdBy);
            line = node.toString();
          }
          lines.add(line);
        }
      }
      List<ObjectNode> created = new ArrayList<>(assignments.size());
      for (Map.Entry<String, String> a : assignments.entrySet()) {
        ObjectNode row =
            Json.MAPPER
                .createObjectNode()
                .put(
                    "id",
                    UUID.nameUUIDFromBytes(
                            (a.getKey() + "|" + a.getValue() + "|" + now)
                                .getBytes(StandardCharsets.UTF_8))
                        .toString())
                .put("split_name", a.getValue())
                .put("project_id", projectId)
                .put("resource_id", a.getKey())
                .put("created_at", now)
                .put("created_by", createdBy);
        row.putNull("deleted_at");
        row.putNull("deleted_by");
        lines.add(row.toString());
        created.add(row);
      }
      Path temporary =
          new Path(projectDir, "." + MirrorLayout.SPLITS + "." + UUID.randomUUID() + ".tmp");
      try (OutputStream out = writer.create(temporary, false)) {
        for (String line : lines) {
          out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
        }
      }
      MirrorReplace.replace(fs, temporary, file);
      return created;
    } catch (IOException e) {
      throw new ProjectSourceException(
          "cannot record split assignments in " + file + ": " + e.getMessage(), e);
    }
  }
}
