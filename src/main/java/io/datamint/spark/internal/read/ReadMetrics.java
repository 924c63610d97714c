package io.datamint.spark.internal.read;

import io.datamint.spark.internal.api.client.ApiMetrics;
import io.datamint.spark.internal.read.executor.ReadTaskMetrics;
import io.datamint.spark.internal.util.SumMetric;
import io.datamint.spark.internal.util.TimeMetric;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The scan's Spark UI metrics: files read and their bytes, rows with an {@code _error}, rows
 * dropped, decode time and decoded bytes, native library load time, rows per resource kind, the API
 * traffic ({@link ApiMetrics}), and the driver's planning (resources, partitions, planning time,
 * metadata time and requests). Spark re-creates metric objects by class name in the UI, so each is
 * a public class with a no-argument constructor. The executors' readers report the task values
 * under the names of {@link ReadTaskMetrics}; the driver sums them.
 */
public final class ReadMetrics {

  static final String FILES_READ = ReadTaskMetrics.FILES_READ;
  static final String BYTES_READ = ReadTaskMetrics.BYTES_READ;
  static final String ERROR_ROWS = ReadTaskMetrics.ERROR_ROWS;
  static final String DROPPED_ROWS = ReadTaskMetrics.DROPPED_ROWS;
  static final String FRAMES_DECODED = ReadTaskMetrics.FRAMES_DECODED;
  static final String FRAMES_SKIPPED = ReadTaskMetrics.FRAMES_SKIPPED;
  static final String DECODE_NANOS = ReadTaskMetrics.DECODE_NANOS;
  static final String NATIVE_LOAD_NANOS = ReadTaskMetrics.NATIVE_LOAD_NANOS;
  static final String DECODED_BYTES = ReadTaskMetrics.DECODED_BYTES;
  static final String IMAGE_ROWS = ReadTaskMetrics.IMAGE_ROWS;
  static final String VOLUME_ROWS = ReadTaskMetrics.VOLUME_ROWS;
  static final String VIDEO_ROWS = ReadTaskMetrics.VIDEO_ROWS;

  /** Driver metrics: resources planned, partitions, planning and metadata time and requests. */
  static final String RESOURCES_PLANNED = "resourcesPlanned";

  static final String PARTITIONS_PLANNED = "partitionsPlanned";
  static final String PLANNING_NANOS = "planningNanos";
  static final String METADATA_NANOS = "metadataNanos";
  static final String METADATA_REQUESTS = "metadataRequests";

  private ReadMetrics() {}

  static CustomMetric[] supported() {
    List<CustomMetric> all =
        new ArrayList<>(
            List.of(
                new FilesRead(),
                new BytesRead(),
                new ErrorRows(),
                new DroppedRows(),
                new FramesDecoded(),
                new FramesSkipped(),
                new DecodeTime(),
                new NativeLoadTime(),
                new DecodedBytes(),
                new ImageRows(),
                new VolumeRows(),
                new VideoRows(),
                new ResourcesPlanned(),
                new PartitionsPlanned(),
                new PlanningTime(),
                new MetadataTime(),
                new MetadataRequests()));
    all.addAll(List.of(ApiMetrics.supported()));
    return all.toArray(new CustomMetric[0]);
  }

  /** The driver's values, reported once the scan is planned. */
  static CustomTaskMetric[] driverValues(
      long resources, long partitions, long planningNanos, long metadataNanos, long requests) {
    return new CustomTaskMetric[] {
      SumMetric.value(RESOURCES_PLANNED, resources),
      SumMetric.value(PARTITIONS_PLANNED, partitions),
      SumMetric.value(PLANNING_NANOS, planningNanos),
      SumMetric.value(METADATA_NANOS, metadataNanos),
      SumMetric.value(METADATA_REQUESTS, requests)
    };
  }

  /** Time in the decoders. */
  public static final class DecodeTime extends TimeMetric {
    public DecodeTime() {
      super(DECODE_NANOS, "decode time");
    }
  }

  /** Time loading native libraries (once per executor JVM). */
  public static final class NativeLoadTime extends TimeMetric {
    public NativeLoadTime() {
      super(NATIVE_LOAD_NANOS, "native library load time");
    }
  }

  /** Bytes of decoded pixel arrays. */
  public static final class DecodedBytes extends SumMetric {
    public DecodedBytes() {
      super(DECODED_BYTES, "decoded (tensor) bytes");
    }
  }

  /** Rows of image resources. */
  public static final class ImageRows extends SumMetric {
    public ImageRows() {
      super(IMAGE_ROWS, "rows of images");
    }
  }

  /** Rows of volumes or their slices. */
  public static final class VolumeRows extends SumMetric {
    public VolumeRows() {
      super(VOLUME_ROWS, "rows of volumes (or slices)");
    }
  }

  /** Rows of videos or their frames. */
  public static final class VideoRows extends SumMetric {
    public VideoRows() {
      super(VIDEO_ROWS, "rows of videos (or frames)");
    }
  }

  /** Resources the scan planned to read (driver). */
  public static final class ResourcesPlanned extends SumMetric {
    public ResourcesPlanned() {
      super(RESOURCES_PLANNED, "resources planned (driver)");
    }
  }

  /** Partitions planned (driver). */
  public static final class PartitionsPlanned extends SumMetric {
    public PartitionsPlanned() {
      super(PARTITIONS_PLANNED, "partitions planned (driver)");
    }
  }

  /** Time planning partitions (driver). */
  public static final class PlanningTime extends TimeMetric {
    public PlanningTime() {
      super(PLANNING_NANOS, "planning time (driver)");
    }
  }

  /** Time reading the project's metadata (driver, when the table was loaded). */
  public static final class MetadataTime extends TimeMetric {
    public MetadataTime() {
      super(METADATA_NANOS, "metadata read time (driver)");
    }
  }

  /** API requests for the project's metadata (driver). */
  public static final class MetadataRequests extends SumMetric {
    public MetadataRequests() {
      super(METADATA_REQUESTS, "metadata API requests (driver)");
    }
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
