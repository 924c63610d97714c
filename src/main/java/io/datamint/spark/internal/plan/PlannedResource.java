package io.datamint.spark.internal.plan;

import io.datamint.spark.internal.api.model.Annotation;
import io.datamint.spark.internal.api.model.Resource;
import io.datamint.spark.internal.api.model.ResourceKind;
import io.datamint.spark.internal.core.MetadataGeometry;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Everything an executor needs to produce the rows of one resource: its metadata, its annotations
 * after filtering, and its kind. Built on the driver; immutable and serializable. {@code geometry}
 * is the volume geometry the metadata states (null when none), from which slice reads count their
 * rows without opening the file.
 */
public record PlannedResource(
    String resourceId,
    String filename,
    String mimetype,
    String modality,
    String patientId,
    String storage,
    ResourceKind kind,
    String status,
    String createdAt,
    Long size,
    List<String> tags,
    Integer numFrames,
    MetadataGeometry geometry,
    List<Annotation> annotations,
    SplitMembership split)
    implements Serializable {

  /** Plans one resource with the annotations its row carries and its split. */
  public static PlannedResource of(
      Resource resource, List<Annotation> annotations, SplitMembership split) {
    return new PlannedResource(
        resource.id(),
        resource.filename(),
        resource.mimetype(),
        resource.modality(),
        resource.patientId(),
        resource.storage(),
        resource.kind(),
        resource.status(),
        resource.createdAt(),
        resource.size(),
        Collections.unmodifiableList(new ArrayList<>(resource.tags())),
        resource.frameCount(),
        resource.geometry(),
        List.copyOf(annotations),
        split);
  }
}
