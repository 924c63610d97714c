package io.datamint.spark.internal.prefetch;

import io.datamint.spark.internal.api.client.ApiMetrics;
import io.datamint.spark.internal.util.SumMetric;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * The prefetch job's Spark UI metrics (SQL tab, on the scan node): files downloaded, skipped and
 * failed, and the bytes downloaded, summed over tasks, and the API traffic ({@link ApiMetrics}:
 * requests, retries, 429s, backoff). Spark collects a reader's values every 100 rows (files) and
 * when it ends; {@link PrefetchProgress} follows the files and bytes while tasks run. Spark
 * re-creates metric objects by class name, so each is a public class with a no-argument
 * constructor.
 */
public final class PrefetchMetrics {

  static final String FILES_DOWNLOADED = "filesDownloaded";
  static final String FILES_SKIPPED = "filesSkipped";
  static final String FILES_FAILED = "filesFailed";
  static final String BYTES_DOWNLOADED = "bytesDownloaded";

  private PrefetchMetrics() {}

  static CustomMetric[] supported() {
    List<CustomMetric> all =
        new ArrayList<>(
            List.of(
                new FilesDownloaded(),
                new FilesSkipped(),
                new FilesFailed(),
                new BytesDownloaded()));
    all.addAll(List.of(ApiMetrics.supported()));
    return all.toArray(new CustomMetric[0]);
  }

  static CustomTaskMetric value(String name, long value) {
    return SumMetric.value(name, value);
  }

  /** Files downloaded and put in place. */
  public static final class FilesDownloaded extends SumMetric {
    public FilesDownloaded() {
      super(FILES_DOWNLOADED, "files downloaded");
    }
  }

  /** Files already in the mirror at the same version. */
  public static final class FilesSkipped extends SumMetric {
    public FilesSkipped() {
      super(FILES_SKIPPED, "files skipped (unchanged)");
    }
  }

  /** Files that could not be mirrored. */
  public static final class FilesFailed extends SumMetric {
    public FilesFailed() {
      super(FILES_FAILED, "files failed");
    }
  }

  /** Bytes of the files downloaded. */
  public static final class BytesDownloaded extends SumMetric {
    public BytesDownloaded() {
      super(BYTES_DOWNLOADED, "bytes downloaded");
    }
  }
}
