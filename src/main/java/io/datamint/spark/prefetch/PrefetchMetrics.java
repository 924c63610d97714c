package io.datamint.spark.prefetch;

import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomSumMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The prefetch job's Spark UI metrics (SQL tab, on the scan node): files downloaded, skipped and failed, and the
 * bytes downloaded, summed over tasks and updated while the tasks run. Spark re-creates metric objects by class
 * name, so each is a public class with a no-argument constructor.
 */
public final class PrefetchMetrics {

  static final String FILES_DOWNLOADED = "filesDownloaded";
  static final String FILES_SKIPPED = "filesSkipped";
  static final String FILES_FAILED = "filesFailed";
  static final String BYTES_DOWNLOADED = "bytesDownloaded";

  private PrefetchMetrics() {}

  static CustomMetric[] supported() {
    return new CustomMetric[] {new FilesDownloaded(), new FilesSkipped(), new FilesFailed(), new BytesDownloaded()};
  }

  static CustomTaskMetric value(String name, long value) {
    return new CustomTaskMetric() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public long value() {
        return value;
      }
    };
  }

  /** Files downloaded and put in place. */
  public static final class FilesDownloaded extends CustomSumMetric {
    @Override
    public String name() {
      return FILES_DOWNLOADED;
    }

    @Override
    public String description() {
      return "files downloaded";
    }
  }

  /** Files already in the mirror at the same version. */
  public static final class FilesSkipped extends CustomSumMetric {
    @Override
    public String name() {
      return FILES_SKIPPED;
    }

    @Override
    public String description() {
      return "files skipped (unchanged)";
    }
  }

  /** Files that could not be mirrored. */
  public static final class FilesFailed extends CustomSumMetric {
    @Override
    public String name() {
      return FILES_FAILED;
    }

    @Override
    public String description() {
      return "files failed";
    }
  }

  /** Bytes of the files downloaded. */
  public static final class BytesDownloaded extends CustomSumMetric {
    @Override
    public String name() {
      return BYTES_DOWNLOADED;
    }

    @Override
    public String description() {
      return "bytes downloaded";
    }
  }
}
