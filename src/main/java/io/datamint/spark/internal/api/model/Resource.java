package io.datamint.spark.internal.api.model;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.core.MetadataGeometry;
import java.util.List;
import java.util.Set;

/**
 * One resource of a project (an image, a volume or a video file), as {@code GET
 * /projects/{id}/resources} returns it. Derived values follow the SDK: {@link #kind()}, {@link
 * #frameCount()} ({@code get_depth()}) and {@link #patientId()} ({@code get_patient_id()}).
 */
public final class Resource {

  private final String id;
  private final String filename;
  private final String mimetype;
  private final String storage;
  private final String modality;
  private final String status;
  private final String createdAt;
  private final String deletedAt;
  private final Long size;
  private final List<String> tags;
  private final String patientId;
  private final ResourceKind kind;
  private final Integer frameCount;
  private final Integer width;
  private final Integer height;
  private final MetadataGeometry geometry;

  /**
   * The values of {@code storage} the reader knows (lower-cased); others are kept, with a warning.
   */
  private static final Set<String> KNOWN_STORAGE = ResourceKind.knownStorage();

  private Resource(JsonFields f) {
    this.id = f.requiredText("id", "resource");
    this.filename = f.text("filename");
    // a few distinct values over a whole project: one copy each (a million resources kept ~300 MB
    // of equal strings on the driver)
    this.mimetype = shared(f.text("mimetype"));
    String storageText = f.text("storage");
    if (storageText != null) {
      f.enumValue(storageText, "storage", KNOWN_STORAGE);
    }
    this.storage = shared(storageText);
    this.modality = shared(f.text("modality"));
    this.status = shared(f.text("status"));
    this.createdAt = f.timestamp("created_at");
    this.deletedAt = f.timestamp("deleted_at");
    this.size = f.byteCount("size");
    this.tags = sharedAll(f.strings("tags"));
    JsonNode metadata = f.object("metadata");
    String topLevelPatient = f.textOrWhole("patient_id");
    this.patientId = topLevelPatient != null ? topLevelPatient : Json.text(metadata, "PatientID");
    this.kind = ResourceKind.detect(storage, mimetype, filename);
    this.frameCount = frameCount(kind, metadata);
    this.width = dimension(metadata, "width", "Columns");
    this.height = dimension(metadata, "height", "Rows");
    this.geometry = VolumeMetadata.of(kind, metadata, frameCount, width, height);
  }

  /** {@code value}'s canonical copy (values of few distinct strings: mimetypes, tags...). */
  private static String shared(String value) {
    return value == null ? null : value.intern();
  }

  private static List<String> sharedAll(List<String> values) {
    if (values == null || values.isEmpty()) {
      return values;
    }
    List<String> out = new java.util.ArrayList<>(values.size());
    for (String v : values) {
      out.add(shared(v));
    }
    return java.util.Collections.unmodifiableList(out);
  }

  /**
   * Parses a resource JSON object, its problems of non-essential fields not reported (see {@link
   * #fromJson(JsonNode, MetadataIssues)}).
   */
  public static Resource fromJson(JsonNode json) {
    return fromJson(json, MetadataIssues.ofListing("a resource"));
  }

  /**
   * Parses a resource JSON object, type-checking its fields ({@link JsonFields}): {@code id} is
   * essential; a wrong {@code size}, {@code tags}, {@code created_at}, {@code patient_id}... is
   * counted in {@code issues} and read as absent.
   *
   * @throws IllegalArgumentException when it is not an object or its {@code id} is missing or not a
   *     string
   */
  public static Resource fromJson(JsonNode json, MetadataIssues issues) {
    if (json == null || !json.isObject()) {
      throw new IllegalArgumentException("a resource must be a JSON object");
    }
    return new Resource(new JsonFields(json, issues));
  }

  /**
   * The SDK's {@code get_depth()}: 1 for images; {@code metadata.frame_count} for volumes; for
   * videos that or the first video stream's {@code nb_frames}. Null where the SDK would raise
   * (unknown, or not in metadata).
   */
  private static Integer frameCount(ResourceKind kind, JsonNode metadata) {
    switch (kind) {
      case IMAGE:
        return 1;
      case DICOM:
      case NIFTI:
      case VOLUME:
        return toInt(Json.integer(metadata, "frame_count"));
      case VIDEO:
        Long frames = Json.integer(metadata, "frame_count");
        if (frames == null && metadata != null && metadata.path("streams").isArray()) {
          for (JsonNode stream : metadata.get("streams")) {
            if ("video".equals(Json.text(stream, "codec_type"))) {
              frames = Json.integer(stream, "nb_frames");
              break;
            }
          }
        }
        return toInt(frames);
      default:
        return null;
    }
  }

  /**
   * A pixel dimension from the metadata: {@code field}, else the DICOM keyword {@code keyword},
   * else the first video stream's {@code field}; null when none is a positive whole number.
   */
  private static Integer dimension(JsonNode metadata, String field, String keyword) {
    if (metadata == null) {
      return null;
    }
    Long value = Json.integer(metadata, field);
    if (value == null) {
      value = Json.integer(metadata, keyword);
    }
    if (value == null && metadata.path("streams").isArray()) {
      for (JsonNode stream : metadata.get("streams")) {
        if ("video".equals(Json.text(stream, "codec_type"))) {
          value = Json.integer(stream, field);
          break;
        }
      }
    }
    return value == null || value < 1 ? null : toInt(value);
  }

  private static Integer toInt(Long value) {
    return value == null || value < 0 || value > Integer.MAX_VALUE ? null : value.intValue();
  }

  public String id() {
    return id;
  }

  public String filename() {
    return filename;
  }

  public String mimetype() {
    return mimetype;
  }

  public String storage() {
    return storage;
  }

  public String modality() {
    return modality;
  }

  public String status() {
    return status;
  }

  public String createdAt() {
    return createdAt;
  }

  public String deletedAt() {
    return deletedAt;
  }

  /** The file size in bytes, as the API reports it; null when unknown. */
  public Long size() {
    return size;
  }

  /** The tags; an absent or null {@code tags} field is an empty list, as in the SDK. */
  public List<String> tags() {
    return tags;
  }

  /** Top-level {@code patient_id}, else {@code metadata.PatientID}, else null. */
  public String patientId() {
    return patientId;
  }

  public ResourceKind kind() {
    return kind;
  }

  /** Slices of a volume, frames of a video, 1 for an image; null when the metadata does not say. */
  public Integer frameCount() {
    return frameCount;
  }

  /** Pixel columns from the metadata ({@code width}, DICOM {@code Columns}); null if not there. */
  public Integer width() {
    return width;
  }

  /** Pixel rows from the metadata ({@code height}, DICOM {@code Rows}); null if not there. */
  public Integer height() {
    return height;
  }

  /**
   * The volume geometry the metadata of a DICOM or NIfTI resource states (its lengths and, when
   * given, its orientation; {@link VolumeMetadata} lists the keys); null for other kinds or when
   * the metadata states none.
   */
  public MetadataGeometry geometry() {
    return geometry;
  }

  @Override
  public String toString() {
    return "Resource[" + id + ", " + filename + ", " + kind.label() + "]";
  }
}
