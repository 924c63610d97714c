package io.datamint.spark.internal.sample;

import static io.datamint.spark.internal.sample.Mirror.field;
import static io.datamint.spark.internal.sample.Mirror.frameIndex;
import static io.datamint.spark.internal.sample.Mirror.identifier;
import static io.datamint.spark.internal.sample.Mirror.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The generated mirror's determinism, consistency and content (file formats are checked in
 * SampleFormatsTest).
 */
class SampleProjectTest {

  @TempDir static Path shared;
  private static Mirror mirror;

  @BeforeAll
  static void generate() throws IOException {
    SampleProject.write(shared.resolve("seed42"), 42);
    mirror = Mirror.read(shared.resolve("seed42"));
  }

  @Test
  void sameSeedWritesIdenticalBytes(@TempDir Path tmp) throws IOException {
    SampleProject.write(tmp.resolve("again"), 42);
    Map<String, byte[]> first = Mirror.tree(shared.resolve("seed42"));
    Map<String, byte[]> second = Mirror.tree(tmp.resolve("again"));
    assertThat(second.keySet()).isEqualTo(first.keySet());
    for (String file : first.keySet()) {
      assertThat(second.get(file)).as(file).isEqualTo(first.get(file));
    }
  }

  @Test
  void otherSeedWritesOtherIdsAndPixels(@TempDir Path tmp) throws IOException {
    SampleProject.write(tmp.resolve("other"), 43);
    Mirror other = Mirror.read(tmp.resolve("other"));
    assertThat(other.resources()).hasSameSizeAs(mirror.resources());
    Set<String> ids = ids(mirror.resources());
    assertThat(ids(other.resources())).doesNotContainAnyElementsOf(ids);
    assertThat(other.project().get("id")).isNotEqualTo(mirror.project().get("id"));
    byte[] png =
        Files.readAllBytes(
            mirror.resourceFile(mirror.resource("CXR_P001_PA.png").get("id").asText()));
    byte[] otherPng =
        Files.readAllBytes(
            other.resourceFile(other.resource("CXR_P001_PA.png").get("id").asText()));
    assertThat(otherPng).isNotEqualTo(png);
  }

  @Test
  void rewritingAnEarlierSampleLeavesNoStaleFiles(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("mirror");
    SampleProject.write(dir, 1);
    SampleProject.write(dir, 2);
    SampleProject.write(tmp.resolve("fresh"), 2);
    assertThat(Mirror.tree(dir).keySet()).isEqualTo(Mirror.tree(tmp.resolve("fresh")).keySet());
  }

  @Test
  void refusesANonEmptyDirectoryThatIsNotAMirror(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("notes.txt"), "keep me");
    assertThatThrownBy(() -> SampleProject.write(tmp, 42))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("not empty")
        .hasMessageContaining("refusing to overwrite");
    assertThat(Mirror.tree(tmp).keySet()).containsExactly("notes.txt");
  }

  @Test
  void refusesTheMirrorOfAnotherProject(@TempDir Path tmp) throws IOException {
    Files.writeString(tmp.resolve("project.json"), "{\"id\":\"x\",\"name\":\"real-project\"}");
    Files.writeString(tmp.resolve("resources.jsonl"), "");
    assertThatThrownBy(() -> SampleProject.write(tmp, 42))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'real-project'");
    assertThat(Files.readString(tmp.resolve("project.json"))).contains("real-project");
  }

  @Test
  void acceptsAnExistingEmptyDirectory(@TempDir Path tmp) throws IOException {
    SampleProject.Summary s = SampleProject.write(tmp, 5);
    assertThat(s.resources()).isEqualTo(13);
    assertThat(Files.isRegularFile(tmp.resolve("project.json"))).isTrue();
  }

  @Test
  void everyResourceSizeIsItsFileLength() throws IOException {
    for (JsonNode r : mirror.resources()) {
      Path file = mirror.resourceFile(r.get("id").asText());
      assertThat(file).as(r.get("filename").asText()).isRegularFile();
      assertThat(r.get("size").asLong()).as(r.get("filename").asText()).isEqualTo(Files.size(file));
    }
    assertThat(Files.list(mirror.dir().resolve("files/resources")).count())
        .isEqualTo(mirror.resources().size());
  }

  @Test
  void resourcesHaveEverySdkField() {
    List<String> fields =
        List.of(
            "id",
            "resource_uri",
            "storage",
            "location",
            "upload_channel",
            "filename",
            "modality",
            "mimetype",
            "size",
            "upload_mechanism",
            "customer_id",
            "status",
            "created_at",
            "created_by",
            "published",
            "published_on",
            "published_by",
            "deleted",
            "deleted_at",
            "metadata",
            "source_filepath",
            "tags",
            "instance_uid",
            "series_uid",
            "study_uid",
            "patient_id",
            "user_info",
            "projects",
            "labels");
    for (JsonNode r : mirror.resources()) {
      assertThat(fieldNames(r)).as(r.get("filename").asText()).containsAll(fields);
      assertThat(r.get("resource_uri").asText())
          .isEqualTo("/resources/" + r.get("id").asText() + "/file");
      assertThat(r.get("deleted").asBoolean()).isFalse();
      assertThat(r.get("deleted_at").isNull()).isTrue();
    }
  }

  @Test
  void catalogueHasTheExpectedKindsPatientsAndTags() {
    Map<String, Long> storages =
        mirror.resources().stream()
            .collect(Collectors.groupingBy(r -> r.get("storage").asText(), Collectors.counting()));
    assertThat(storages)
        .containsEntry("NiftiResource", 3L)
        .containsEntry("DicomResource", 2L)
        .containsEntry("ImageResource", 6L)
        .containsEntry("VideoResource", 2L);
    assertThat(mirror.resource("CT_ABD_P002.nii.gz").get("mimetype").asText())
        .isEqualTo("application/gzip");

    Map<String, Integer> perPatient = new HashMap<>();
    int withoutPatient = 0;
    for (JsonNode r : mirror.resources()) {
      String patient =
          r.get("patient_id").isNull()
              ? r.get("metadata").path("PatientID").asText(null)
              : r.get("patient_id").asText();
      if (patient == null) {
        withoutPatient++;
      } else {
        perPatient.merge(patient, 1, Integer::sum);
      }
    }
    assertThat(perPatient).hasSize(6);
    assertThat(perPatient.values().stream().filter(n -> n > 1).count()).isGreaterThanOrEqualTo(3);
    assertThat(withoutPatient).isEqualTo(2);
    JsonNode lateral = mirror.resource("CXR_P005_LAT.png");
    assertThat(lateral.get("patient_id").isNull()).isTrue();
    assertThat(lateral.get("metadata").get("PatientID").asText()).isEqualTo("PAT-005");

    Set<String> tags = new HashSet<>();
    mirror.resources().forEach(r -> r.get("tags").forEach(t -> tags.add(t.asText())));
    assertThat(tags)
        .contains(
            "ct", "xray", "ultrasound", "chest", "abdomen", "contrast", "split:train", "split:val");

    for (JsonNode r : mirror.resources()) {
      if (r.get("storage").asText().equals("DicomResource")) {
        assertThat(r.get("instance_uid").asText()).startsWith("2.25.");
        assertThat(r.get("metadata").get("PatientID").asText())
            .isEqualTo(r.get("patient_id").asText());
      }
    }
  }

  @Test
  void videosDeclareTheirFrameCountBothWays() {
    JsonNode withCount = mirror.resource("US_CAROTID_P004.mp4").get("metadata");
    assertThat(withCount.get("frame_count").asInt()).isEqualTo(24);
    JsonNode stream = mirror.resource("US_CAROTID_ANON.mp4").get("metadata").get("streams").get(0);
    assertThat(stream.get("codec_type").asText()).isEqualTo("video");
    assertThat(stream.get("nb_frames").asText()).isEqualTo("24");
    assertThat(stream.get("width").asInt()).isEqualTo(128);
    assertThat(stream.get("height").asInt()).isEqualTo(96);
  }

  @Test
  void segmentationAnnotationsHaveTheirMaskFilesAndOthersHaveNone() throws IOException {
    Set<String> maskIds = new HashSet<>();
    for (JsonNode a : mirror.annotations()) {
      String id = a.get("id").asText();
      if (type(a).equals("segmentation")) {
        assertThat(mirror.annotationFile(id)).as(identifier(a)).isRegularFile();
        assertThat(a.get("file").asText()).isNotEmpty();
        assertThat(a.get("associated_file").asText()).isNotEmpty();
        maskIds.add(id);
      } else {
        assertThat(a.has("file")).as(id).isFalse();
      }
    }
    try (var files = Files.list(mirror.dir().resolve("files/annotations"))) {
      assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()))
          .isEqualTo(maskIds);
    }
  }

  @Test
  void annotationsCoverTheExpectedKindsAndKeyStyles() {
    List<JsonNode> all = mirror.annotations();
    Set<String> ids = ids(mirror.resources());
    assertThat(all)
        .allSatisfy(
            a -> {
              assertThat(ids).contains(a.get("resource_id").asText());
              assertThat(fieldNames(a))
                  .contains(
                      "id",
                      "resource_id",
                      "created_at",
                      "status",
                      "annotation_worklist_id",
                      "source",
                      "deleted");
              assertThat(a.get("deleted").asBoolean()).isFalse();
            });
    assertThat(all).anyMatch(a -> a.has("type") && a.has("name") && a.has("added_by"));
    assertThat(all)
        .anyMatch(a -> a.has("annotation_type") && a.has("identifier") && a.has("created_by"));
    assertThat(all).anyMatch(a -> a.has("index"));
    assertThat(all).anyMatch(a -> a.has("frame_index") && !a.get("frame_index").isNull());
    assertThat(all).anyMatch(a -> !a.has("scope"));
    assertThat(all).anyMatch(a -> a.has("value") && "good".equals(a.get("value").asText()));
    assertThat(all).anyMatch(a -> a.has("text_value") && "PA".equals(a.get("text_value").asText()));
    assertThat(all.stream().map(a -> a.get("status").asText())).contains("published", "new");
    assertThat(all.stream().map(a -> a.get("source").asText()))
        .contains("manual", "imported", "model_pipeline");

    Set<String> authors =
        all.stream()
            .map(a -> field(a, "created_by", "added_by"))
            .filter(v -> v != null)
            .map(JsonNode::asText)
            .collect(Collectors.toSet());
    assertThat(authors).containsExactlyInAnyOrder("alice@example.com", "bob@example.com");
    List<JsonNode> models = all.stream().filter(a -> a.get("is_model").asBoolean()).toList();
    assertThat(models).hasSize(2);
    for (JsonNode model : models) {
      assertThat(field(model, "created_by", "added_by")).isNull();
      assertThat(model.get("created_by_model").asText()).isNotEmpty();
    }

    Set<String> kinds =
        all.stream()
            .map(
                a ->
                    type(a)
                        + ":"
                        + identifier(a)
                        + ":"
                        + (frameIndex(a) == null ? "image" : "frame"))
            .collect(Collectors.toSet());
    assertThat(kinds)
        .contains(
            "label:pneumonia:image",
            "label:nodule:image",
            "label:fracture:image",
            "category:quality:image",
            "category:view:image",
            "segmentation:lung:image",
            "segmentation:heart:image",
            "segmentation:liver:image",
            "segmentation:tumor:image",
            "segmentation:vessel:frame",
            "label:artifact:frame",
            "line:lesion_diameter:frame",
            "square:opacity:image",
            "square:lesion:frame",
            "square:plaque:frame");
    assertThat(all.stream().filter(a -> type(a).equals("square")))
        .hasSize(4)
        .allSatisfy(box -> assertThat(box.get("geometry").get("points")).hasSize(4));
    JsonNode line = all.stream().filter(a -> type(a).equals("line")).findFirst().orElseThrow();
    assertThat(line.get("geometry").get("points")).hasSize(2);
  }

  @Test
  void twoResourcesHaveNoAnnotationAndOneAnnotationIsOutsideEveryWorklist() {
    List<String> unannotated =
        mirror.resources().stream()
            .filter(r -> mirror.annotationsOf(r.get("id").asText()).isEmpty())
            .map(r -> r.get("filename").asText())
            .toList();
    assertThat(unannotated).containsExactly("CT_CHEST_P004.dcm", "CXR_ANON_0001.png");

    Set<String> specified = new HashSet<>();
    mirror
        .worklists()
        .forEach(
            w -> w.get("annotations").forEach(s -> specified.add(s.get("identifier").asText())));
    List<String> external =
        mirror.annotations().stream()
            .filter(a -> List.of("label", "category", "segmentation").contains(type(a)))
            .map(Mirror::identifier)
            .filter(id -> !specified.contains(id))
            .toList();
    assertThat(external).containsExactly("incidental_finding");
  }

  @Test
  void worklistsShareOnlyIdenticalSpecsAndLeaveIndexThreeUnused() {
    assertThat(mirror.worklists()).hasSize(2);
    assertThat(mirror.project().get("worklist_id")).isEqualTo(mirror.worklists().get(0).get("id"));
    Map<String, JsonNode> specs = new HashMap<>();
    for (JsonNode w : mirror.worklists()) {
      assertThat(fieldNames(w))
          .contains(
              "id",
              "name",
              "status",
              "annotators",
              "description",
              "created_by",
              "created_at",
              "resource_ids",
              "annotations",
              "segmentation_group");
      for (JsonNode s : w.get("annotations")) {
        String key = s.get("scope").asText() + "/" + s.get("identifier").asText();
        JsonNode earlier = specs.putIfAbsent(key, s);
        if (earlier != null) {
          assertThat(s).as(key).isEqualTo(earlier);
        }
      }
      JsonNode groups = w.get("segmentation_group").get("groups");
      Map<String, Integer> indexes = new HashMap<>();
      groups.properties().forEach(e -> indexes.put(e.getKey(), e.getValue().get("index").asInt()));
      assertThat(indexes)
          .isEqualTo(Map.of("lung", 1, "heart", 2, "liver", 4, "tumor", 5, "vessel", 6));
      for (JsonNode id : w.get("resource_ids")) {
        assertThat(ids(mirror.resources())).contains(id.asText());
      }
    }
  }

  @Test
  void splitHistoryAnswersAsOfQueries() {
    String p002 = mirror.resource("CT_ABD_P002.nii.gz").get("id").asText();
    String anon = mirror.resource("US_CAROTID_ANON.mp4").get("id").asText();
    Map<String, String> before = splitsAsOf(Instant.parse("2026-03-02T00:00:00Z"));
    Map<String, String> after = splitsAsOf(Instant.parse("2026-05-01T00:00:00Z"));
    assertThat(splitsAsOf(Instant.parse("2026-02-28T00:00:00Z"))).isEmpty();
    assertThat(before).hasSize(12).containsEntry(p002, "train").doesNotContainKey(anon);
    assertThat(after).hasSize(12).containsEntry(p002, "val").doesNotContainKey(anon);
    long changed =
        before.keySet().stream().filter(id -> !before.get(id).equals(after.get(id))).count();
    assertThat(changed).isEqualTo(3);
    assertThat(splitsAsOf(Instant.parse("2026-04-15T09:30:00Z"))).isEqualTo(after);
    assertThat(mirror.splits())
        .allSatisfy(
            s ->
                assertThat(fieldNames(s))
                    .containsExactly(
                        "id",
                        "split_name",
                        "project_id",
                        "resource_id",
                        "created_at",
                        "created_by",
                        "deleted_at",
                        "deleted_by"));
  }

  @Test
  void projectJsonDescribesTheProject() {
    JsonNode p = mirror.project();
    assertThat(p.get("name").asText()).isEqualTo("sample-ct-xray-us");
    assertThat(p.get("resource_count").asInt()).isEqualTo(13);
    assertThat(p.get("archived").asBoolean()).isFalse();
    assertThat(fieldNames(p))
        .contains(
            "id",
            "created_at",
            "created_by",
            "dataset_id",
            "description",
            "worklist_id",
            "annotators");
    assertThat(Files.exists(mirror.dir().resolve("project.json"))).isTrue();
    String text = new String(Mirror.tree(mirror.dir()).get("project.json"), StandardCharsets.UTF_8);
    assertThat(text).doesNotContain("\r").endsWith("}\n");
  }

  /**
   * The contract's rule: per resource, the latest created_at <= t whose deleted_at is null or > t.
   */
  private static Map<String, String> splitsAsOf(Instant t) {
    Map<String, JsonNode> latest = new HashMap<>();
    for (JsonNode s : mirror.splits()) {
      Instant created = Instant.parse(s.get("created_at").asText());
      JsonNode deleted = s.get("deleted_at");
      boolean live =
          !created.isAfter(t) && (deleted.isNull() || Instant.parse(deleted.asText()).isAfter(t));
      if (live) {
        latest.merge(
            s.get("resource_id").asText(),
            s,
            (a, b) ->
                Instant.parse(a.get("created_at").asText())
                        .isAfter(Instant.parse(b.get("created_at").asText()))
                    ? a
                    : b);
      }
    }
    return latest.entrySet().stream()
        .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get("split_name").asText()));
  }

  private static Set<String> ids(List<JsonNode> rows) {
    return rows.stream().map(r -> r.get("id").asText()).collect(Collectors.toSet());
  }

  private static List<String> fieldNames(JsonNode node) {
    return StreamSupport.stream(((Iterable<String>) node::fieldNames).spliterator(), false)
        .toList();
  }
}
