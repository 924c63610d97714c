package io.datamint.spark.read;

import io.datamint.spark.api.model.Annotation;
import io.datamint.spark.plan.PlannedResource;
import io.datamint.spark.schema.AnnotationStruct;
import io.datamint.spark.schema.Columns;
import io.datamint.spark.schema.ResourceAttribute;
import java.io.Serializable;
import java.util.List;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Builds the Spark row of a resource holding exactly the columns of the (pruned) read schema. Each column's
 * filler is chosen once per partition; only the requested columns are computed.
 */
final class RowAssembler implements Serializable {

  private static final long serialVersionUID = 1L;

  private final StructType readSchema;
  private transient Function<PlannedResource, Object>[] fillers;

  RowAssembler(StructType readSchema) {
    this.readSchema = readSchema;
  }

  /** The row of one resource. */
  InternalRow assemble(PlannedResource resource) {
    if (fillers == null) {
      fillers = fillers(readSchema);
    }
    Object[] values = new Object[fillers.length];
    for (int i = 0; i < fillers.length; i++) {
      values[i] = fillers[i].apply(resource);
    }
    return new GenericInternalRow(values);
  }

  @SuppressWarnings("unchecked")
  private static Function<PlannedResource, Object>[] fillers(StructType schema) {
    StructField[] fields = schema.fields();
    Function<PlannedResource, Object>[] out = new Function[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = filler(fields[i]);
    }
    return out;
  }

  private static Function<PlannedResource, Object> filler(StructField field) {
    ResourceAttribute attribute = ResourceAttribute.forColumn(field.name());
    if (attribute != null) {
      return r -> utf8(attribute.of(r));
    }
    switch (field.name()) {
      case Columns.SIZE:
        return PlannedResource::size;
      case Columns.NUM_FRAMES:
        return PlannedResource::numFrames;
      case Columns.TAGS:
        return r -> strings(r.tags());
      case Columns.ANNOTATIONS: {
        StructType element = (StructType) ((ArrayType) field.dataType()).elementType();
        Function<Annotation, InternalRow> converter = AnnotationStruct.converter(element);
        return r -> new GenericArrayData(r.annotations().stream().map(converter).toArray());
      }
      case Columns.ERROR:
        return r -> null;
      default:
        throw new IllegalArgumentException("the datamint reader cannot fill column " + field.name());
    }
  }

  private static UTF8String utf8(String s) {
    return s == null ? null : UTF8String.fromString(s);
  }

  private static GenericArrayData strings(List<String> values) {
    Object[] out = new Object[values.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = utf8(values.get(i));
    }
    return new GenericArrayData(out);
  }
}
