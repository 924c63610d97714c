package io.datamint.spark.internal.source.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.hadoop.fs.Path;
import org.junit.jupiter.api.Test;

/** Ids become file names only when they cannot name a file outside {@code files/}. */
class MirrorLayoutTest {

  private final Path dir = new Path("file:/data/mirror");

  @Test
  void ordinaryIdsNameFilesInsideTheMirror() {
    assertThat(MirrorLayout.resourceFile(dir, "cd69c126-0a1b-4c2d-9e8f-001122334455"))
        .hasToString("file:/data/mirror/files/resources/cd69c126-0a1b-4c2d-9e8f-001122334455");
    assertThat(MirrorLayout.annotationFile(dir, "a-1"))
        .hasToString("file:/data/mirror/files/annotations/a-1");
  }

  @Test
  void idsThatCouldEscapeOrHideAreRefused() {
    for (String id :
        new String[] {"..", "../../home/u/.bashrc", "a/b", "a\\\\b", ".hidden", "", "c:x"}) {
      assertThatThrownBy(() -> MirrorLayout.resourceFile(dir, id))
          .as(id)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("cannot name a file in the mirror");
    }
    assertThatThrownBy(() -> MirrorLayout.annotationFile(dir, null))
        .hasMessageContaining("annotation id");
  }
}
