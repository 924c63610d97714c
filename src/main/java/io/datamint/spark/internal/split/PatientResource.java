package io.datamint.spark.internal.split;

import io.datamint.spark.internal.api.model.Resource;
import java.util.Objects;

/**
 * What a patient-wise split needs of a resource: its id and its patient id (null when it has none).
 *
 * @param resourceId the resource id, never null
 * @param patientId the SDK's {@code get_patient_id()}, or null
 */
public record PatientResource(String resourceId, String patientId) {

  /** Checks the resource id. */
  public PatientResource {
    Objects.requireNonNull(resourceId, "resourceId");
  }

  /** The id and {@link Resource#patientId()} of a resource. */
  public static PatientResource of(Resource resource) {
    return new PatientResource(resource.id(), resource.patientId());
  }
}
