package io.datamint.spark.internal.prefetch;

import io.datamint.spark.prefetch.PrefetchFileResult;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;

/** The result rows of the prefetch job, one per file: the columns of {@link PrefetchFileResult}. */
final class PrefetchRows {

  /** {@code kind, resource_id, annotation_id, path, status, bytes, error, millis}. */
  static final StructType SCHEMA = PrefetchFileResult.schema();

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
}
