package io.datamint.spark.internal.read.executor;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.plan.PlannedResource;
import io.datamint.spark.internal.schema.AnnotationStruct;
import io.datamint.spark.internal.schema.Columns;
import io.datamint.spark.internal.schema.ResourceAttribute;
import java.io.Serializable;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * Builds the Spark row of a resource's non-tensor columns, exactly those of the (pruned) schema it
 * is given. Each column's filler is chosen once per partition; only the requested columns are
 * computed. Tensor columns are written straight into Arrow by {@link
 * io.datamint.spark.internal.tensor.TensorVectorWriter}.
 */
final class RowAssembler implements Serializable {

  private static final long serialVersionUID = 1L;

  private final StructType readSchema;
  private transient BiFunction<PlannedResource, DecodeOutcome, Object>[] fillers;

  RowAssembler(StructType readSchema) {
    this.readSchema = readSchema;
  }

  /** The row of one resource, with what decoding its file gave. */
  InternalRow assemble(PlannedResource resource, DecodeOutcome outcome) {
    if (fillers == null) {
      fillers = fillers(readSchema);
    }
    Object[] values = new Object[fillers.length];
    for (int i = 0; i < fillers.length; i++) {
      values[i] = fillers[i].apply(resource, outcome);
    }
    return new GenericInternalRow(values);
  }

  @SuppressWarnings("unchecked")
  private static BiFunction<PlannedResource, DecodeOutcome, Object>[] fillers(StructType schema) {
    StructField[] fields = schema.fields();
    BiFunction<PlannedResource, DecodeOutcome, Object>[] out = new BiFunction[fields.length];
    for (int i = 0; i < fields.length; i++) {
      out[i] = filler(fields[i]);
    }
    return out;
  }

  private static BiFunction<PlannedResource, DecodeOutcome, Object> filler(StructField field) {
    ResourceAttribute attribute = ResourceAttribute.forColumn(field.name());
    if (attribute != null) {
      return (r, o) -> utf8(attribute.of(r));
    }
    switch (field.name()) {
      case Columns.SIZE:
        return (r, o) -> r.size();
      case Columns.NUM_FRAMES:
        return (r, o) -> r.numFrames();
      case Columns.TAGS:
        return (r, o) -> strings(r.tags());
      case Columns.METAINFO:
        return (r, o) -> utf8(o.metainfo());
      case Columns.AFFINE:
        return (r, o) -> o.affine() == null ? null : new GenericArrayData(o.affine());
      case Columns.ANNOTATIONS:
        {
          StructType element = (StructType) ((ArrayType) field.dataType()).elementType();
          Function<Annotation, InternalRow> converter = AnnotationStruct.converter(element);
          return (r, o) -> new GenericArrayData(r.annotations().stream().map(converter).toArray());
        }
      case Columns.ERROR:
        return (r, o) -> utf8(o.error());
      case Columns.SEGMENTATIONS:
      case Columns.SEG_LABELS:
      case Columns.IMAGE_LABELS:
      case Columns.IMAGE_CATEGORIES:
      case Columns.FRAME_LABELS:
      case Columns.BOXES:
      case Columns.BOX_LABELS:
      case Columns.BOX_FRAMES:
      case Columns.SLICE_INDEX:
      case Columns.SLICE_AXIS:
      case Columns.FRAME_INDEX:
        return (r, o) -> o.target(field.name());
      default:
        throw new IllegalArgumentException(
            "the datamint reader cannot fill column " + field.name());
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
