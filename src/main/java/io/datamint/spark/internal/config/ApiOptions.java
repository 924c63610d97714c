package io.datamint.spark.internal.config;

import io.datamint.spark.internal.api.client.ApiSettings;
import java.io.Serializable;
import java.time.Duration;
import java.util.Map;

/**
 * How to reach the Datamint REST API: {@code server_url} and {@code api_key} (or {@code
 * DATAMINT_API_URL} / {@code DATAMINT_API_KEY}), the timeouts, the attempts per request and the
 * bound on requests in flight per JVM (driver or executor). {@link #toString()} never shows the
 * key.
 */
public final class ApiOptions implements Serializable {

  private static final long serialVersionUID = 1L;

  /** {@link OptionSpecs#API_MAX_CONCURRENT_REQUESTS}. */
  public static final String API_MAX_CONCURRENT_REQUESTS =
      OptionSpecs.API_MAX_CONCURRENT_REQUESTS.name();

  private final String serverUrl;
  private final String apiKey;
  private final Duration connectTimeout;
  private final Duration timeout;
  private final int maxAttempts;
  private final int maxConcurrentRequests;
  private final boolean maxConcurrentRequestsGiven;

  private ApiOptions(
      String serverUrl,
      String apiKey,
      Duration connectTimeout,
      Duration timeout,
      int maxAttempts,
      int maxConcurrentRequests,
      boolean maxConcurrentRequestsGiven) {
    this.serverUrl = serverUrl;
    this.apiKey = apiKey;
    this.connectTimeout = connectTimeout;
    this.timeout = timeout;
    this.maxAttempts = maxAttempts;
    this.maxConcurrentRequests = maxConcurrentRequests;
    this.maxConcurrentRequestsGiven = maxConcurrentRequestsGiven;
  }

  static ApiOptions parse(Map<String, String> o, String serverUrl, String apiKey) {
    ApiOptions options =
        new ApiOptions(
            serverUrl,
            apiKey,
            OptionSpecs.API_CONNECT_TIMEOUT.get(o),
            OptionSpecs.API_TIMEOUT.get(o),
            OptionSpecs.API_MAX_ATTEMPTS.get(o),
            OptionSpecs.API_MAX_CONCURRENT_REQUESTS.get(o),
            OptionSpecs.API_MAX_CONCURRENT_REQUESTS.isGiven(o));
    if (serverUrl != null) {
      try {
        options.settings();
      } catch (IllegalArgumentException e) {
        throw new InvalidOptionException(
            "invalid value for option \""
                + OptionSpecs.SERVER_URL.name()
                + "\": "
                + e.getMessage());
      }
    }
    return options;
  }

  /** The API base URL without a trailing slash, or null when none is configured. */
  public String serverUrl() {
    return serverUrl;
  }

  /** The API key, or null; never print it. */
  public String apiKey() {
    return apiKey;
  }

  /**
   * Whether {@code api_max_concurrent_requests} was set (as an option or conf) rather than
   * defaulted.
   */
  public boolean maxConcurrentRequestsGiven() {
    return maxConcurrentRequestsGiven;
  }

  /**
   * The client settings of these options.
   *
   * @throws IllegalStateException when no server URL is configured
   */
  public ApiSettings settings() {
    if (serverUrl == null) {
      throw new IllegalStateException(
          "no Datamint API URL: give option "
              + DatamintOptions.SERVER_URL
              + " or env "
              + DatamintOptions.ENV_API_URL);
    }
    return new ApiSettings(
        serverUrl, apiKey, connectTimeout, timeout, maxAttempts, maxConcurrentRequests);
  }

  @Override
  public String toString() {
    return "ApiOptions[server_url="
        + serverUrl
        + ", api_key="
        + (apiKey == null ? "none" : "***")
        + "]";
  }
}
