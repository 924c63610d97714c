package io.datamint.spark.internal.api.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.datamint.spark.internal.api.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends {@link ApiCall}s: adds the base URL and both auth headers (to the API's own origin only,
 * also across redirects), bounds requests in flight with a semaphore, retries 429, 5xx and I/O
 * failures (a dropped connection, a timeout, a truncated body) as the {@link RetryPolicy} says, and
 * maps the final failure to a {@link DatamintApiException} whose message names the call and never
 * the key. A response body is handed to a {@link BodyReader} under a {@link StallGuard}; a reader
 * that fails with an {@link IOException} is retried from the start, so readers must be restartable
 * (write from scratch each time).
 */
final class ApiTransport {

  private static final Logger LOG = LoggerFactory.getLogger(ApiTransport.class);
  private static final int ERROR_BODY_LIMIT = 4096;

  /** The media type of file downloads (counted as files fetched). */
  private static final String FILE = "application/octet-stream";

  /** Redirects followed per request. */
  static final int MAX_REDIRECTS = 5;

  /** Waits between attempts; tests record the waits instead. */
  @FunctionalInterface
  interface Sleeper {
    void sleep(long millis) throws InterruptedException;
  }

  private final ApiSettings settings;
  private static final AtomicInteger CLIENTS = new AtomicInteger();

  private final HttpClient http;
  private final ExecutorService httpThreads;
  private final Semaphore inFlight;
  private final RetryPolicy retries;
  private final Sleeper sleeper;
  private final RetryLog retryLog;

  ApiTransport(ApiSettings settings, RetryPolicy retries, Sleeper sleeper) {
    this(settings, retries, sleeper, new RetryLog());
  }

  ApiTransport(ApiSettings settings, RetryPolicy retries, Sleeper sleeper, RetryLog retryLog) {
    this.settings = settings;
    this.retryLog = retryLog;
    this.retries = retries;
    this.sleeper = sleeper;
    this.inFlight = new Semaphore(settings.maxConcurrentRequests(), true);
    int clientNumber = CLIENTS.incrementAndGet();
    AtomicInteger threads = new AtomicInteger();
    this.httpThreads =
        Executors.newCachedThreadPool(
            r -> {
              Thread t =
                  new Thread(r, "datamint-api-" + clientNumber + "-" + threads.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .executor(httpThreads)
            .connectTimeout(settings.connectTimeout())
            .followRedirects(
                HttpClient.Redirect
                    .NEVER); // followed here, so the key never leaves the API's origin
    if (settings.baseUrl().regionMatches(true, 0, "http:", 0, 5)) {
      builder.version(HttpClient.Version.HTTP_1_1); // no h2c upgrade dance on plain HTTP
    }
    this.http = builder.build();
  }

  ApiSettings settings() {
    return settings;
  }

  /**
   * Stops this transport's threads and connections. On Java 21 and later the HTTP client is closed
   * (its connections and selector thread end now); on Java 17, whose {@link HttpClient} cannot be
   * closed, they end when the unreferenced client is collected (the JDK's selector thread exits
   * once the client is unreachable, closing its pooled connections).
   */
  void close() {
    retryLog.flush();
    httpThreads.shutdown();
    if (http instanceof AutoCloseable closeable) { // java.net.http.HttpClient from Java 21
      try {
        closeable.close();
      } catch (Exception e) {
        LOG.debug("closing the HTTP client of {} failed", settings.baseUrl(), e);
      }
    }
  }

  /** Logs the retries not summarised yet. */
  void flushRetryLog() {
    retryLog.flush();
  }

  /** Requests in flight right now (for tests and metrics). */
  int inFlight() {
    return settings.maxConcurrentRequests() - inFlight.availablePermits();
  }

  /** Sends a call whose answer is JSON, and parses it. */
  JsonNode json(ApiCall call) {
    return send(
        call,
        (body, length) -> {
          byte[] bytes = body.readAllBytes();
          try {
            return bytes.length == 0 ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(bytes);
          } catch (com.fasterxml.jackson.core.JsonProcessingException
              | java.io.CharConversionException e) {
            throw MalformedBody.of(call, e);
          }
        });
  }

  /**
   * Sends a call whose answer is a JSON list (any of the SDK's envelopes) and parses its items as
   * the body streams in ({@link ApiEnvelopeStream}); a retry parses the page anew.
   *
   * @param name the endpoint's name, e.g. {@code resources}
   * @param base the listing index of the page's first item
   */
  <T> ListPage<T> page(ApiCall call, String name, long base, ItemParser<T> parser) {
    return send(
        call,
        (body, length) -> {
          try {
            return ApiEnvelopeStream.read(body, name, call.describe(), base, parser);
          } catch (com.fasterxml.jackson.core.JsonProcessingException
              | java.io.CharConversionException e) {
            throw MalformedBody.of(call, e);
          }
        });
  }

  /**
   * Sends a call and reads its body with {@code reader}, retrying as the policy says.
   *
   * @throws DatamintApiException when the last attempt fails or the answer is an error that
   *     retrying cannot fix
   */
  <T> T send(ApiCall call, BodyReader<T> reader) {
    ApiCallStats stats = ApiCallStats.current();
    for (int attempt = 1; ; attempt++) {
      OptionalLong retryAfter = OptionalLong.empty();
      DatamintApiException failure;
      String cause;
      try {
        long waitStart = System.nanoTime();
        inFlight.acquire();
        if (stats != null) {
          stats.waitedForSlot(System.nanoTime() - waitStart);
          stats.sent();
        }
        try {
          HttpResponse<InputStream> response = exchange(call);
          int status = response.statusCode();
          if (stats != null) {
            stats.answered(status);
          }
          long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
          try (StallGuard.Guarded body =
              StallGuard.guard(
                  response.body(), length, settings.requestTimeout().toMillis(), call.describe())) {
            if (status / 100 == 2) {
              T read = reader.read(body, length);
              if (stats != null && FILE.equals(call.accept())) {
                stats.fetchedFile();
              }
              return read;
            }
            String text = errorText(body);
            failure = error(call, status, text);
            if (!RetryPolicy.retryable(status)) {
              throw failure;
            }
            cause = Integer.toString(status);
            retryAfter =
                RetryPolicy.parseRetryAfter(
                    response.headers().firstValue("Retry-After").orElse(null), Instant.now());
          }
        } finally {
          inFlight.release();
        }
      } catch (MalformedBody e) {
        throw failed(
            stats,
            new DatamintApiException(DatamintApiException.Kind.TRANSPORT, 200, e.getMessage()));
      } catch (DatamintApiException e) {
        throw failed(stats, e);
      } catch (IOException e) {
        cause = e.getClass().getSimpleName();
        failure =
            new DatamintApiException(
                DatamintApiException.Kind.TRANSPORT,
                0,
                call.describe() + " on " + settings.baseUrl() + " failed: " + describe(e),
                e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed(
            stats,
            new DatamintApiException(
                DatamintApiException.Kind.TRANSPORT, 0, call.describe() + " was interrupted", e));
      }
      if (!retries.hasNext(attempt)) {
        if (attempt > 1) {
          retryLog.gaveUp(call, attempt, failure.getMessage());
        }
        throw failed(
            stats,
            attempt == 1
                ? failure
                : new DatamintApiException(
                    failure.kind(),
                    failure.status(),
                    failure.getMessage() + " (after " + attempt + " attempts)",
                    failure.getCause()));
      }
      long delay = retries.delayMillis(attempt, retryAfter);
      retryLog.retrying(call, cause, attempt, retries.maxAttempts(), failure.getMessage(), delay);
      long sleepStart = System.nanoTime();
      try {
        sleeper.sleep(delay);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw failed(
            stats,
            new DatamintApiException(
                DatamintApiException.Kind.TRANSPORT,
                0,
                call.describe() + " was interrupted while waiting to retry",
                e));
      } finally {
        if (stats != null) {
          stats.retried(System.nanoTime() - sleepStart);
        }
      }
    }
  }

  /** {@code failure}, counted as a failed call. */
  private static DatamintApiException failed(ApiCallStats stats, DatamintApiException failure) {
    if (stats != null) {
      stats.failed();
    }
    return failure;
  }

  /**
   * Sends a call and follows up to {@value #MAX_REDIRECTS} redirects. The auth headers go only to
   * the API's own origin (scheme, host and port of the base URL): a redirect elsewhere (a storage
   * or CDN link) is followed without them. 307 and 308 repeat the method and body; 301, 302 and 303
   * continue with a GET, as browsers do.
   */
  private HttpResponse<InputStream> exchange(ApiCall call)
      throws IOException, InterruptedException {
    URI origin = URI.create(settings.baseUrl());
    URI uri = URI.create(settings.baseUrl() + call.target());
    String method = call.method();
    boolean withBody = call.body() != null;
    for (int hop = 0; ; hop++) {
      HttpResponse<InputStream> response =
          http.send(
              request(call, uri, method, withBody, sameOrigin(origin, uri)),
              HttpResponse.BodyHandlers.ofInputStream());
      int status = response.statusCode();
      if (status != 301 && status != 302 && status != 303 && status != 307 && status != 308) {
        return response;
      }
      response.body().close();
      String location = response.headers().firstValue("Location").orElse(null);
      if (location == null || hop == MAX_REDIRECTS) {
        throw new DatamintApiException(
            DatamintApiException.Kind.VALIDATION,
            status,
            call.describe()
                + " on "
                + settings.baseUrl()
                + (location == null
                    ? " answered " + status + " without a Location"
                    : " was redirected more than " + MAX_REDIRECTS + " times"));
      }
      uri = uri.resolve(location);
      if (status != 307 && status != 308) {
        method = "GET";
        withBody = false;
      }
    }
  }

  private static boolean sameOrigin(URI a, URI b) {
    return a.getScheme().equalsIgnoreCase(b.getScheme())
        && a.getHost().equalsIgnoreCase(b.getHost())
        && port(a) == port(b);
  }

  private static int port(URI uri) {
    return uri.getPort() >= 0
        ? uri.getPort()
        : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
  }

  private HttpRequest request(
      ApiCall call, URI uri, String method, boolean withBody, boolean withKey) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri)
            .timeout(settings.requestTimeout())
            .header("Accept", call.accept());
    if (withKey && settings.apiKey() != null) {
      b.header("apikey", settings.apiKey()).header("Authorization", "Bearer " + settings.apiKey());
    }
    if (call.range() != null) {
      b.header("Range", call.range());
    }
    if (withBody) {
      byte[] body;
      try {
        body = Json.MAPPER.writeValueAsBytes(call.body());
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot write the body of " + call.describe(), e);
      }
      b.header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofByteArray(body));
    } else {
      b.method(method, HttpRequest.BodyPublishers.noBody());
    }
    return b.build();
  }

  private DatamintApiException error(ApiCall call, int status, String body) {
    DatamintApiException.Kind kind = DatamintApiException.kindOf(status, body);
    String reason = reason(body);
    String message;
    if (kind == DatamintApiException.Kind.AUTHENTICATION) {
      message =
          settings.apiKey() == null
              ? "the Datamint API at "
                  + settings.baseUrl()
                  + " needs an API key (401): give option api_key or set "
                  + "env DATAMINT_API_KEY"
              : "API key rejected (401) by "
                  + settings.baseUrl()
                  + ": check option api_key or env DATAMINT_API_KEY";
    } else if (kind == DatamintApiException.Kind.PERMISSION_DENIED) {
      message =
          call.describe()
              + " on "
              + settings.baseUrl()
              + ": permission denied (403) for this API key"
              + (reason.isEmpty() ? "" : ": " + reason);
    } else {
      message =
          call.describe()
              + " on "
              + settings.baseUrl()
              + " answered "
              + status
              + (reason.isEmpty() ? "" : ": " + reason);
    }
    return new DatamintApiException(kind, status, message);
  }

  /**
   * The server's reason from an error body: its error/message/detail field, or the text itself,
   * shortened.
   */
  private static String reason(String body) {
    if (body == null || body.isBlank()) {
      return "";
    }
    try {
      JsonNode json = Json.MAPPER.readTree(body);
      String text = Json.firstText(json, "error", "message", "detail");
      if (text != null) {
        return text;
      }
    } catch (IOException e) {
      // not JSON: use the text
    }
    String t = body.strip();
    return t.length() > 300 ? t.substring(0, 300) + "..." : t;
  }

  private static String errorText(InputStream body) {
    try {
      return new String(body.readNBytes(ERROR_BODY_LIMIT), StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    String type = e.getClass().getSimpleName();
    return message == null || message.isBlank() ? type : type + ": " + message;
  }

  /**
   * A 200 response whose JSON cannot be parsed: not retried, the server would send the same again.
   */
  private static final class MalformedBody extends IOException {
    private static final long serialVersionUID = 1L;

    MalformedBody(String message) {
      super(message);
    }

    /**
     * A body that is not JSON: Jackson's syntax error, or its character decoding failing (a body it
     * took for UTF-32), which is no transport failure to retry.
     */
    static MalformedBody of(ApiCall call, IOException e) {
      String text =
          e instanceof com.fasterxml.jackson.core.JsonProcessingException json
              ? json.getOriginalMessage()
              : e.getMessage();
      return new MalformedBody(call.describe() + " answered with malformed JSON: " + text);
    }
  }
}
