package io.datamint.spark.internal.source.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.source.ProjectSnapshot;
import io.datamint.spark.internal.source.ProjectSourceException;
import io.datamint.spark.testing.TestMirror;
import java.io.InputStream;
import java.nio.file.Files;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MirrorProjectSourceTest {

  @TempDir java.nio.file.Path tmp;

  private final Configuration conf = new Configuration();

  private MirrorProjectSource open(java.nio.file.Path dir) {
    return MirrorProjectSource.open(new Path(dir.toString()), conf);
  }

  @Test
  void readsEveryMetadataFile() {
    java.nio.file.Path dir =
        TestMirror.in(tmp.resolve("p"))
            .image("r1", "a.png", "CR", "p1")
            .image("r2", "b.png", "CR", "p1")
            .label("a1", "r2", "pneumonia", "alice")
            .worklists(
                "[{\"id\":\"w1\",\"name\":\"W\",\"annotations\":[{\"type\":\"label\",\"identifier\":\"pneumonia\"}],"
                    + "\"segmentation_group\":{\"groups\":{\"lung\":{\"index\":1},\"heart\":{\"index\":3}}}}]")
            .splitLine(
                "{\"split_name\":\"train\",\"resource_id\":\"r1\",\"created_at\":\"2026-01-01T00:00:00Z\"}")
            .write();
    ProjectSnapshot snapshot = ProjectSnapshot.load(open(dir));
    assertThat(snapshot.project().name()).isEqualTo("tiny");
    assertThat(snapshot.resources()).extracting(r -> r.id()).containsExactly("r1", "r2");
    assertThat(snapshot.annotationsOf("r1")).isEmpty();
    assertThat(snapshot.annotationsOf("r2"))
        .extracting(a -> a.identifier())
        .containsExactly("pneumonia");
    assertThat(snapshot.worklists().get(0).segmentationGroup())
        .containsEntry("lung", 1)
        .containsEntry("heart", 3);
    assertThat(snapshot.worklists().get(0).specs().get(0).scope()).isEqualTo("image");
    assertThat(snapshot.splitHistory()).extracting(s -> s.splitName()).containsExactly("train");
  }

  @Test
  void malformedLineIsNamedByFileAndLine() {
    java.nio.file.Path dir =
        TestMirror.in(tmp.resolve("p"))
            .image("r1", "a.png", "CR", "p1")
            .image("r2", "b.png", "CR", "p1")
            .resourceLine("{\"id\": \"r3\", \"filename\": \"c.png\",")
            .write();
    assertThatThrownBy(() -> open(dir).resources())
        .isInstanceOf(ProjectSourceException.class)
        .hasMessageContaining("resources.jsonl line 3: malformed JSON");
  }

  @Test
  void aLineThatIsNotAnObjectOrLacksAnIdIsNamed() {
    java.nio.file.Path dir = TestMirror.in(tmp.resolve("p")).resourceLine("[1]").write();
    assertThatThrownBy(() -> open(dir).resources())
        .hasMessageContaining("resources.jsonl line 1: expected a JSON " + "object, found array");
    java.nio.file.Path dir2 =
        TestMirror.in(tmp.resolve("q")).resourceLine("").resourceLine("{\"filename\":1}").write();
    assertThatThrownBy(() -> open(dir2).resources())
        .hasMessageContaining("resources.jsonl line 2: a resource needs " + "a non-null \"id\"");
  }

  @Test
  void missingFilesAreListed() throws Exception {
    java.nio.file.Path dir = TestMirror.in(tmp.resolve("p")).write();
    Files.delete(dir.resolve("project.json"));
    Files.delete(dir.resolve("splits.jsonl"));
    assertThatThrownBy(() -> open(dir))
        .hasMessageContaining("is missing project.json, splits.jsonl")
        .hasMessageContaining("a mirror holds project.json, resources.jsonl");
  }

  @Test
  void malformedProjectJsonIsNamed() {
    java.nio.file.Path dir =
        TestMirror.in(tmp.resolve("p")).project("{\"id\": \"x\",\n \"name\": }").write();
    assertThatThrownBy(() -> open(dir).project())
        .hasMessageContaining("project.json: malformed JSON")
        .hasMessageContaining("line 2");
  }

  @Test
  void locatorFindsProjectsUnderARootByNameOrId() {
    TestMirror.in(tmp.resolve("one")).project("{\"id\":\"id-1\",\"name\":\"alpha\"}").write();
    TestMirror.in(tmp.resolve("two")).project("{\"id\":\"id-2\",\"name\":\"beta\"}").write();
    MirrorLocator locator = new MirrorLocator(conf);
    assertThat(locator.resolve(tmp.toString(), "beta").getName()).isEqualTo("two");
    assertThat(locator.resolve(tmp.toString(), "id-1").getName()).isEqualTo("one");
    assertThatThrownBy(() -> locator.resolve(tmp.toString(), null))
        .hasMessageContaining("mirror root with 2 projects")
        .hasMessageContaining("\"alpha\" (id-1)");
    assertThatThrownBy(() -> locator.resolve(tmp.toString(), "gamma"))
        .hasMessageContaining("no project named or with id \"gamma\"")
        .hasMessageContaining("\"beta\" (id-2)");
    assertThatThrownBy(() -> locator.resolve(tmp.resolve("one").toString(), "beta"))
        .hasMessageContaining("holds project \"alpha\"");
  }

  @Test
  void locatorExplainsAPathWithoutProjects() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    assertThatThrownBy(() -> new MirrorLocator(conf).resolve(tmp.resolve("empty").toString(), null))
        .hasMessageContaining("no project.json in");
    assertThatThrownBy(() -> new MirrorLocator(conf).resolve(tmp.resolve("nope").toString(), null))
        .hasMessageContaining("does not exist");
  }

  @Test
  void locatorListsTheProjectsOfEitherLayout() throws Exception {
    TestMirror.in(tmp.resolve("root/one")).project("{\"id\":\"id-1\",\"name\":\"alpha\"}").write();
    TestMirror.in(tmp.resolve("root/two")).project("{\"id\":\"id-2\",\"name\":\"beta\"}").write();
    Files.createDirectories(tmp.resolve("root/not-a-project"));
    MirrorLocator locator = new MirrorLocator(conf);
    assertThat(locator.projects(tmp.resolve("root").toString()))
        .extracting(MirrorLocator.MirrorEntry::name)
        .containsExactly("alpha", "beta");
    assertThat(locator.projects(tmp.resolve("root/two").toString()))
        .extracting(MirrorLocator.MirrorEntry::id, MirrorLocator.MirrorEntry::name)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("id-2", "beta"));
    assertThat(locator.isProjectMirror(tmp.resolve("root/two").toString())).isTrue();
    assertThat(locator.isProjectMirror(tmp.resolve("root").toString())).isFalse();
  }

  @Test
  void locatorSaysWhichLayoutsItAcceptsForAPathWithoutProjects() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    Files.writeString(tmp.resolve("file.txt"), "x");
    MirrorLocator locator = new MirrorLocator(conf);
    assertThatThrownBy(() -> locator.projects(tmp.resolve("empty").toString()))
        .isInstanceOf(ProjectSourceException.class)
        .hasMessageContaining("no project.json in ")
        .hasMessageContaining("nor in any of its sub-directories")
        .hasMessageContaining(MirrorLocator.EXPECTED);
    assertThatThrownBy(() -> locator.projects(tmp.resolve("file.txt").toString()))
        .hasMessageContaining("is a file, not a directory")
        .hasMessageContaining(MirrorLocator.EXPECTED);
    assertThatThrownBy(() -> locator.projects(tmp.resolve("nope").toString()))
        .hasMessageContaining("does not exist")
        .hasMessageContaining(MirrorLocator.EXPECTED);
    assertThat(MirrorLocator.EXPECTED)
        .contains("a project mirror (a directory holding project.json, ")
        .contains("or a mirror root (a directory holding one such project directory per project)");
  }

  @Test
  void fileStoreOpensResourceFilesAndNamesMissingOnes() throws Exception {
    java.nio.file.Path dir =
        TestMirror.in(tmp.resolve("p")).image("r1", "a.png", "CR", null).write();
    Files.write(dir.resolve("files/resources/r1"), new byte[] {1, 2, 3});
    var store = open(dir).fileStore();
    try (InputStream in = store.openResource("r1")) {
      assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
    }
    assertThatThrownBy(() -> store.openResource("r9"))
        .hasMessageContaining("resource r9 has no file")
        .hasMessageContaining("files/resources/r9");
  }

  @Test
  void anEmptyWorklistsFileIsAProjectWithoutWorklists() throws Exception {
    java.nio.file.Path dir =
        TestMirror.in(tmp.resolve("p")).image("r1", "a.png", "CR", null).write();
    Files.writeString(dir.resolve("worklists.json"), "");
    assertThat(open(dir).worklists()).isEmpty();
  }
}
