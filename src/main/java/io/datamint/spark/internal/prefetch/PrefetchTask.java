package io.datamint.spark.internal.prefetch;

import io.datamint.spark.prefetch.PrefetchFileResult;
import java.io.Serializable;

/**
 * One file to mirror, planned on the driver and carried to an executor inside a partition.
 *
 * @param kind a resource's file or a segmentation mask
 * @param resourceId the resource (for a mask, the resource it annotates)
 * @param annotationId the mask's annotation; null for a resource file
 * @param expectedSize the resource's {@code size}, which the download must match; null for masks
 *     (checked against their {@code Content-Length}) and for resources that do not say
 * @param version the SDK's version of the file, recorded beside it to skip it next time
 */
record PrefetchTask(
    PrefetchFileResult.Kind kind,
    String resourceId,
    String annotationId,
    Long expectedSize,
    SdkVersion version)
    implements Serializable {

  private static final long serialVersionUID = 1L;

  /**
   * What a file of unknown size weighs when partitions are balanced: its request costs time too.
   */
  static final long PER_FILE_WEIGHT = 256L << 10;

  /** The id the file is named by: the annotation's for a mask, else the resource's. */
  String fileId() {
    return kind == PrefetchFileResult.Kind.RESOURCE ? resourceId : annotationId;
  }

  /** The weight used to balance partitions: the expected bytes plus a per-request share. */
  long weight() {
    return (expectedSize == null ? 0 : Math.max(0, expectedSize)) + PER_FILE_WEIGHT;
  }
}
