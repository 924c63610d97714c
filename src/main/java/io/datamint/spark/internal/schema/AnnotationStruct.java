package io.datamint.spark.internal.schema;

import io.datamint.spark.internal.api.model.Annotation;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/**
 * The element struct of the {@code annotations} column: its fields (the SDK's annotation
 * attributes) and how an {@link Annotation} fills them. Supports any subset of the fields, so
 * nested column pruning works.
 */
public final class AnnotationStruct {

  private record Field(DataType type, boolean nullable, Function<Annotation, Object> value) {}

  private static final Map<String, Field> FIELDS = new LinkedHashMap<>();

  static {
    string("id", false, Annotation::id);
    string("identifier", true, Annotation::identifier);
    string("scope", true, Annotation::scope);
    string("annotation_type", true, Annotation::annotationType);
    FIELDS.put("frame_index", new Field(DataTypes.IntegerType, true, Annotation::frameIndex));
    string("created_by", true, Annotation::createdBy);
    string("created_by_model", true, Annotation::createdByModel);
    string("status", true, Annotation::status);
    string("text_value", true, Annotation::textValue);
    FIELDS.put("numeric_value", new Field(DataTypes.DoubleType, true, Annotation::numericValue));
    string("units", true, Annotation::units);
    string("source", true, Annotation::source);
    string("created_at", true, Annotation::createdAt);
    string("annotation_worklist_id", true, Annotation::annotationWorklistId);
    FIELDS.put("is_model", new Field(DataTypes.BooleanType, true, Annotation::isModel));
    string("model_id", true, Annotation::modelId);
    string("imported_from", true, Annotation::importedFrom);
    string("geometry", true, Annotation::geometryJson);
    string("file", true, Annotation::file);
  }

  /** The full struct type. */
  public static final StructType TYPE = fullType();

  private AnnotationStruct() {}

  private static void string(String name, boolean nullable, Function<Annotation, String> getter) {
    FIELDS.put(
        name,
        new Field(
            DataTypes.StringType,
            nullable,
            a -> {
              String s = getter.apply(a);
              return s == null ? null : UTF8String.fromString(s);
            }));
  }

  private static StructType fullType() {
    StructType type = new StructType();
    for (Map.Entry<String, Field> e : FIELDS.entrySet()) {
      type = type.add(e.getKey(), e.getValue().type(), e.getValue().nullable());
    }
    return type;
  }

  /**
   * Converts annotations to Spark rows holding exactly the fields of {@code requested}, in its
   * order.
   */
  public static Function<Annotation, InternalRow> converter(StructType requested) {
    StructField[] fields = requested.fields();
    @SuppressWarnings("unchecked")
    Function<Annotation, Object>[] getters = new Function[fields.length];
    for (int i = 0; i < fields.length; i++) {
      Field field = FIELDS.get(fields[i].name());
      if (field == null) {
        throw new IllegalArgumentException("no annotation field named " + fields[i].name());
      }
      getters[i] = field.value();
    }
    return annotation -> {
      Object[] values = new Object[getters.length];
      for (int i = 0; i < getters.length; i++) {
        values[i] = getters[i].apply(annotation);
      }
      return new GenericInternalRow(values);
    };
  }
}
