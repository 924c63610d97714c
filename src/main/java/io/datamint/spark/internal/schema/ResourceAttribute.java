package io.datamint.spark.internal.schema;

import io.datamint.spark.internal.plan.PlannedResource;
import java.util.function.Function;

/**
 * The resource's scalar string columns. Each knows how to read itself from a planned resource, so
 * that row assembly and predicate pushdown share one definition.
 */
public enum ResourceAttribute {
  RESOURCE_ID("resource_id", PlannedResource::resourceId, false),
  FILENAME("filename", PlannedResource::filename, true),
  MIMETYPE("mimetype", PlannedResource::mimetype, true),
  MODALITY("modality", PlannedResource::modality, true),
  PATIENT_ID("patient_id", PlannedResource::patientId, true),
  STORAGE("storage", PlannedResource::storage, true),
  RESOURCE_KIND("resource_kind", r -> r.kind().label(), false),
  STATUS("status", PlannedResource::status, true),
  CREATED_AT("created_at", PlannedResource::createdAt, true),
  SPLIT("split", r -> r.split().split(), true),
  SPLIT_SOURCE("split_source", r -> r.split().source(), true),
  SPLIT_AS_OF_TIMESTAMP("split_as_of_timestamp", r -> r.split().asOfTimestamp(), true);

  private final String column;
  private final Function<PlannedResource, String> getter;
  private final boolean nullable;

  ResourceAttribute(String column, Function<PlannedResource, String> getter, boolean nullable) {
    this.column = column;
    this.getter = getter;
    this.nullable = nullable;
  }

  /** The column name. */
  public String column() {
    return column;
  }

  /** Whether the column may be null. */
  public boolean nullable() {
    return nullable;
  }

  /** The value of this attribute for a resource. */
  public String of(PlannedResource resource) {
    return getter.apply(resource);
  }

  /** The attribute of a column name, or null. */
  public static ResourceAttribute forColumn(String column) {
    for (ResourceAttribute attribute : values()) {
      if (attribute.column.equals(column)) {
        return attribute;
      }
    }
    return null;
  }
}
