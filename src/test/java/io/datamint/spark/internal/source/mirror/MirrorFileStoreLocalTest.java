package io.datamint.spark.internal.source.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.error.DecodeException;
import io.datamint.spark.internal.source.ResourceFileStore;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.ChecksumException;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A mirror's files on the local file system, read through {@link LocalFiles}. */
class MirrorFileStoreLocalTest {

  @TempDir java.nio.file.Path tmp;

  private java.nio.file.Path resources;

  @BeforeEach
  void layout() throws IOException {
    resources = Files.createDirectories(tmp.resolve(MirrorLayout.RESOURCE_FILES));
    Files.createDirectories(tmp.resolve(MirrorLayout.ANNOTATION_FILES));
  }

  private static MirrorFileStore store(String projectDir) throws IOException {
    Configuration conf = new Configuration();
    Path dir = new Path(projectDir);
    return MirrorFileStore.of(dir, dir.getFileSystem(conf), conf);
  }

  private static byte[] bytes(ResourceFileStore.FileBytes file) {
    return Arrays.copyOf(file.bytes(), file.length());
  }

  @Test
  void readsAFileByPathAndByFileUri() throws Exception {
    byte[] content = new byte[70_000];
    for (int i = 0; i < content.length; i++) {
      content[i] = (byte) (i * 31);
    }
    Files.write(resources.resolve("r1"), content);
    for (String dir : new String[] {tmp.toString(), tmp.toUri().toString()}) {
      ResourceFileStore.FileBytes file = store(dir).readResource("r1", 1 << 20);
      assertThat(bytes(file)).as(dir).isEqualTo(content);
      assertThat(file.bytes())
          .as("an array of the file's length and the probe byte")
          .hasSize(70_001);
      try (InputStream in = store(dir).openResource("r1")) {
        assertThat(in.readAllBytes()).isEqualTo(content);
      }
    }
  }

  @Test
  void readsAnEmptyFile() throws Exception {
    Files.write(resources.resolve("empty"), new byte[0]);
    ResourceFileStore.FileBytes file = store(tmp.toString()).readResource("empty", 1 << 20);
    assertThat(file.length()).isZero();
  }

  @Test
  void boundsTheFileAtMaxBytes() throws Exception {
    Files.write(resources.resolve("r1"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
    MirrorFileStore store = store(tmp.toString());
    assertThat(bytes(store.readResource("r1", 10))).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    assertThatThrownBy(() -> store.readResource("r1", 9))
        .isInstanceOf(DecodeException.class)
        .hasMessage("the resource file is larger than 9 bytes");
  }

  @Test
  void namesAMissingFileAsHadoopsPathDid() throws IOException {
    MirrorFileStore store = store(tmp.toString());
    String expected =
        "the resource r9 has no file in the mirror: "
            + new Path(new Path(tmp.toString()), "files/resources/r9")
            + " is missing";
    assertThatThrownBy(() -> store.readResource("r9", 100))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> store.openResource("r9"))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage(expected);
    assertThatThrownBy(() -> store.openAnnotation("r1", "a9"))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessage(
            "the mask of annotation a9 has no file in the mirror: "
                + new Path(new Path(tmp.toString()), "files/annotations/a9")
                + " is missing");
  }

  @Test
  void aDirectoryIsNoFile() throws Exception {
    Files.createDirectories(resources.resolve("d"));
    MirrorFileStore store = store(tmp.toString());
    assertThatThrownBy(() -> store.readResource("d", 100))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("the resource d has no file in the mirror: ");
    assertThatThrownBy(() -> store.openResource("d"))
        .isInstanceOf(FileNotFoundException.class)
        .hasMessageContaining("the resource d has no file in the mirror: ");
  }

  @Test
  void refusesAnIdThatNamesAnotherFile() throws IOException {
    assertThatThrownBy(() -> store(tmp.toString()).readResource("..", 100))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the resource id \"..\" cannot name a file in the mirror");
    assertThatThrownBy(() -> store(tmp.toString()).openAnnotation("r1", "a/b"))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("the annotation id \"a/b\" cannot name a file in the mirror");
  }

  @Test
  void opensAnAnnotationMask() throws Exception {
    Files.write(tmp.resolve("files/annotations/a1"), new byte[] {7, 8});
    try (InputStream in = store(tmp.toString()).openAnnotation("r1", "a1")) {
      assertThat(in.readAllBytes()).containsExactly(7, 8);
    }
  }

  @Test
  void aLocalStoreTravelsWithoutTheHadoopConfiguration() throws Exception {
    Files.write(resources.resolve("r1"), new byte[] {4, 5});
    byte[] serialized;
    try (java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
      out.writeObject(store(tmp.toString()));
      out.flush();
      serialized = bytes.toByteArray();
    }
    assertThat(serialized.length).as("no configuration inside").isLessThan(2000);
    try (java.io.ObjectInputStream in =
        new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(serialized))) {
      ResourceFileStore copy = (ResourceFileStore) in.readObject();
      assertThat(bytes(copy.readResource("r1", 100))).containsExactly(4, 5);
      assertThatThrownBy(() -> copy.readResource("r2", 100))
          .isInstanceOf(FileNotFoundException.class)
          .hasMessageContaining("the resource r2 has no file in the mirror: ");
    }
  }

  @Test
  void aFileWithAHadoopChecksumIsVerifiedAsBefore() throws Exception {
    Path file = new Path(resources.resolve("r1").toUri());
    FileSystem local = FileSystem.getLocal(new Configuration());
    try (OutputStream out = local.create(file)) {
      out.write(new byte[] {1, 2, 3, 4});
    }
    assertThat(resources.resolve(".r1.crc")).exists();
    MirrorFileStore store = store(tmp.toString());
    assertThat(bytes(store.readResource("r1", 100))).containsExactly(1, 2, 3, 4);
    Files.write(resources.resolve("r1"), new byte[] {1, 2, 3, 5});
    assertThatThrownBy(() -> store.readResource("r1", 100)).isInstanceOf(ChecksumException.class);
  }
}
