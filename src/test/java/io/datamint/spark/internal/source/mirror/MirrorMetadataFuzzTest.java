package io.datamint.spark.internal.source.mirror;

import io.datamint.spark.error.SourceException;
import io.datamint.spark.testing.BoundedFuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.function.Consumer;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;

/**
 * Fuzzes the parsing of a mirror's metadata files (docs/fuzzing.md): each input is written as one
 * file of a mirror and read by {@link MirrorProjectSource} as a read does. The property: the file
 * parses, or the read fails with the connector's {@link SourceException} whose message names the
 * file (and, for a JSON-lines file, the line). Seeds and kept crash inputs are under {@code
 * src/test/resources/io/datamint/spark/internal/source/mirror/MirrorMetadataFuzzTestInputs/}.
 */
class MirrorMetadataFuzzTest {

  private static final java.nio.file.Path MIRROR = emptyMirror();
  private static final MirrorProjectSource SOURCE =
      MirrorProjectSource.open(new Path(MIRROR.toUri()), new Configuration());

  /** A {@code resources.jsonl}. */
  @BoundedFuzzTest
  void resources(byte[] file) {
    read(MirrorLayout.RESOURCES, file, MirrorProjectSource::resources);
  }

  /** An {@code annotations.jsonl}. */
  @BoundedFuzzTest
  void annotations(byte[] file) {
    read(MirrorLayout.ANNOTATIONS, file, source -> source.annotations(java.util.List.of()));
  }

  /** A {@code worklists.json}. */
  @BoundedFuzzTest
  void worklists(byte[] file) {
    read(MirrorLayout.WORKLISTS, file, MirrorProjectSource::worklists);
  }

  /** A {@code splits.jsonl}: the history, and the assignments as of now computed from it. */
  @BoundedFuzzTest
  void splits(byte[] file) {
    read(MirrorLayout.SPLITS, file, source -> source.splitAssignments(null));
  }

  /** A {@code project.json}. */
  @BoundedFuzzTest
  void project(byte[] file) {
    read(MirrorLayout.PROJECT, file, MirrorProjectSource::project);
  }

  /**
   * Writes {@code content} as the mirror's {@code name} and reads it with {@code read}; the other
   * metadata files stay empty.
   *
   * @throws AssertionError when the read fails without naming the file (or the line)
   */
  private static void read(String name, byte[] content, Consumer<MirrorProjectSource> read) {
    java.nio.file.Path file = MIRROR.resolve(name);
    try {
      Files.write(file, content);
      read.accept(SOURCE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (SourceException e) {
      String message = e.getMessage();
      if (message == null || !message.contains(name)) {
        throw new AssertionError("the failure does not name the file " + name, e);
      }
      if (name.endsWith(".jsonl") && !message.matches("(?s).* lines? \\d.*")) {
        throw new AssertionError("the failure does not name the line of " + name, e);
      }
    } finally {
      try {
        Files.write(file, new byte[0]);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static java.nio.file.Path emptyMirror() {
    try {
      java.nio.file.Path dir = Files.createTempDirectory("datamint-fuzz-mirror");
      for (String name : MirrorLayout.REQUIRED) {
        Files.createDirectories(dir.resolve(name).getParent());
        Files.write(dir.resolve(name), new byte[0]);
      }
      Files.write(dir.resolve(MirrorLayout.PROJECT), "{\"id\":\"p\",\"name\":\"p\"}".getBytes());
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
