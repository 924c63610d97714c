package io.datamint.spark.internal.prefetch;

import io.datamint.spark.prefetch.PrefetchFileResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/** The result rows of the prefetch job, one per file: the columns of {@link PrefetchFileResult}. */
final class PrefetchRows {

  /** {@code kind, resource_id, annotation_id, path, status, bytes, error, millis}. */
  static final StructType SCHEMA =
      new StructType(
          new StructField[] {
            DataTypes.createStructField("kind", DataTypes.StringType, false),
            DataTypes.createStructField("resource_id", DataTypes.StringType, false),
            DataTypes.createStructField("annotation_id", DataTypes.StringType, true),
            DataTypes.createStructField("path", DataTypes.StringType, false),
            DataTypes.createStructField("status", DataTypes.StringType, false),
            DataTypes.createStructField("bytes", DataTypes.LongType, false),
            DataTypes.createStructField("error", DataTypes.StringType, true),
            DataTypes.createStructField("millis", DataTypes.LongType, false)
          });

  private PrefetchRows() {}

  static InternalRow internal(PrefetchFileResult r) {
    return new GenericInternalRow(
        new Object[] {
          UTF8String.fromString(r.kind().value()),
          UTF8String.fromString(r.resourceId()),
          r.annotationId() == null ? null : UTF8String.fromString(r.annotationId()),
          UTF8String.fromString(r.path()),
          UTF8String.fromString(r.status().value()),
          r.bytes(),
          r.error() == null ? null : UTF8String.fromString(r.error()),
          r.millis()
        });
  }

  static Row row(PrefetchFileResult r) {
    return RowFactory.create(
        r.kind().value(),
        r.resourceId(),
        r.annotationId(),
        r.path(),
        r.status().value(),
        r.bytes(),
        r.error(),
        r.millis());
  }

  static PrefetchFileResult result(Row row) {
    return new PrefetchFileResult(
        PrefetchFileResult.Kind.parse(row.getString(0)),
        row.getString(1),
        row.getString(2),
        row.getString(3),
        PrefetchFileResult.Status.parse(row.getString(4)),
        row.getLong(5),
        row.getString(6),
        row.getLong(7));
  }

  static List<Row> rows(List<PrefetchFileResult> results) {
    List<Row> out = new ArrayList<>(results.size());
    results.forEach(r -> out.add(row(r)));
    return out;
  }
}
