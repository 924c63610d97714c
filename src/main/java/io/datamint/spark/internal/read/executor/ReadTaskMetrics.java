package io.datamint.spark.internal.read.executor;

/**
 * The names of the task metrics the partition readers report. Public because the driver declares
 * the same metrics to Spark ({@code io.datamint.spark.internal.read.ReadMetrics}, whose classes
 * Spark re-creates by name in the UI) and has to use the names the readers report under. The API
 * traffic's metrics are {@code api.client.ApiMetrics}', shared with the prefetch.
 */
public final class ReadTaskMetrics {

  /** Resource files read. */
  public static final String FILES_READ = "filesRead";

  /** Bytes of resource files read. */
  public static final String BYTES_READ = "bytesRead";

  /** Rows kept with an {@code _error} (PERMISSIVE). */
  public static final String ERROR_ROWS = "errorRows";

  /** Rows dropped (DROPMALFORMED). */
  public static final String DROPPED_ROWS = "droppedRows";

  /** Frames decoded one at a time into rows (frame-by-frame reads of videos). */
  public static final String FRAMES_DECODED = "framesDecoded";

  /**
   * Frames decoded one at a time but not converted, because the pushed {@code frame_index}
   * predicates do not keep them.
   */
  public static final String FRAMES_SKIPPED = "framesSkipped";

  /** Nanoseconds spent decoding files (whole, or frame by frame). */
  public static final String DECODE_NANOS = "decodeNanos";

  /**
   * Nanoseconds the executor spent loading native libraries (FFmpeg's, once per executor JVM),
   * reported by the first task to report after the load.
   */
  public static final String NATIVE_LOAD_NANOS = "nativeLoadNanos";

  /** Bytes of the decoded pixel arrays (before slicing into rows). */
  public static final String DECODED_BYTES = "decodedBytes";

  /** Rows of image resources (and of resources of no known kind). */
  public static final String IMAGE_ROWS = "imageRows";

  /** Rows of volume resources (DICOM series, NIfTI, volumes): whole volumes or slices. */
  public static final String VOLUME_ROWS = "volumeRows";

  /** Rows of video resources: whole videos or frames. */
  public static final String VIDEO_ROWS = "videoRows";

  private ReadTaskMetrics() {}
}
