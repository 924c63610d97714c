package io.datamint.spark.internal.sample;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;

/**
 * Builds Resource JSON objects with every field the Datamint API returns (SDK reference section
 * 1.4), in the API's field order.
 */
final class ResourceJson {

  /**
   * What varies between sample resources.
   *
   * @param storage the storage class name, e.g. {@code NiftiResource}
   * @param patientId top-level {@code patient_id}, or null
   * @param uploader the {@code created_by} email
   * @param published whether the resource was published (else it is still in the inbox)
   * @param createdAt upload instant
   * @param dicomUids instance, series and study UIDs, or null
   */
  record Spec(
      String filename,
      String storage,
      String mimetype,
      String modality,
      String patientId,
      List<String> tags,
      String uploader,
      boolean published,
      Instant createdAt,
      String[] dicomUids) {}

  private ResourceJson() {}

  /**
   * The Resource JSON of {@code spec}, with id {@code id}, file size {@code size} and {@code
   * metadata}.
   */
  static ObjectNode build(SampleContext ctx, Spec spec, String id, long size, ObjectNode metadata) {
    ObjectNode r = SampleContext.object();
    r.put("id", id);
    r.put("resource_uri", "/resources/" + id + "/file");
    r.put("storage", spec.storage());
    r.put("location", "resources/" + ctx.customerId + "/" + id);
    r.put("upload_channel", spec.published() ? "Unknown" : "web");
    r.put("filename", spec.filename());
    r.put("modality", spec.modality());
    r.put("mimetype", spec.mimetype());
    r.put("size", size);
    r.put("upload_mechanism", spec.published() ? "api" : "web");
    r.put("customer_id", ctx.customerId);
    r.put("status", spec.published() ? "published" : "inbox");
    r.put("created_at", SampleTime.format(spec.createdAt()));
    r.put("created_by", spec.uploader());
    r.put("published", spec.published());
    if (spec.published()) {
      r.put("published_on", SampleTime.plusMinutes(spec.createdAt(), 90));
      r.put("published_by", spec.uploader());
    } else {
      r.putNull("published_on");
      r.putNull("published_by");
    }
    r.putNull("publish_transforms");
    r.put("deleted", false);
    r.putNull("deleted_at");
    r.putNull("deleted_by");
    r.set("metadata", metadata);
    String folder = spec.patientId() == null ? "unsorted" : spec.patientId();
    r.put("source_filepath", "/data/exports/" + folder + "/" + spec.filename());
    ArrayNode tags = r.putArray("tags");
    spec.tags().forEach(tags::add);
    String[] uids = spec.dicomUids();
    r.put("instance_uid", uids == null ? null : uids[0]);
    r.put("series_uid", uids == null ? null : uids[1]);
    r.put("study_uid", uids == null ? null : uids[2]);
    r.put("patient_id", spec.patientId());
    r.set("user_info", SampleContext.userInfo(spec.uploader()));
    ObjectNode project = r.putArray("projects").addObject();
    project.put("id", ctx.projectId).put("name", SampleContext.PROJECT_NAME);
    r.putArray("labels");
    return r;
  }
}
