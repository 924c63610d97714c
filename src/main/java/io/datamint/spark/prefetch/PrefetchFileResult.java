package io.datamint.spark.prefetch;

import java.util.Locale;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What the prefetch did with one file.
 *
 * @param kind a resource's file or a segmentation annotation's mask file
 * @param resourceId the resource (for a mask, the resource it annotates)
 * @param annotationId the annotation of a mask file; null for a resource file
 * @param path the file's path inside the mirror, such as {@code files/resources/<id>}
 * @param status downloaded, skipped (already there, same version) or failed
 * @param bytes the file's size when downloaded or skipped; the bytes received before the failure
 *     when failed
 * @param error why it failed (the request, the status and the server's reason); null otherwise
 * @param millis the time spent on the file, checks included
 */
public record PrefetchFileResult(
    Kind kind,
    String resourceId,
    String annotationId,
    String path,
    Status status,
    long bytes,
    String error,
    long millis) {

  /** Which kind of file. */
  public enum Kind {
    /** A resource's file ({@code files/resources/<resource_id>}). */
    RESOURCE,
    /** A segmentation annotation's mask file ({@code files/annotations/<annotation_id>}). */
    ANNOTATION;

    /** The lowercase name used in result rows. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The kind whose {@link #value()} is {@code value} (any case). */
    public static Kind parse(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /** What happened to the file. */
  public enum Status {
    /** Downloaded, checked and renamed into place, with its version record. */
    DOWNLOADED,
    /** Already in the mirror with the same SDK version and length; not downloaded again. */
    SKIPPED,
    /** Not in the mirror; {@code error} says why. */
    FAILED;

    /** The lowercase name used in result rows. */
    public String value() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The status whose {@link #value()} is {@code value} (any case). */
    public static Status parse(String value) {
      return valueOf(value.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * The columns of a result as a row ({@link PrefetchReport#toDataFrame}): {@code kind} and {@code
   * status} as their {@code value()}s, {@code resource_id}, {@code annotation_id} (null for a
   * resource file), {@code path}, {@code bytes}, {@code error} (null unless failed), {@code
   * millis}.
   */
  public static StructType schema() {
    return new StructType(
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
  }

  /** "resource 1234" or "mask 5678 of resource 1234", for messages. */
  public String describe() {
    return kind == Kind.RESOURCE
        ? "resource " + resourceId
        : "mask of annotation " + annotationId + " (resource " + resourceId + ")";
  }
}
