package io.datamint.spark.internal.read;

import static io.datamint.spark.internal.read.LyingMetadata.annotation;
import static io.datamint.spark.internal.read.LyingMetadata.resource;
import static io.datamint.spark.internal.read.LyingMetadata.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.server.DatamintApiServer;
import io.datamint.spark.internal.server.FaultPlan;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestCorpus;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lying metadata of {@link StrictMetadataReadTest} served by the local Datamint API server and
 * read through the API source: the same checks, the messages naming the endpoint and the item's
 * 0-based position in its listing instead of file and line. What the server itself must understand
 * (one JSON value per line, a resource's text id, split timestamps, which answer {@code
 * as_of_timestamp}) stops it at start, naming file and line.
 */
class StrictMetadataApiTest {

  private static final String KEY = "dm-strict-metadata-key";
  private static final String RESOURCES = "GET /projects/p-1/resources";

  @TempDir static Path tmp;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SharedSpark.session();
  }

  /** Serves the mirror and reads it through the API: resource_id to row of {@code columns}. */
  private static Map<String, Row> read(TestMirror mirror, String... columns) throws Exception {
    Path dir = mirror.write();
    try (DatamintApiServer server =
        DatamintApiServer.start(dir, 0, Optional.of(KEY), FaultPlan.NONE)) {
      Map<String, Row> out = new HashMap<>();
      for (Row row :
          spark
              .read()
              .format("datamint")
              .option("server_url", server.url())
              .option("api_key", KEY)
              .option("project", "tiny")
              .option("worklists", "none")
              .load()
              .selectExpr(columns)
              .collectAsList()) {
        out.put(row.getString(0), row);
      }
      return out;
    }
  }

  private static TestMirror mirror(String name) {
    return TestMirror.in(tmp.resolve(name));
  }

  @Test
  void anEssentialFieldOfTheWrongTypeNamesTheEndpointItemAndField() {
    TestMirror id =
        mirror("annotation-id")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1"))
            .annotationLine(annotation("a2", "r1", "id", "12"));
    assertThatThrownBy(() -> read(id, "resource_id"))
        .hasMessageContaining(
            "POST /annotations/search item 1: field \"id\": found a number (12); accepted: a"
                + " string");
    TestMirror frame =
        mirror("frame-index")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1", "scope", "\"frame\"", "frame_index", "-1"));
    assertThatThrownBy(() -> read(frame, "resource_id"))
        .hasMessageContaining(
            "POST /annotations/search item 0: field \"frame_index\": found a number (-1)");
  }

  @Test
  void wrongTypesAndOverflowsOfNonEssentialFieldsAreAbsentWithOneWarningPerField()
      throws Exception {
    TestMirror m =
        mirror("non-essential")
            .resourceLine(resource("r1", "tags", "\"chest\"", "size", "9223372036854775808"))
            .resourceLine(resource("r2", "size", "1e300", "patient_id", "4711"))
            .resourceLine(resource("r3", "created_at", "\"2026-02-30T00:00:00Z\""));
    Map<String, Row> rows;
    List<String> warnings;
    try (MetadataWarningCapture capture = new MetadataWarningCapture()) {
      rows = read(m, "resource_id", "tags", "size", "patient_id", "created_at");
      warnings = capture.warnings();
    }
    assertThat(rows.get("r1").<String>getList(1)).isEmpty();
    assertThat(rows.get("r1").isNullAt(2)).isTrue();
    assertThat(rows.get("r2").isNullAt(2)).isTrue();
    assertThat(rows.get("r2").getString(3)).isEqualTo("4711");
    assertThat(rows.get("r3").isNullAt(4)).isTrue();
    assertThat(warnings)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(RESOURCES + ": field \"tags\" was not accepted in 1 item")
                    .contains("first at " + RESOURCES + " item 0: found a string (\"chest\")"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(RESOURCES + ": field \"size\" was not accepted in 2 items")
                    .contains("item 0: found a number (9223372036854775808)"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(RESOURCES + ": field \"created_at\"")
                    .contains("item 2: found a string (\"2026-02-30T00:00:00Z\")"));
  }

  @Test
  void duplicateIdsAreAnErrorNamingBothItems() {
    TestMirror m =
        mirror("duplicates")
            .resourceLine(resource("r1"))
            .resourceLine(resource("r2"))
            .resourceLine(resource("r1"));
    assertThatThrownBy(() -> read(m, "resource_id"))
        .hasMessageContaining(RESOURCES + " items 0 and 2 hold the same resource id \"r1\"");
    TestMirror a =
        mirror("duplicate-annotations")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1"))
            .annotationLine(annotation("a1", "r1"));
    assertThatThrownBy(() -> read(a, "resource_id"))
        .hasMessageContaining(
            "POST /annotations/search items 0 and 1 hold the same annotation id \"a1\"");
  }

  @Test
  void whatTheServerMustUnderstandStopsItsStartNamingFileAndLine() {
    Path trailing =
        mirror("trailing")
            .resourceLine(resource("r1"))
            .resourceLine(resource("r2") + resource("r3"))
            .write();
    assertThatThrownBy(() -> DatamintApiServer.start(trailing, 0, Optional.of(KEY), FaultPlan.NONE))
        .hasMessageContaining(
            "resources.jsonl line 2: malformed JSON: unexpected data after the JSON value");
    Path splits =
        mirror("split-timestamp")
            .resourceLine(resource("r1"))
            .splitLine(split("r1", "train", "created_at", "\"soon\""))
            .write();
    assertThatThrownBy(() -> DatamintApiServer.start(splits, 0, Optional.of(KEY), FaultPlan.NONE))
        .hasMessageContaining(
            "splits.jsonl line 1: field \"created_at\": found a string (\"soon\"); accepted: an"
                + " ISO-8601 timestamp");
  }

  @Test
  void aMalformedSegmentationGroupNamesTheWorklistItemAndThePath() {
    TestMirror m =
        mirror("group")
            .resourceLine(resource("r1"))
            .worklists(
                LyingMetadata.worklistWithGroup("{\"groups\": {\"lung\": {\"index\": \"one\"}}}"));
    assertThatThrownBy(() -> read(m, "resource_id"))
        .hasMessageContaining(
            "GET /projects/p-1/worklists item 0: field"
                + " \"segmentation_group.groups.\"lung\".index\": found a string (\"one\")");
  }

  @Test
  void unknownEnumValuesKeepTheirRowsWithOneWarning() throws Exception {
    TestMirror m =
        mirror("enums")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1", "type", "\"hologram\""))
            .annotationLine(annotation("a2", "r1", "type", "\"hologram\""));
    Map<String, Row> rows;
    List<String> warnings;
    try (MetadataWarningCapture capture = new MetadataWarningCapture()) {
      rows = read(m, "resource_id", "size(annotations)");
      warnings = capture.warnings();
    }
    assertThat(rows.get("r1").getInt(1)).isEqualTo(2);
    assertThat(warnings)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(
                        "POST /annotations/search: unknown value of field \"annotation_type\":"
                            + " \"hologram\" (2)"));
  }

  @Test
  void anIntactPngWithALyingSizeReadsThroughTheApi() throws Exception {
    Path png = TestCorpus.dir("image").resolve("skimage__camera.png");
    TestMirror m =
        mirror("lying-size")
            .resourceLine(resource("tera", "size", "1099511627776"))
            .resourceLine(resource("huge", "size", "1e300"))
            .resourceLine(resource("wrapped", "size", "9223372036854775808"));
    Path dir = m.write();
    for (String id : List.of("tera", "huge", "wrapped")) {
      Files.copy(png, dir.resolve("files/resources/" + id));
    }
    Map<String, Row> rows = read(m, "resource_id", "_error", "image IS NOT NULL", "size");
    assertThat(rows).hasSize(3);
    for (Row row : rows.values()) {
      assertThat(row.isNullAt(1)).as(row.getString(0) + ": " + row.get(1)).isTrue();
      assertThat(row.getBoolean(2)).isTrue();
    }
    assertThat(rows.get("tera").getLong(3)).isEqualTo(1L << 40);
  }
}
