package io.datamint.spark.internal.prefetch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.datamint.spark.internal.api.model.Json;
import io.datamint.spark.internal.source.mirror.MirrorLayout;
import io.datamint.spark.prefetch.PrefetchFileResult;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * The output mirror on the driver: {@link #prepare} makes its folders and removes the temporary
 * files a killed run left behind; {@link #writeMetadata} writes the five metadata files of the
 * mirror format, each to a temporary name and then renamed into place, so that a reader sees either
 * the old file or the new one.
 */
final class OutputMirror {

  private final OutputFs fs;
  private final Path dir;

  OutputMirror(FileSystem fs, Path dir) {
    this.fs = new OutputFs(fs);
    this.dir = dir;
  }

  Path dir() {
    return dir;
  }

  /**
   * Creates the mirror's folder and those of its files and version records, and deletes leftover
   * temporary files in them.
   *
   * @return how many leftover temporary files were deleted
   */
  int prepare() throws IOException {
    int removed = 0;
    for (Path folder :
        List.of(
            dir,
            new Path(dir, MirrorLayout.RESOURCE_FILES),
            new Path(dir, MirrorLayout.ANNOTATION_FILES),
            PrefetchLayout.recordDir(dir, PrefetchFileResult.Kind.RESOURCE),
            PrefetchLayout.recordDir(dir, PrefetchFileResult.Kind.ANNOTATION))) {
      fs.mkdirs(folder);
      for (FileStatus child : fs.list(folder)) {
        if (child.isFile() && PrefetchLayout.isTemporary(child.getPath().getName())) {
          fs.delete(child.getPath());
          removed++;
        }
      }
    }
    return removed;
  }

  /**
   * Writes {@code project.json}, {@code resources.jsonl}, {@code annotations.jsonl}, {@code
   * worklists.json} and {@code splits.jsonl}.
   */
  void writeMetadata(JsonNode project, PrefetchPlan plan, List<JsonNode> worklists)
      throws IOException {
    write(MirrorLayout.PROJECT, Json.MAPPER.writeValueAsString(project) + "\n");
    write(MirrorLayout.RESOURCES, lines(plan.resources()));
    write(MirrorLayout.ANNOTATIONS, lines(plan.annotations()));
    ArrayNode list = Json.MAPPER.createArrayNode();
    worklists.forEach(list::add);
    write(
        MirrorLayout.WORKLISTS,
        Json.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(list) + "\n");
    write(MirrorLayout.SPLITS, lines(plan.splits()));
  }

  private static String lines(List<JsonNode> nodes) throws IOException {
    StringBuilder b = new StringBuilder();
    for (JsonNode node : nodes) {
      b.append(Json.MAPPER.writeValueAsString(node)).append('\n');
    }
    return b.toString();
  }

  private void write(String name, String text) throws IOException {
    Path target = new Path(dir, name);
    Path temporary = PrefetchLayout.temporary(target);
    try {
      try (OutputStream out = fs.create(temporary)) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
      fs.replace(temporary, target);
    } finally {
      fs.deleteQuietly(temporary);
    }
  }
}
