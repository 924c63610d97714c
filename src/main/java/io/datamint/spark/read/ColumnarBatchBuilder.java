package io.datamint.spark.read;

import io.datamint.spark.decode.PixelArray;
import io.datamint.spark.tensor.TensorType;
import io.datamint.spark.tensor.TensorVectorWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.vector.FieldVector;
import org.apache.arrow.vector.VectorSchemaRoot;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.arrow.vector.types.pojo.Field;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.execution.arrow.ArrowWriter;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ArrowUtils;
import org.apache.spark.sql.vectorized.ColumnVector;
import org.apache.spark.sql.vectorized.ColumnarBatch;

/**
 * Builds the reader's Arrow batches in the read schema's column order: the tensor column straight from the decoded
 * arrays, the other columns through Spark's own Arrow writer. The vectors are reused from batch to batch; a batch
 * is valid until the next {@link #reset()}.
 */
final class ColumnarBatchBuilder implements AutoCloseable {

  private static final String TIME_ZONE = "UTC";

  private final VectorSchemaRoot root;
  private final ArrowWriter writer;
  private final StructVector tensorVector;
  private final TensorVectorWriter tensorWriter;
  private final ColumnVector[] columns;
  private int rows;

  /** The read schema without its tensor column: what {@link #add}'s plain row holds. */
  static StructType plainSchema(StructType readSchema) {
    List<StructField> plain = new ArrayList<>();
    for (StructField field : readSchema.fields()) {
      if (!TensorType.isTensor(field.dataType())) {
        plain.add(field);
      }
    }
    return new StructType(plain.toArray(new StructField[0]));
  }

  ColumnarBatchBuilder(StructType readSchema, BufferAllocator allocator) {
    StructField tensorField = null;
    for (StructField field : readSchema.fields()) {
      if (TensorType.isTensor(field.dataType())) {
        tensorField = field;
      }
    }
    StructType plainSchema = plainSchema(readSchema);
    this.root = VectorSchemaRoot.create(ArrowUtils.toArrowSchema(plainSchema, TIME_ZONE, true, false), allocator);
    this.writer = ArrowWriter.create(root);
    if (tensorField != null) {
      Field arrowField = ArrowUtils.toArrowSchema(new StructType(new StructField[] {tensorField}), TIME_ZONE, true,
          false).getFields().get(0);
      this.tensorVector = (StructVector) arrowField.createVector(allocator);
      this.tensorWriter = new TensorVectorWriter(tensorVector);
    } else {
      this.tensorVector = null;
      this.tensorWriter = null;
    }
    this.columns = new ColumnVector[readSchema.fields().length];
    int plainIndex = 0;
    List<FieldVector> plainVectors = root.getFieldVectors();
    for (int i = 0; i < columns.length; i++) {
      StructField field = readSchema.fields()[i];
      columns[i] = new ReusedArrowColumnVector(
          TensorType.isTensor(field.dataType()) ? tensorVector : plainVectors.get(plainIndex++));
    }
  }

  /** Appends one row: its plain columns, and its tensor (null when the row has none). */
  void add(InternalRow plainColumns, PixelArray tensor) {
    writer.write(plainColumns);
    if (tensorWriter != null) {
      tensorWriter.write(rows, tensor);
    }
    rows++;
  }

  int rows() {
    return rows;
  }

  long tensorBytes() {
    return tensorWriter == null ? 0 : tensorWriter.dataBytes();
  }

  /** The batch of the rows added since the last reset. */
  ColumnarBatch build() {
    writer.finish();
    if (tensorWriter != null) {
      tensorWriter.finish(rows);
    }
    return new ColumnarBatch(columns, rows);
  }

  /** Empties the vectors for the next batch. */
  void reset() {
    writer.reset();
    if (tensorWriter != null) {
      tensorWriter.reset();
    }
    rows = 0;
  }

  @Override
  public void close() {
    root.close();
    if (tensorVector != null) {
      tensorVector.close();
    }
  }
}
