package io.datamint.spark.internal.read;

import io.datamint.spark.internal.read.executor.ReadTaskMetrics;
import io.datamint.spark.internal.util.SumMetric;
import org.apache.spark.sql.connector.metric.CustomMetric;

/**
 * The scan's Spark UI metrics: files read and their bytes, rows with an {@code _error}, rows
 * dropped. Spark re-creates metric objects by class name in the UI, so each is a public class with
 * a no-argument constructor. The executors' readers report the task values under the names of
 * {@link ReadTaskMetrics}; the driver sums them.
 */
public final class ReadMetrics {

  static final String FILES_READ = ReadTaskMetrics.FILES_READ;
  static final String BYTES_READ = ReadTaskMetrics.BYTES_READ;
  static final String ERROR_ROWS = ReadTaskMetrics.ERROR_ROWS;
  static final String DROPPED_ROWS = ReadTaskMetrics.DROPPED_ROWS;
  static final String FRAMES_DECODED = ReadTaskMetrics.FRAMES_DECODED;
  static final String FRAMES_SKIPPED = ReadTaskMetrics.FRAMES_SKIPPED;

  private ReadMetrics() {}

  static CustomMetric[] supported() {
    return new CustomMetric[] {
      new FilesRead(),
      new BytesRead(),
      new ErrorRows(),
      new DroppedRows(),
      new FramesDecoded(),
      new FramesSkipped()
    };
  }

  /** Resource files read. */
  public static final class FilesRead extends SumMetric {
    public FilesRead() {
      super(FILES_READ, "resource files read");
    }
  }

  /** Bytes of resource files read. */
  public static final class BytesRead extends SumMetric {
    public BytesRead() {
      super(BYTES_READ, "resource file bytes read");
    }
  }

  /** Rows kept with an {@code _error} (PERMISSIVE). */
  public static final class ErrorRows extends SumMetric {
    public ErrorRows() {
      super(ERROR_ROWS, "rows that could not be decoded");
    }
  }

  /** Rows dropped (DROPMALFORMED). */
  public static final class DroppedRows extends SumMetric {
    public DroppedRows() {
      super(DROPPED_ROWS, "rows dropped (DROPMALFORMED)");
    }
  }

  /** Frames decoded one at a time into rows. */
  public static final class FramesDecoded extends SumMetric {
    public FramesDecoded() {
      super(FRAMES_DECODED, "video frames decoded into rows");
    }
  }

  /**
   * Frames passed over by the pushed frame_index predicates: video frames decoded without
   * conversion (those decoded after seeking to a key frame too); DICOM frames skipped one by one
   * (not decoded; a jump over several counts none).
   */
  public static final class FramesSkipped extends SumMetric {
    public FramesSkipped() {
      super(FRAMES_SKIPPED, "frames skipped by frame_index predicates");
    }
  }
}
