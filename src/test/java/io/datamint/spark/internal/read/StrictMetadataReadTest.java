package io.datamint.spark.internal.read;

import static io.datamint.spark.internal.read.LyingMetadata.annotation;
import static io.datamint.spark.internal.read.LyingMetadata.resource;
import static io.datamint.spark.internal.read.LyingMetadata.split;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lying metadata in a project mirror, read through {@code spark.read}: each class of defect of
 * issue 15 (wrong types, overflows, trailing data, duplicate ids, bad timestamps, frame indexes and
 * segmentation groups, unknown enum values). An essential field fails {@code load()} naming the
 * file, the 1-based line and the field; a non-essential one is read as absent with one warning per
 * field naming how many lines and the first; unknown enum values keep their rows.
 */
class StrictMetadataReadTest {

  @TempDir static Path tmp;
  static SparkSession spark;

  @BeforeAll
  static void session() {
    spark = SharedSpark.session();
  }

  private static Dataset<Row> load(TestMirror mirror) {
    return spark
        .read()
        .format("datamint")
        .option("worklists", "none")
        .load(mirror.write().toString());
  }

  private static TestMirror mirror(String name) {
    return TestMirror.in(tmp.resolve(name));
  }

  /** resource_id to the row, of the metadata columns. */
  private static Map<String, Row> rows(Dataset<Row> df) {
    Map<String, Row> out = new HashMap<>();
    for (Row row :
        df.selectExpr(
                "resource_id", "size", "tags", "patient_id", "created_at", "size(annotations)")
            .collectAsList()) {
      out.put(row.getString(0), row);
    }
    return out;
  }

  @Test
  void anEssentialFieldOfTheWrongTypeNamesFileLineFieldFoundAndAccepted() {
    TestMirror m =
        mirror("id-number").resourceLine(resource("r1")).resourceLine(resource("r2", "id", "12"));
    assertThatThrownBy(() -> load(m))
        .hasMessageContaining(
            "resources.jsonl line 2: field \"id\": found a number (12); accepted: a string");
    TestMirror a =
        mirror("resource-id-list")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1"))
            .annotationLine(annotation("a2", "r1", "resource_id", "[\"r1\"]"));
    assertThatThrownBy(() -> load(a))
        .hasMessageContaining(
            "annotations.jsonl line 2: field \"resource_id\": found a list; accepted: a string");
  }

  @Test
  void wrongTypesOfNonEssentialFieldsAreAbsentWithOneWarningPerField() {
    TestMirror m =
        mirror("tags")
            .resourceLine(resource("r1", "tags", "\"chest\""))
            .resourceLine(resource("r2"))
            .resourceLine(resource("r3", "tags", "{\"a\": 1}", "modality", "7"))
            .resourceLine(resource("r4", "tags", "[\"ok\", 3]"));
    Map<String, Row> rows;
    List<String> warnings;
    try (MetadataWarningCapture capture = new MetadataWarningCapture()) {
      rows = rows(load(m));
      warnings = capture.warnings();
    }
    assertThat(rows.get("r1").<String>getList(2)).isEmpty();
    assertThat(rows.get("r2").<String>getList(2)).containsExactly("chest");
    assertThat(rows.get("r3").<String>getList(2)).isEmpty();
    assertThat(rows.get("r4").<String>getList(2)).isEmpty();
    assertThat(warnings)
        .filteredOn(w -> w.contains("field \"tags\""))
        .singleElement()
        .asString()
        .contains("resources.jsonl: field \"tags\" was not accepted in 3 items, read as if absent")
        .contains("first at ")
        .contains(
            "resources.jsonl line 1: found a string (\"chest\"); accepted: a list of strings");
    assertThat(warnings)
        .filteredOn(w -> w.contains("field \"modality\""))
        .singleElement()
        .asString()
        .contains("in 1 item,")
        .contains("resources.jsonl line 3: found a number (7); accepted: a string");
  }

  @Test
  void aWholeNumberPatientIdIsItsDecimalStringAnyOtherNumberIsAbsent() {
    TestMirror m =
        mirror("patient")
            .resourceLine(resource("r1", "patient_id", "12345"))
            .resourceLine(resource("r2", "patient_id", "12.5"))
            .resourceLine(resource("r3", "patient_id", "{\"id\": 1}"));
    Map<String, Row> rows;
    List<String> warnings;
    try (MetadataWarningCapture capture = new MetadataWarningCapture()) {
      rows = rows(load(m));
      warnings = capture.warnings();
    }
    assertThat(rows.get("r1").getString(3)).isEqualTo("12345");
    assertThat(rows.get("r2").isNullAt(3)).isTrue();
    assertThat(rows.get("r3").isNullAt(3)).isTrue();
    assertThat(warnings)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("field \"patient_id\" was not accepted in 2 items")
                    .contains("line 2: found a number (12.5)")
                    .contains("a whole number (read as its decimal digits)"));
  }

  @Test
  void aSizeThatOverflowsIsNegativeOrFractionalIsAbsentWithAWarning() {
    TestMirror m =
        mirror("size")
            .resourceLine(resource("r1", "size", "9223372036854775808"))
            .resourceLine(resource("r2", "size", "1e300"))
            .resourceLine(resource("r3", "size", "-1"))
            .resourceLine(resource("r4", "size", "1.5"))
            .resourceLine(resource("r5", "size", "1099511627776"))
            .resourceLine(resource("r6", "size", "\"2048\""));
    Map<String, Row> rows;
    List<String> warnings;
    try (MetadataWarningCapture capture = new MetadataWarningCapture()) {
      rows = rows(load(m));
      warnings = capture.warnings();
    }
    for (String id : List.of("r1", "r2", "r3", "r4")) {
      assertThat(rows.get(id).isNullAt(1)).as(id).isTrue();
    }
    assertThat(rows.get("r5").getLong(1)).isEqualTo(1L << 40);
    assertThat(rows.get("r6").getLong(1)).isEqualTo(2048L);
    assertThat(warnings)
        .filteredOn(w -> w.contains("field \"size\""))
        .singleElement()
        .asString()
        .contains("was not accepted in 4 items")
        .contains("line 1: found a number (9223372036854775808)")
        .contains("accepted: a whole number of bytes from 0 to 9223372036854775807");
  }

  @Test
  void dataAfterTheJsonValueOnALineIsAnErrorNamingFileAndLine() {
    TestMirror two =
        mirror("two-objects")
            .resourceLine(resource("r1"))
            .resourceLine(resource("r2") + " " + resource("r3"));
    assertThatThrownBy(() -> load(two))
        .hasMessageContaining(
            "resources.jsonl line 2: malformed JSON: unexpected data after the JSON value");
    TestMirror stray =
        mirror("stray").resourceLine(resource("r1")).annotationLine(annotation("a1", "r1") + " x");
    assertThatThrownBy(() -> load(stray))
        .hasMessageContaining(
            "annotations.jsonl line 1: malformed JSON: unexpected data after the JSON value");
    TestMirror project = mirror("project-two").project("{\"id\": \"p-1\", \"name\": \"tiny\"} {}");
    assertThatThrownBy(() -> load(project))
        .hasMessageContaining("project.json: malformed JSON: unexpected data after the JSON value");
  }

  @Test
  void duplicateIdsAreAnErrorNamingBothLines() {
    TestMirror resources =
        mirror("dup-resources")
            .resourceLine(resource("r1"))
            .resourceLine(resource("r2"))
            .resourceLine("")
            .resourceLine(resource("r1", "filename", "\"other.png\""))
            .splitLine(split("r1", "train"))
            .splitLine(split("r2", "test"));
    assertThatThrownBy(() -> load(resources))
        .hasMessageContaining("resources.jsonl lines 1 and 4 hold the same resource id \"r1\"")
        .hasMessageContaining("ids must be unique");
    TestMirror annotations =
        mirror("dup-annotations")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1"))
            .annotationLine(annotation("a2", "r1"))
            .annotationLine(annotation("a2", "r1", "name", "\"effusion\""));
    assertThatThrownBy(() -> load(annotations))
        .hasMessageContaining("annotations.jsonl lines 2 and 3 hold the same annotation id \"a2\"");
  }

  @Test
  void badTimestampsAreAbsentWhereNotEssentialAndAnErrorInSplits() {
    TestMirror m =
        mirror("timestamps")
            .resourceLine(resource("r1", "created_at", "\"yesterday\""))
            .resourceLine(resource("r2"))
            .annotationLine(annotation("a1", "r1", "created_at", "1767225600"));
    Map<String, Row> rows;
    List<String> warnings;
    try (MetadataWarningCapture capture = new MetadataWarningCapture()) {
      rows = rows(load(m));
      warnings = capture.warnings();
    }
    assertThat(rows.get("r1").isNullAt(4)).isTrue();
    assertThat(rows.get("r2").getString(4)).isEqualTo("2026-01-01T00:00:00Z");
    assertThat(rows.get("r1").getInt(5)).isEqualTo(1);
    assertThat(warnings)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("resources.jsonl: field \"created_at\" was not accepted in 1 item")
                    .contains(
                        "line 1: found a string (\"yesterday\"); accepted: an ISO-8601 timestamp"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains("annotations.jsonl: field \"created_at\"")
                    .contains("line 1: found a number (1767225600)"));

    TestMirror splits =
        mirror("split-timestamp")
            .resourceLine(resource("r1"))
            .resourceLine(resource("r2"))
            .splitLine(split("r1", "train"))
            .splitLine(split("r2", "test", "created_at", "\"2026-13-01T00:00:00Z\""));
    assertThatThrownBy(() -> load(splits))
        .hasMessageContaining(
            "splits.jsonl line 2: field \"created_at\": found a string (\"2026-13-01T00:00:00Z\");"
                + " accepted: an ISO-8601 timestamp");
    TestMirror deleted =
        mirror("split-deleted")
            .resourceLine(resource("r1"))
            .splitLine(split("r1", "train", "deleted_at", "true"));
    assertThatThrownBy(() -> load(deleted))
        .hasMessageContaining("splits.jsonl line 1: field \"deleted_at\": found a boolean (true)");
  }

  @Test
  void aNegativeOrFractionalFrameIndexIsAnErrorNamingTheField() {
    TestMirror negative =
        mirror("frame-negative")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1", "scope", "\"frame\"", "frame_index", "-1"));
    assertThatThrownBy(() -> load(negative))
        .hasMessageContaining(
            "annotations.jsonl line 1: field \"frame_index\": found a number (-1); accepted: a whole"
                + " number from 0 to 2147483647");
    TestMirror fraction =
        mirror("frame-fraction")
            .resourceLine(resource("r1"))
            .annotationLine(annotation("a1", "r1"))
            .annotationLine(annotation("a2", "r1", "index", "2.5"));
    assertThatThrownBy(() -> load(fraction))
        .hasMessageContaining("annotations.jsonl line 2: field \"index\": found a number (2.5)");
  }

  @Test
  void aMalformedSegmentationGroupIsAnErrorNamingTheFieldsPath() {
    TestMirror list =
        mirror("group-list")
            .resourceLine(resource("r1"))
            .worklists(LyingMetadata.worklistWithGroup("{\"groups\": [\"lung\"]}"));
    assertThatThrownBy(() -> load(list))
        .hasMessageContaining(
            "worklists.json line 2: field \"segmentation_group.groups\": found a list; accepted:"
                + " an object of label to {\"index\": <int>}");
    TestMirror negative =
        mirror("group-negative")
            .resourceLine(resource("r1"))
            .worklists(
                LyingMetadata.worklistWithGroup("{\"groups\": {\"lung\": {\"index\": -2}}}"));
    assertThatThrownBy(() -> load(negative))
        .hasMessageContaining(
            "worklists.json line 2: field \"segmentation_group.groups.\"lung\".index\": found a"
                + " number (-2)");
    TestMirror text =
        mirror("group-text")
            .resourceLine(resource("r1"))
            .worklists(LyingMetadata.worklistWithGroup("{\"groups\": {\"lung\": 1}}"));
    assertThatThrownBy(() -> load(text))
        .hasMessageContaining(
            "field \"segmentation_group.groups.\"lung\"\": found a number (1); accepted:"
                + " {\"index\": <int>}");
  }

  @Test
  void unknownEnumValuesKeepTheirRowsWithOneWarningPerField() {
    TestMirror m =
        mirror("enums")
            .resourceLine(resource("r1", "storage", "\"TapeResource\""))
            .resourceLine(resource("r2"))
            .annotationLine(annotation("a1", "r1", "type", "\"hologram\""))
            .annotationLine(annotation("a2", "r1", "type", "\"hologram\"", "scope", "\"series\""))
            .annotationLine(annotation("a3", "r2", "type", "\"sketch\""));
    Map<String, Row> rows;
    List<String> warnings;
    try (MetadataWarningCapture capture = new MetadataWarningCapture()) {
      rows = rows(load(m));
      warnings = capture.warnings();
    }
    assertThat(rows).containsOnlyKeys("r1", "r2");
    assertThat(warnings)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(
                        "annotations.jsonl: unknown values of field \"annotation_type\":"
                            + " \"hologram\" (2), \"sketch\" (1); the items are kept"))
        .anySatisfy(w -> assertThat(w).contains("unknown value of field \"scope\": \"series\" (1)"))
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(
                        "resources.jsonl: unknown value of field \"storage\": \"taperesource\" (1)"));
  }
}
