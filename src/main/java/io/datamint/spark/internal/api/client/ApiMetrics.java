package io.datamint.spark.internal.api.client;

import io.datamint.spark.internal.util.SumMetric;
import io.datamint.spark.internal.util.TimeMetric;
import org.apache.spark.sql.connector.metric.CustomMetric;
import org.apache.spark.sql.connector.metric.CustomTaskMetric;

/**
 * A task's {@link ApiCallStats} as Spark UI metrics (SQL tab, on the scan node), shared by the read
 * and the prefetch: files fetched through the API, requests, retries, 429 and 5xx answers, backoff
 * and request-slot wait times. Spark re-creates metric objects by class name, so each is a public
 * class with a no-argument constructor.
 */
public final class ApiMetrics {

  public static final String FILES = "apiFiles";
  public static final String REQUESTS = "apiRequests";
  public static final String RETRIES = "apiRetries";
  public static final String THROTTLED = "api429";
  public static final String SERVER_ERRORS = "api5xx";
  public static final String BACKOFF_NANOS = "apiBackoffNanos";
  public static final String SLOT_WAIT_NANOS = "apiSlotWaitNanos";

  private ApiMetrics() {}

  /** The metrics, to declare in a scan's {@code supportedCustomMetrics}. */
  public static CustomMetric[] supported() {
    return new CustomMetric[] {
      new Files(),
      new Requests(),
      new Retries(),
      new Throttled(),
      new ServerErrors(),
      new BackoffTime(),
      new SlotWaitTime()
    };
  }

  /** A task's values, for its reader's {@code currentMetricsValues}. */
  public static CustomTaskMetric[] values(ApiCallStats stats) {
    return new CustomTaskMetric[] {
      SumMetric.value(FILES, stats.filesFetched()),
      SumMetric.value(REQUESTS, stats.requests()),
      SumMetric.value(RETRIES, stats.retries()),
      SumMetric.value(THROTTLED, stats.throttled()),
      SumMetric.value(SERVER_ERRORS, stats.serverErrors()),
      SumMetric.value(BACKOFF_NANOS, stats.backoffNanos()),
      SumMetric.value(SLOT_WAIT_NANOS, stats.slotWaitNanos())
    };
  }

  /** Files fetched through the API. */
  public static final class Files extends SumMetric {
    public Files() {
      super(FILES, "files fetched through the API");
    }
  }

  /** Requests sent, retries included. */
  public static final class Requests extends SumMetric {
    public Requests() {
      super(REQUESTS, "API requests");
    }
  }

  /** Requests retried. */
  public static final class Retries extends SumMetric {
    public Retries() {
      super(RETRIES, "API retries");
    }
  }

  /** 429 answers. */
  public static final class Throttled extends SumMetric {
    public Throttled() {
      super(THROTTLED, "API 429 answers (throttled)");
    }
  }

  /** 5xx answers. */
  public static final class ServerErrors extends SumMetric {
    public ServerErrors() {
      super(SERVER_ERRORS, "API 5xx answers");
    }
  }

  /** Time waited between attempts. */
  public static final class BackoffTime extends TimeMetric {
    public BackoffTime() {
      super(BACKOFF_NANOS, "API backoff time");
    }
  }

  /** Time waited for a request slot. */
  public static final class SlotWaitTime extends TimeMetric {
    public SlotWaitTime() {
      super(SLOT_WAIT_NANOS, "API request slot wait time");
    }
  }
}
