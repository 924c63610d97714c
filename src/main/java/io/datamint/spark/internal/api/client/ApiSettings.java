package io.datamint.spark.internal.api.client;

import java.io.Serializable;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Objects;

/**
 * Where and how to reach the Datamint API: the base URL, the API key and the transport's limits.
 * Small, immutable and serializable, so that it travels to executors inside partitions and file
 * stores; each JVM turns it into one shared client through {@link ApiClients}. {@link #toString()}
 * never shows the key.
 *
 * @param baseUrl the API base URL without a trailing slash, e.g. {@code https://api.datamint.io}
 * @param apiKey the API key, or null to send none
 * @param connectTimeout bound on opening a connection
 * @param requestTimeout bound on one request, from sending it to the end of its response headers;
 *     bodies are bounded by the same duration between two reads
 * @param maxAttempts attempts per request, the first included (at least 1)
 * @param maxConcurrentRequests requests in flight at once through this JVM's client (at least 1)
 */
public record ApiSettings(
    String baseUrl,
    String apiKey,
    Duration connectTimeout,
    Duration requestTimeout,
    int maxAttempts,
    int maxConcurrentRequests)
    implements Serializable {

  /** Default bound on opening a connection. */
  public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(30);

  /** Default bound on one request: the SDK's timeout for its resource and annotation endpoints. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(300);

  /** Default attempts per request. */
  public static final int DEFAULT_MAX_ATTEMPTS = 6;

  /** Default requests in flight per JVM. */
  public static final int DEFAULT_MAX_CONCURRENT_REQUESTS = 8;

  public ApiSettings {
    Objects.requireNonNull(baseUrl, "baseUrl");
    Objects.requireNonNull(connectTimeout, "connectTimeout");
    Objects.requireNonNull(requestTimeout, "requestTimeout");
    if (maxAttempts < 1) {
      throw new IllegalArgumentException("maxAttempts must be at least 1, not " + maxAttempts);
    }
    if (maxConcurrentRequests < 1) {
      throw new IllegalArgumentException(
          "maxConcurrentRequests must be at least 1, not " + maxConcurrentRequests);
    }
    baseUrl = checkedBaseUrl(baseUrl);
  }

  /** Settings with the default limits. */
  public static ApiSettings of(String baseUrl, String apiKey) {
    return new ApiSettings(
        baseUrl,
        apiKey,
        DEFAULT_CONNECT_TIMEOUT,
        DEFAULT_REQUEST_TIMEOUT,
        DEFAULT_MAX_ATTEMPTS,
        DEFAULT_MAX_CONCURRENT_REQUESTS);
  }

  /** These settings with another bound on concurrent requests. */
  public ApiSettings withMaxConcurrentRequests(int max) {
    return new ApiSettings(baseUrl, apiKey, connectTimeout, requestTimeout, maxAttempts, max);
  }

  /** These settings with another number of attempts. */
  public ApiSettings withMaxAttempts(int attempts) {
    return new ApiSettings(
        baseUrl, apiKey, connectTimeout, requestTimeout, attempts, maxConcurrentRequests);
  }

  private static String checkedBaseUrl(String url) {
    String trimmed = url.trim();
    while (trimmed.endsWith("/")) {
      trimmed = trimmed.substring(0, trimmed.length() - 1);
    }
    // a URL with user info may hold a password: never repeat it in a message
    String shown = trimmed.contains("@") ? "(not shown: it contains '@')" : "\"" + trimmed + "\"";
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException(
          "the Datamint API URL " + shown + " is not a valid URL: " + e.getReason());
    }
    if (uri.getRawUserInfo() != null || uri.getRawQuery() != null) {
      throw new IllegalArgumentException(
          "the Datamint API URL must not carry credentials or a query; give the "
              + "key with option api_key or env DATAMINT_API_KEY");
    }
    String scheme = uri.getScheme();
    if (scheme == null
        || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
        || uri.getHost() == null) {
      throw new IllegalArgumentException(
          "the Datamint API URL must be an http:// or https:// URL with a host, "
              + "such as https://api.datamint.io; got "
              + shown);
    }
    return trimmed;
  }

  /**
   * A key that tells clients apart without holding the API key: the URL, a digest of the key, and
   * the limits. Two settings with the same identity share one client in a JVM.
   */
  public String identity() {
    return baseUrl
        + "|"
        + keyDigest()
        + "|"
        + connectTimeout.toMillis()
        + "|"
        + requestTimeout.toMillis()
        + "|"
        + maxAttempts
        + "|"
        + maxConcurrentRequests;
  }

  private String keyDigest() {
    if (apiKey == null) {
      return "-";
    }
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  @Override
  public String toString() {
    return "ApiSettings["
        + baseUrl
        + ", api_key="
        + (apiKey == null ? "none" : "***")
        + ", connect_timeout="
        + connectTimeout
        + ", request_timeout="
        + requestTimeout
        + ", max_attempts="
        + maxAttempts
        + ", max_concurrent_requests="
        + maxConcurrentRequests
        + "]";
  }
}
