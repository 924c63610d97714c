package io.datamint.spark.internal.tensor;

import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * The tensor layout: {@code dtype} is a NumPy dtype name, {@code shape} the dimensions outermost
 * first, {@code data} the values in C order, little-endian, exactly {@code prod(shape) * itemsize}
 * bytes, so that {@code np.frombuffer(t.data, t.dtype).reshape(t.shape)} is the array without a
 * copy.
 */
public final class TensorType {

  /** Field names. */
  public static final String DTYPE = "dtype";

  public static final String SHAPE = "shape";
  public static final String DATA = "data";

  /**
   * The Spark type of a tensor column. A tensor always has all three fields, but they are declared
   * nullable: where the struct itself is null (a row with an {@code _error}, a resource without
   * masks), Spark's Arrow conversion writes nulls into the children too, and Arrow readers
   * (PyArrow's cast in PySpark's {@code toArrow()}) refuse nulls in a non-nullable child.
   */
  public static final StructType SPARK_TYPE =
      new StructType()
          .add(DTYPE, DataTypes.StringType, true)
          .add(SHAPE, new ArrayType(DataTypes.IntegerType, false), true)
          .add(DATA, DataTypes.BinaryType, true);

  private TensorType() {}

  /**
   * True when {@code type} is the tensor struct or a pruned form of it (a non-empty subset of its
   * fields, as nested column pruning hands it to the scan).
   */
  public static boolean isTensor(DataType type) {
    if (!(type instanceof StructType struct) || struct.fields().length == 0) {
      return false;
    }
    for (org.apache.spark.sql.types.StructField field : struct.fields()) {
      int index = SPARK_TYPE.getFieldIndex(field.name()).getOrElse(() -> -1);
      if (index < 0 || !SPARK_TYPE.fields()[index].dataType().equals(field.dataType())) {
        return false;
      }
    }
    return true;
  }
}
