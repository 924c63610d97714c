package io.datamint.spark.internal.read.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.sample.PngWriter;
import io.datamint.spark.internal.source.ResourceFileStore;
import io.datamint.spark.testing.Bytes;
import io.datamint.spark.testing.SharedSpark;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The error model on real reads: a corrupt mask file is bad data (the row's {@code _error}, a
 * dropped row, or a FAILFAST failure naming the resource), while a bug in the connector's own code
 * fails the task in every mode.
 */
class ErrorModelReadTest {

  private static final int W = 8;
  private static final int H = 6;

  @TempDir Path tmp;

  /**
   * A project of two PNG images with one mask each: "good" intact, "corrupt" with a damaged PNG
   * mask.
   */
  private Path project() throws IOException {
    TestMirror m =
        TestMirror.in(tmp.resolve("p"))
            .worklists(
                "[{\"id\":\"w\",\"name\":\"W\",\"annotations\":[],\"segmentation_group\":{\"groups\":"
                    + "{\"lung\":{\"index\":1}}}}]");
    for (String id : new String[] {"good", "corrupt"}) {
      m.image(id, id + ".png", "CR", null);
      m.annotationLine(
          "{\"id\":\"m-"
              + id
              + "\",\"resource_id\":\""
              + id
              + "\",\"type\":\"segmentation\","
              + "\"name\":\"lung\",\"added_by\":\"alice\"}");
    }
    Path dir = m.write();
    boolean[] lung = new boolean[W * H];
    Arrays.fill(lung, 10, 30, true);
    byte[] mask = PngWriter.mask(W, H, lung);
    for (String id : new String[] {"good", "corrupt"}) {
      Files.write(dir.resolve("files/resources/" + id), PngWriter.gray8(W, H, new byte[W * H]));
    }
    Files.write(dir.resolve("files/annotations/m-good"), mask);
    Files.write(dir.resolve("files/annotations/m-corrupt"), corruptPng(mask));
    return dir;
  }

  /** The PNG with its signature and header intact and the compressed image data overwritten. */
  private static byte[] corruptPng(byte[] png) {
    byte[] out = png.clone();
    int idat = Bytes.indexOf(out, "IDAT".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    assertThat(idat).as("IDAT chunk").isPositive();
    for (int i = idat + 4; i < Math.min(out.length - 12, idat + 24); i++) {
      out[i] = (byte) 0xA5;
    }
    return out;
  }

  private static List<Row> read(Path dir, String mode) {
    return SharedSpark.session()
        .read()
        .format("datamint")
        .option("mode", mode)
        .load(dir.toString())
        .select("resource_id", "segmentations", "_error")
        .collectAsList();
  }

  @Test
  void corruptMaskFileIsTheRowsErrorInPermissive() throws IOException {
    Map<String, Row> rows = new HashMap<>();
    for (Row row : read(project(), "PERMISSIVE")) {
      rows.put(row.getString(0), row);
    }
    assertThat(rows).containsOnlyKeys("good", "corrupt");
    assertThat(rows.get("good").isNullAt(2)).as("good row's _error").isTrue();
    assertThat(rows.get("good").isNullAt(1)).as("good row's masks").isFalse();
    assertThat(rows.get("corrupt").getString(2)).contains("m-corrupt").doesNotContain("bug in the");
    assertThat(rows.get("corrupt").isNullAt(1)).isTrue();
  }

  @Test
  void corruptMaskFileIsDroppedOrFailsNamingTheResource() throws IOException {
    Path dir = project();
    assertThat(read(dir, "DROPMALFORMED")).extracting(r -> r.getString(0)).containsExactly("good");
    assertThatThrownBy(() -> read(dir, "FAILFAST"))
        .hasMessageContaining("resource corrupt (corrupt.png) could not be decoded")
        .hasMessageContaining("m-corrupt");
  }

  /** Which file access of the store throws an exception of the connector's own making. */
  enum Injected {
    RESOURCE_FILE,
    MASK_FILE
  }

  @ParameterizedTest
  @EnumSource(Injected.class)
  void anInjectedBugFailsTheTaskInEveryMode(Injected where) throws IOException {
    Path dir = project();
    for (ReadMode mode : ReadMode.values()) {
      OnePartitionScan scan = OnePartitionScan.of(dir, mode);
      try (ResourceBatchReader reader =
          scan.readerWith(new BuggyStore(scan.factory().files(), where))) {
        assertThatThrownBy(reader::next)
            .as(mode + ", " + where)
            .isInstanceOf(IllegalStateException.class)
            .hasMessageContaining("bug in the datamint connector")
            .hasMessageContaining("resource good (good.png)")
            .hasRootCauseMessage("injected bug in " + where);
      }
    }
  }

  /**
   * A store whose resource or mask opening fails as a bug of ours would: with an unchecked
   * exception.
   */
  private static final class BuggyStore implements ResourceFileStore {
    private static final long serialVersionUID = 1L;
    private final ResourceFileStore real;
    private final Injected where;

    BuggyStore(ResourceFileStore real, Injected where) {
      this.real = real;
      this.where = where;
    }

    @Override
    public InputStream openResource(String resourceId) throws IOException {
      if (where == Injected.RESOURCE_FILE) {
        throw new IllegalStateException("injected bug in " + where);
      }
      return real.openResource(resourceId);
    }

    @Override
    public InputStream openAnnotation(String resourceId, String annotationId) throws IOException {
      if (where == Injected.MASK_FILE) {
        throw new NullPointerException("injected bug in " + where);
      }
      return real.openAnnotation(resourceId, annotationId);
    }

    @Override
    public String describe() {
      return "a store with a bug";
    }
  }
}
