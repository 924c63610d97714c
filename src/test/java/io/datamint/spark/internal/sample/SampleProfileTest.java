package io.datamint.spark.internal.sample;

import static io.datamint.spark.internal.sample.Mirror.field;
import static io.datamint.spark.internal.sample.Mirror.frameIndex;
import static io.datamint.spark.internal.sample.Mirror.identifier;
import static io.datamint.spark.internal.sample.Mirror.type;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample generator's knobs ({@link SampleProfile}, {@code --annotators}, {@code
 * --video-frames}, {@code --default-worklist}).
 */
class SampleProfileTest {

  @TempDir static Path shared;

  private static Mirror sample;
  private static Mirror larger;

  @BeforeAll
  static void generate() throws IOException {
    SampleProject.write(shared.resolve("default"), 42);
    SampleProject.write(shared.resolve("larger"), 42, new SampleProfile(4, 40));
    sample = Mirror.read(shared.resolve("default"));
    larger = Mirror.read(shared.resolve("larger"));
  }

  @Test
  void theDefaultProfileWritesTheSampleByteForByte(@TempDir Path tmp) throws IOException {
    SampleProject.write(tmp.resolve("profiled"), 42, SampleProfile.DEFAULT);
    Map<String, byte[]> expected = Mirror.tree(shared.resolve("default"));
    Map<String, byte[]> actual = Mirror.tree(tmp.resolve("profiled"));
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String file : expected.keySet()) {
      assertThat(actual.get(file)).as(file).isEqualTo(expected.get(file));
    }
  }

  @Test
  void extraAnnotatorsAddToTheSampleAndKeepItsAnnotations() {
    List<String> sampleIds = ids(sample.annotations());
    List<String> largerIds = ids(larger.annotations());
    assertThat(largerIds.subList(0, sampleIds.size())).isEqualTo(sampleIds);
    assertThat(largerIds.size()).isGreaterThan(sampleIds.size());
    Set<String> authors = new TreeSet<>();
    for (JsonNode a : larger.annotations()) {
      if (author(a) != null) {
        authors.add(author(a));
      }
    }
    assertThat(authors)
        .contains("alice@example.com", "bob@example.com", "carol@example.com", "dave@example.com")
        .doesNotContain("erin@example.com");
    assertThat(larger.project().get("annotators")).hasSize(4);
    for (JsonNode w : larger.worklists()) {
      assertThat(w.get("annotators")).hasSize(4);
    }
    JsonNode carol =
        larger.annotations().stream()
            .filter(a -> "carol@example.com".equals(author(a)))
            .findFirst()
            .orElseThrow();
    assertThat(carol.get("user_info").get("firstname").asText()).isEqualTo("Carol");
  }

  @Test
  void longerClipsHaveTheirFramesAndFrameAnnotationsUpToTheLastFrame() {
    JsonNode clip = larger.resource("US_CAROTID_P004.mp4");
    assertThat(clip.get("metadata").get("frame_count").asInt()).isEqualTo(40);
    JsonNode anon = larger.resource("US_CAROTID_ANON.mp4");
    assertThat(anon.get("metadata").get("streams").get(0).get("nb_frames").asText())
        .isEqualTo("40");
    Set<Integer> vesselFrames =
        larger.annotationsOf(clip.get("id").asText()).stream()
            .filter(a -> type(a).equals("segmentation") && identifier(a).equals("vessel"))
            .map(Mirror::frameIndex)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(vesselFrames).contains(0, 23, 39).allMatch(f -> f >= 0 && f < 40);
    assertThat(
            larger.annotationsOf(anon.get("id").asText()).stream()
                .filter(a -> identifier(a).equals("artifact"))
                .map(a -> frameIndex(a)))
        .contains(3, 19);
  }

  @Test
  void outOfRangeKnobsAreRejectedNamingTheRange() {
    assertThatThrownBy(() -> new SampleProfile(1, 24))
        .hasMessage("annotators must be 2 to 8, got 1");
    assertThatThrownBy(() -> new SampleProfile(2, 23))
        .hasMessageContaining("video frames must be 24 to 600")
        .hasMessageContaining("got 23");
  }

  @Test
  void theCommandLineTakesTheKnobs(@TempDir Path tmp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertThat(SampleProjectCli.run(new String[] {"--help"}, o, e)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("--annotators N", "--video-frames N");
    assertThat(SampleProjectCli.run(new String[] {"d", "--annotators", "9"}, o, e)).isEqualTo(2);
    assertThat(SampleProjectCli.run(new String[] {"d", "--annotators", "4294967298"}, o, e))
        .as("2^32 + 2 is not 2")
        .isEqualTo(2);
    assertThat(SampleProjectCli.run(new String[] {"d", "--video-frames=x"}, o, e)).isEqualTo(2);
    assertThat(SampleProjectCli.run(new String[] {"d", "--annotators"}, o, e)).isEqualTo(2);
    assertThat(SampleProjectCli.run(new String[] {"d", "--default-worklist", "ct"}, o, e))
        .isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains(
            "annotators must be 2 to 8, got 9",
            "--video-frames must be an integer, got 'x'",
            "--annotators needs a value",
            "default worklist must be one of xray, segmentation, got 'ct'");
    String dir = tmp.resolve("p").toString();
    assertThat(
            SampleProjectCli.run(
                new String[] {dir, "--annotators=3", "--video-frames", "30", "--seed", "7"}, o, e))
        .isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("seed 7, 3 annotators, 30-frame clips");
    assertThat(Mirror.read(tmp.resolve("p")).project().get("annotators")).hasSize(3);
  }

  @Test
  void theDefaultWorklistCanBeTheOneWithTheFrameLabels(@TempDir Path tmp) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
    String dir = tmp.resolve("seg").toString();
    assertThat(SampleProjectCli.run(new String[] {dir, "--default-worklist=segmentation"}, o, o))
        .as(out.toString(StandardCharsets.UTF_8))
        .isZero();
    Mirror seg = Mirror.read(tmp.resolve("seg"));
    String defaultId = seg.project().get("worklist_id").asText();
    assertThat(defaultId).isNotEqualTo(sample.project().get("worklist_id").asText());
    assertThat(
            seg.annotations().stream()
                .filter(a -> type(a).equals("label") && frameIndex(a) != null)
                .map(a -> a.get("annotation_worklist_id").asText()))
        .isNotEmpty()
        .containsOnly(defaultId);
    assertThat(seg.annotations()).hasSameSizeAs(sample.annotations());
  }

  /** The annotation's author, or null (a model's annotation). */
  private static String author(JsonNode annotation) {
    JsonNode author = field(annotation, "created_by", "added_by");
    return author == null || author.isNull() ? null : author.asText();
  }

  private static List<String> ids(List<JsonNode> rows) {
    List<String> ids = new ArrayList<>();
    rows.forEach(r -> ids.add(r.get("id").asText()));
    return ids;
  }
}
