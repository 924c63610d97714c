package io.datamint.spark.internal.read;

import static io.datamint.spark.internal.read.LyingMetadata.resource;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.testing.ClusterDriver;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An intact PNG whose {@code resources.jsonl} line lies about its {@code size} (2^40 bytes, 1e300,
 * 2^63, -1) read through Spark in a child JVM with a 512 MB heap ({@link HostileFilesRead}): no
 * buffer is sized from the metadata, so every copy decodes, with the default budget and with {@code
 * max_decoded_bytes} 2g, and the JVM exits 0.
 */
class LyingSizeReadTest {

  @TempDir static Path tmp;

  @Test
  void anIntactPngWithALyingSizeDecodesUnderASmallHeap() throws Exception {
    TestMirror m = TestMirror.in(tmp.resolve("lying-size"));
    List<String> ids = List.of("tera", "huge", "wrapped", "negative", "honest");
    m.resourceLine(resource("tera", "size", "1099511627776"))
        .resourceLine(resource("huge", "size", "1e300"))
        .resourceLine(resource("wrapped", "size", "9223372036854775808"))
        .resourceLine(resource("negative", "size", "-1"))
        .resourceLine(resource("honest", "size", "1000"));
    Path dir = m.write();
    Path png = TestCorpus.dir("image").resolve("skimage__camera.png");
    for (String id : ids) {
      Files.copy(png, dir.resolve("files/resources/" + id));
    }

    ClusterDriver.Result result =
        ClusterDriver.runWithHeap(
            "512m", HostileFilesRead.class, dir.toString(), "tera", "huge", "wrapped");
    assertThat(result.exitCode()).as(result.describe()).isZero();
    assertThat(result.jsonLines("done")).as(result.describe()).hasSize(1);
    List<JsonNode> rows = result.jsonLines("row");
    assertThat(rows).as(result.describe()).hasSize(ids.size() + 3);
    for (JsonNode row : rows) {
      String what = row.get("read").asText() + " " + row.get("id").asText() + ": " + row;
      assertThat(row.get("error").isNull()).as(what).isTrue();
      assertThat(row.get("image").asBoolean()).as(what).isTrue();
    }
  }
}
