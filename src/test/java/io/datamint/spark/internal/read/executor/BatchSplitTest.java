package io.datamint.spark.internal.read.executor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.datamint.spark.internal.config.ReadMode;
import io.datamint.spark.internal.sample.PngWriter;
import io.datamint.spark.testing.TestMirror;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.vectorized.ColumnarBatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Arrow's 32-bit offsets at a small scale: with the most a batch column holds lowered to 250 bytes,
 * batches close before a row would overflow a column, and a tensor larger than a column can hold is
 * its row's error (or dropped, or the task's failure, by mode), never a dead task.
 */
class BatchSplitTest {

  @TempDir Path tmp;

  /** Images and their sides: uint8 gray, so a tensor of side s is s * s bytes. */
  private static final String[] IDS = {"a", "b", "c", "d", "e"};

  private static final int[] SIDES = {10, 10, 20, 10, 10};

  private static final long LIMIT = 250;

  private Path project() throws IOException {
    TestMirror m = TestMirror.in(tmp.resolve("p"));
    for (String id : IDS) {
      m.image(id, id + ".png", "CR", null);
    }
    Path dir = m.write();
    for (int i = 0; i < IDS.length; i++) {
      int s = SIDES[i];
      Files.write(dir.resolve("files/resources/" + IDS[i]), PngWriter.gray8(s, s, new byte[s * s]));
    }
    return dir;
  }

  /** One batch's rows: resource id, image data bytes (-1 for a null image), _error. */
  private record Line(String id, int bytes, String error) {}

  private List<List<Line>> batches(Path dir, ReadMode mode) {
    OnePartitionScan scan = OnePartitionScan.of(dir, mode);
    StructType schema = scan.factory().readSchema();
    int id = schema.fieldIndex("resource_id");
    int image = schema.fieldIndex("image");
    int error = schema.fieldIndex("_error");
    List<List<Line>> out = new ArrayList<>();
    try (ResourceBatchReader reader =
        scan.readerWith(scan.factory().settings().withBatchBounds(1L << 30, LIMIT))) {
      while (reader.next()) {
        ColumnarBatch batch = reader.get();
        List<Line> lines = new ArrayList<>();
        Iterator<InternalRow> rows = batch.rowIterator();
        while (rows.hasNext()) {
          InternalRow row = rows.next();
          lines.add(
              new Line(
                  row.getUTF8String(id).toString(),
                  row.isNullAt(image) ? -1 : row.getStruct(image, 3).getBinary(2).length,
                  row.isNullAt(error) ? null : row.getUTF8String(error).toString()));
        }
        out.add(lines);
      }
    }
    return out;
  }

  @Test
  void batchesCloseBeforeAColumnWouldOverflow() throws IOException {
    List<List<Line>> batches = batches(project(), ReadMode.PERMISSIVE);
    assertThat(batches).hasSize(2);
    assertThat(batches.get(0)).extracting(Line::id).containsExactly("a", "b", "c");
    assertThat(batches.get(1)).extracting(Line::id).containsExactly("d", "e");
    for (List<Line> batch : batches) {
      assertThat(batch.stream().mapToLong(l -> Math.max(0, l.bytes())).sum())
          .isLessThanOrEqualTo(LIMIT);
    }
    assertThat(batches.get(0).get(0)).isEqualTo(new Line("a", 100, null));
    assertThat(batches.get(1).get(0)).isEqualTo(new Line("d", 100, null));
  }

  @Test
  void aTensorNoBatchCanHoldIsItsRowsError() throws IOException {
    Line c = batches(project(), ReadMode.PERMISSIVE).get(0).get(2);
    assertThat(c.bytes()).isEqualTo(-1);
    assertThat(c.error())
        .contains("the image tensor of shape [1, 20, 20] (uint8) is 400 bytes")
        .contains("more than the 250 bytes one Arrow batch column can hold");
  }

  @Test
  void aTensorNoBatchCanHoldIsDroppedOrFailsByMode() throws IOException {
    Path dir = project();
    assertThat(batches(dir, ReadMode.DROPMALFORMED).stream().flatMap(List::stream))
        .extracting(Line::id)
        .containsExactly("a", "b", "d", "e");
    assertThatThrownBy(() -> batches(dir, ReadMode.FAILFAST))
        .hasMessageContaining("resource c (c.png) could not be decoded")
        .hasMessageContaining("is 400 bytes, more than the 250 bytes");
  }
}
