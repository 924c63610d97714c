package io.datamint.spark.internal.tensor;

import static org.assertj.core.api.Assertions.assertThat;

import io.datamint.spark.internal.core.DType;
import io.datamint.spark.internal.core.DecodeLimits;
import io.datamint.spark.internal.core.PixelArray;
import org.apache.arrow.memory.BufferAllocator;
import org.apache.arrow.memory.RootAllocator;
import org.apache.arrow.vector.complex.StructVector;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.sql.util.ArrowUtils;
import org.apache.spark.sql.vectorized.ArrowColumnVector;
import org.apache.spark.sql.vectorized.ColumnarRow;
import org.junit.jupiter.api.Test;

class TensorVectorWriterTest {

  @Test
  void writesDtypeShapeAndLittleEndianBytesAndNulls() throws Exception {
    PixelArray a = PixelArray.allocate(DecodeLimits.defaults(), DType.INT16, 1, 2, 3);
    for (int i = 0; i < 6; i++) {
      a.data().putShort(i * 2, (short) (i - 2));
    }
    StructField field =
        new StructField(
            "image", TensorType.SPARK_TYPE, true, org.apache.spark.sql.types.Metadata.empty());
    try (BufferAllocator allocator = new RootAllocator();
        StructVector vector =
            (StructVector)
                ArrowUtils.toArrowSchema(
                        new StructType(new StructField[] {field}), "UTC", true, false)
                    .getFields()
                    .get(0)
                    .createVector(allocator)) {
      TensorVectorWriter writer = new TensorVectorWriter(vector);
      for (int batch = 0; batch < 2; batch++) { // the second batch reuses the vectors
        writer.reset();
        writer.write(0, a);
        writer.write(1, null);
        writer.write(2, a.reshape(6));
        writer.finish(3);
        assertThat(writer.dataBytes()).isEqualTo(24);
        ArrowColumnVector column = new ArrowColumnVector(vector);
        ColumnarRow first = column.getStruct(0);
        assertThat(first.getUTF8String(0).toString()).isEqualTo("int16");
        assertThat(first.getArray(1).toIntArray()).containsExactly(1, 2, 3);
        assertThat(first.getBinary(2)).containsExactly(-2, -1, -1, -1, 0, 0, 1, 0, 2, 0, 3, 0);
        assertThat(column.isNullAt(1)).isTrue();
        assertThat(column.getStruct(2).getArray(1).toIntArray()).containsExactly(6);
      }
    }
  }
}
