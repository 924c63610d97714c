package io.datamint.spark.internal.sample;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;

/**
 * Builds one Annotation JSON object (SDK reference section 1.4), either with the API's short keys
 * ({@code type}, {@code name}, {@code added_by}, {@code index}, {@code value}) or with the SDK's
 * long ones ({@code annotation_type}, {@code identifier}, {@code created_by}, {@code frame_index},
 * {@code text_value}), and with or without an explicit {@code scope} (readers infer it from the
 * frame index).
 */
final class AnnotationJson {

  private final String type;
  private final String identifier;
  private final SampleResource resource;
  private String author;
  private String model;
  private String modelId;
  private Integer frameIndex;
  private String value;
  private ObjectNode geometry;
  private String units;
  private boolean shortKeys;
  private boolean scopeOmitted;
  private String status = "published";
  private String source = "manual";
  private String importedFrom;
  private String importAuthor;
  private String worklistId;
  private String worklistName;
  private String fileExtension;

  private AnnotationJson(String type, String identifier, SampleResource resource) {
    this.type = type;
    this.identifier = identifier;
    this.resource = resource;
  }

  /** An annotation of {@code type} named {@code identifier} on {@code resource}. */
  static AnnotationJson of(String type, String identifier, SampleResource resource) {
    return new AnnotationJson(type, identifier, resource);
  }

  /** Made by the user {@code email}. */
  AnnotationJson by(String email) {
    this.author = email;
    return this;
  }

  /**
   * Made by a model: {@code created_by} null, {@code is_model} true, source {@code model_pipeline},
   * status new.
   */
  AnnotationJson byModel(String modelName, String id) {
    this.model = modelName;
    this.modelId = id;
    this.source = "model_pipeline";
    this.status = "new";
    return this;
  }

  /** On one frame (slice) of a multi-frame resource. */
  AnnotationJson frame(int index) {
    this.frameIndex = index;
    return this;
  }

  /** The text value (category value). */
  AnnotationJson value(String text) {
    this.value = text;
    return this;
  }

  /** Geometry (e.g. line end points) and its units. */
  AnnotationJson geometry(ObjectNode points, String unit) {
    this.geometry = points;
    this.units = unit;
    return this;
  }

  /** Written with the API's short keys. */
  AnnotationJson shortKeys() {
    this.shortKeys = true;
    return this;
  }

  /** Written without {@code scope}. */
  AnnotationJson noScope() {
    this.scopeOmitted = true;
    return this;
  }

  /** Status {@code new} (not yet published). */
  AnnotationJson unpublished() {
    this.status = "new";
    return this;
  }

  /** Imported from another system rather than drawn in Datamint. */
  AnnotationJson imported(String from, String by) {
    this.source = "imported";
    this.importedFrom = from;
    this.importAuthor = by;
    return this;
  }

  /** Made in the given worklist. */
  AnnotationJson worklist(String id, String name) {
    this.worklistId = id;
    this.worklistName = name;
    return this;
  }

  /**
   * A segmentation whose mask file has the given extension ({@code png}, {@code nii}, {@code
   * nii.gz}).
   */
  AnnotationJson maskFile(String extension) {
    this.fileExtension = extension;
    return this;
  }

  boolean hasMask() {
    return fileExtension != null;
  }

  /** The JSON object, with id {@code id}, created at {@code createdAt}. */
  ObjectNode build(SampleContext ctx, String id, Instant createdAt) {
    ObjectNode a = SampleContext.object();
    a.put("id", id);
    a.put("resource_id", resource.id());
    a.put(shortKeys ? "type" : "annotation_type", type);
    a.put(shortKeys ? "name" : "identifier", identifier);
    if (!scopeOmitted) {
      a.put("scope", frameIndex == null ? "image" : "frame");
    }
    if (!shortKeys || frameIndex != null) {
      a.put(shortKeys ? "index" : "frame_index", frameIndex);
    }
    a.put(shortKeys ? "value" : "text_value", value);
    a.putNull("numeric_value");
    a.put("units", units);
    if (geometry == null) {
      a.putNull("geometry");
    } else {
      a.set("geometry", geometry);
    }
    a.put("created_at", SampleTime.format(createdAt));
    a.put(shortKeys ? "added_by" : "created_by", author);
    a.put("created_by_model", model);
    a.put("is_model", model != null);
    a.put("model_id", modelId);
    a.put("annotation_worklist_id", worklistId);
    a.put("annotation_worklist_name", worklistName);
    a.put("status", status);
    a.put("source", source);
    a.put("imported_from", importedFrom);
    a.put("import_author", importAuthor);
    boolean approved = "published".equals(status);
    a.put("approved_at", approved ? SampleTime.plusMinutes(createdAt, 120) : null);
    a.put(
        "approved_by",
        approved
            ? (SampleContext.BOB.equals(author) ? SampleContext.ALICE : SampleContext.BOB)
            : null);
    if (fileExtension != null) {
      a.put(
          "associated_file",
          "annotations/" + ctx.customerId + "/" + resource.id() + "/" + id + "." + fileExtension);
      a.put("file", "/annotations/" + resource.id() + "/annotations/" + id + "/file");
    }
    a.put("deleted", false);
    a.putNull("deleted_at");
    a.putNull("deleted_by");
    a.put("resource_filename", resource.filename());
    a.put("resource_modality", resource.modality());
    if (author != null) {
      a.set("user_info", SampleContext.userInfo(author));
    } else {
      a.putNull("user_info");
    }
    return a;
  }
}
